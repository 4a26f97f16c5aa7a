import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, DecideExtensionRequest, ExtensionState, RejectExtensionRequest, SupportExtensionListItemResponse, SupportExtensionResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/**
 * `/api/support-extensions`: the team lead's list of extension requests and
 * the decisions on them. Callers show failures themselves (`HANDLES_ERRORS_LOCALLY`).
 */
@Injectable({ providedIn: 'root' })
export class SupportExtensionsApi {
  private readonly http = inject(HttpClient);
  private readonly context = new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);

  /** `GET ?state=`: the team's requests in `state` (default: waiting for a decision), oldest first. */
  list(state: ExtensionState = 'pending'): Observable<SupportExtensionListItemResponse[]> {
    return this.http.get<SupportExtensionListItemResponse[]>(apiUrl(API_ROUTES.supportExtensions), { params: { state }, context: this.context });
  }

  /** `POST :id/approve`: the client's window moves to the requested end. */
  approve(id: string, body: DecideExtensionRequest): Observable<SupportExtensionResponse> {
    return this.http.post<SupportExtensionResponse>(`${apiUrl(API_ROUTES.supportExtensions)}/${encodeURIComponent(id)}/approve`, body, { context: this.context });
  }

  /** `POST :id/reject`. */
  reject(id: string, body: RejectExtensionRequest): Observable<SupportExtensionResponse> {
    return this.http.post<SupportExtensionResponse>(`${apiUrl(API_ROUTES.supportExtensions)}/${encodeURIComponent(id)}/reject`, body, { context: this.context });
  }
}
