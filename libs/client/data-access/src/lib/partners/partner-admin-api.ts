import { HttpClient, HttpContext, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  CreatePartnerOfferRequest,
  CreatePartnerRequest,
  CreateWorkingGroupRequest,
  PARTNER_ROUTES,
  PartnerImportPreviewResponse,
  PartnerImportResultResponse,
  PartnerOfferResponse,
  PartnerResponse,
  UpdatePartnerOfferRequest,
  UpdatePartnerRequest,
  WorkingGroupResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';

const base = `/${API_PREFIX}`;
const local = () => new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);

/** The administrator's partner directory: partners, offers, working groups and the import (`partner:manage`). */
@Injectable({ providedIn: 'root' })
export class PartnerAdminApi {
  private readonly http = inject(HttpClient);

  /** Every partner of the municipality, inactive ones and their inactive offers included. */
  partners(): Observable<PartnerResponse[]> {
    return this.http.get<PartnerResponse[]>(`${base}/${PARTNER_ROUTES.partners}`, { params: new HttpParams().set('includeInactive', 'true') });
  }

  create(request: CreatePartnerRequest): Observable<PartnerResponse> {
    return this.http.post<PartnerResponse>(`${base}/${PARTNER_ROUTES.partners}`, request, { context: local() });
  }

  update(id: string, request: UpdatePartnerRequest): Observable<PartnerResponse> {
    return this.http.patch<PartnerResponse>(`${base}/${PARTNER_ROUTES.partners}/${id}`, request, { context: local() });
  }

  createOffer(partnerId: string, request: CreatePartnerOfferRequest): Observable<PartnerOfferResponse> {
    return this.http.post<PartnerOfferResponse>(`${base}/${PARTNER_ROUTES.partners}/${partnerId}/offers`, request, { context: local() });
  }

  updateOffer(partnerId: string, offerId: string, request: UpdatePartnerOfferRequest): Observable<PartnerOfferResponse> {
    return this.http.patch<PartnerOfferResponse>(`${base}/${PARTNER_ROUTES.partners}/${partnerId}/offers/${offerId}`, request, { context: local() });
  }

  workingGroups(): Observable<WorkingGroupResponse[]> {
    return this.http.get<WorkingGroupResponse[]>(`${base}/${PARTNER_ROUTES.workingGroups}`);
  }

  createWorkingGroup(request: CreateWorkingGroupRequest): Observable<WorkingGroupResponse> {
    return this.http.post<WorkingGroupResponse>(`${base}/${PARTNER_ROUTES.workingGroups}`, request, { context: local() });
  }

  /** Uploads the file for a preview (nothing is written); events report the upload's progress. */
  previewImport(file: File): Observable<HttpEvent<PartnerImportPreviewResponse>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<PartnerImportPreviewResponse>(`${base}/${PARTNER_ROUTES.importPreview}`, body, { context: local(), reportProgress: true, observe: 'events' });
  }

  /** Sends the same file with the preview's token: writes exactly the previewed plan (409 `importStale` otherwise). */
  confirmImport(file: File, token: string): Observable<PartnerImportResultResponse> {
    const body = new FormData();
    body.append('token', token);
    body.append('file', file, file.name);
    return this.http.post<PartnerImportResultResponse>(`${base}/${PARTNER_ROUTES.importConfirm}`, body, { context: local() });
  }
}
