import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  ErasureReason,
  ErasureRequestResponse,
  ErasureRequestState,
  LegalHoldResponse,
  RetentionDryRunResponse,
  RetentionPolicyRequest,
  RetentionPolicyResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/**
 * Retention and erasure (issue 8): the municipality's policy, the dry run and
 * the erasure requests (administrators), legal holds and Art. 17 requests of
 * one client (team leads). The screens show every failure themselves.
 */
@Injectable({ providedIn: 'root' })
export class RetentionApi {
  private readonly http = inject(HttpClient);
  private readonly retention = apiUrl(API_ROUTES.retention);
  private readonly clients = apiUrl(API_ROUTES.clients);
  private readonly requests = apiUrl(API_ROUTES.erasureRequests);
  private readonly local = () => new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);

  /** `GET /api/retention/policy`. */
  policy(): Observable<RetentionPolicyResponse> {
    return this.http.get<RetentionPolicyResponse>(`${this.retention}/policy`, { context: this.local() });
  }

  /** `PUT /api/retention/policy`. */
  savePolicy(request: RetentionPolicyRequest): Observable<RetentionPolicyResponse> {
    return this.http.put<RetentionPolicyResponse>(`${this.retention}/policy`, request, { context: this.local() });
  }

  /** `GET /api/retention/dry-run?today=YYYY-MM-DD`: case numbers the job would erase; changes nothing. */
  dryRun(today: string): Observable<RetentionDryRunResponse> {
    return this.http.get<RetentionDryRunResponse>(`${this.retention}/dry-run`, { params: new HttpParams().set('today', today), context: this.local() });
  }

  /** `GET /api/erasure-requests?state=…`. */
  erasureRequests(state: ErasureRequestState): Observable<ErasureRequestResponse[]> {
    return this.http.get<ErasureRequestResponse[]>(this.requests, { params: new HttpParams().set('state', state), context: this.local() });
  }

  /** `POST /api/erasure-requests/:id/confirm`: erases the client (cannot be undone). */
  confirmErasure(id: string): Observable<ErasureRequestResponse> {
    return this.http.post<ErasureRequestResponse>(`${this.requests}/${encodeURIComponent(id)}/confirm`, {}, { context: this.local() });
  }

  /** `PUT /api/clients/:id/legal-hold`. */
  setLegalHold(clientId: string, reason: string): Observable<LegalHoldResponse> {
    return this.http.put<LegalHoldResponse>(`${this.clients}/${encodeURIComponent(clientId)}/legal-hold`, { reason }, { context: this.local() });
  }

  /** `DELETE /api/clients/:id/legal-hold`. */
  liftLegalHold(clientId: string): Observable<void> {
    return this.http.delete<void>(`${this.clients}/${encodeURIComponent(clientId)}/legal-hold`, { context: this.local() });
  }

  /** `POST /api/clients/:id/erasure-requests` (Art. 17 GDPR, a reason code only). */
  requestErasure(clientId: string, reason: ErasureReason): Observable<ErasureRequestResponse> {
    return this.http.post<ErasureRequestResponse>(`${this.clients}/${encodeURIComponent(clientId)}/erasure-requests`, { reason }, { context: this.local() });
  }
}

/** The error code of a failed call (`legalHold`, `erasureRequestPending`, …), whether or not it is a global one. */
export function retentionErrorCode(error: unknown): string | undefined {
  const body = (error as { error?: unknown } | null)?.error;
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code : undefined;
}
