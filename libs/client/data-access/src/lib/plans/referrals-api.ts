import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PREFIX, CreateReferralRequest, PLAN_ROUTES, ReferralResponse, UpdateReferralRequest } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';

/** `/api/clients/:clientId/plan/referrals`: a client's referrals (Vermittlungen) to partners' offers. */
@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly http = inject(HttpClient);

  /**
   * `POST`: refers the client to an offer. The caller shows failures itself
   * (409 `consentRequired` when the client has no valid consent for the partner).
   */
  create(clientId: string, body: CreateReferralRequest): Observable<ReferralResponse> {
    return this.http.post<ReferralResponse>(this.base(clientId), body, {
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }

  /** `PATCH /:referralId`: moves a referral on; failures (e.g. `staleVersion`) are shown by the global error interceptor. */
  update(clientId: string, referralId: string, body: UpdateReferralRequest): Observable<ReferralResponse> {
    return this.http.patch<ReferralResponse>(`${this.base(clientId)}/${encodeURIComponent(referralId)}`, body);
  }

  private base(clientId: string): string {
    return `/${API_PREFIX}/${PLAN_ROUTES.plan.replace(':clientId', encodeURIComponent(clientId))}/referrals`;
  }
}
