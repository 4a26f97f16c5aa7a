import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PREFIX, PARTNER_ROUTES, PartnerOfferListItemResponse, PartnerOfferSearchQuery, PartnerResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';

/** `/api/partner-offers`: the partner directory's offers, what a client is referred to. */
@Injectable({ providedIn: 'root' })
export class PartnersApi {
  private readonly http = inject(HttpClient);

  /** `GET /api/partner-offers?q=&topic=`: active offers with their partner; empty query values are left out. */
  offers(query: PartnerOfferSearchQuery = {}): Observable<PartnerOfferListItemResponse[]> {
    let params = new HttpParams();
    const q = query.q?.trim();
    if (q) params = params.set('q', q);
    if (query.topic) params = params.set('topic', query.topic);
    return this.http.get<PartnerOfferListItemResponse[]>(`/${API_PREFIX}/${PARTNER_ROUTES.partnerOffers}`, { params });
  }

  /** `GET /api/partners`: the active partners and working groups, e.g. as recipients of a consent. */
  partners(): Observable<PartnerResponse[]> {
    return this.http.get<PartnerResponse[]>(`/${API_PREFIX}/${PARTNER_ROUTES.partners}`);
  }
}
