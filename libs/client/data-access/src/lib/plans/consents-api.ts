import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PREFIX, ConsentResponse, CreateConsentRequest, PLAN_ROUTES, WithdrawConsentRequest } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';

/**
 * `/api/clients/:clientId/consents`: a client's consents (Einwilligungen).
 * The forms show failures themselves (field errors, `staleVersion`, `caseClosed`).
 */
@Injectable({ providedIn: 'root' })
export class ConsentsApi {
  private readonly http = inject(HttpClient);
  private readonly context = new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);

  /** `POST`: records a consent the client gave. */
  create(clientId: string, body: CreateConsentRequest): Observable<ConsentResponse> {
    return this.http.post<ConsentResponse>(this.base(clientId), body, {
      context: this.context,
    });
  }

  /** `POST /:consentId/withdraw`: the consent ends on `withdrawnOn` (default today); it stays in the file. */
  withdraw(clientId: string, consentId: string, body: WithdrawConsentRequest): Observable<ConsentResponse> {
    return this.http.post<ConsentResponse>(`${this.base(clientId)}/${encodeURIComponent(consentId)}/withdraw`, body, { context: this.context });
  }

  private base(clientId: string): string {
    return `/${API_PREFIX}/${PLAN_ROUTES.consents.replace(':clientId', encodeURIComponent(clientId))}`;
  }
}
