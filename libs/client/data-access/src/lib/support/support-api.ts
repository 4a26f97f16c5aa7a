import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  CloseSupportRequest,
  RequestExtensionRequest,
  SupportExtensionResponse,
  SupportResponse,
  SupportTransitionRequest,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/** A change of the support state that needs no more than the day it takes effect. */
export type SupportTransitionKind = 'pause' | 'resume' | 'reopen';

/**
 * `/api/clients/:id/support`: the support period (Betreuungszeitraum) of a
 * client: pause, resume, close, reopen, request an extension. The dialogs
 * show failures themselves (`HANDLES_ERRORS_LOCALLY`).
 */
@Injectable({ providedIn: 'root' })
export class SupportApi {
  private readonly http = inject(HttpClient);
  private readonly context = new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);

  /** `POST pause|resume|reopen`: `on` defaults to today. */
  transition(clientId: string, kind: SupportTransitionKind, body: SupportTransitionRequest = {}): Observable<SupportResponse> {
    return this.http.post<SupportResponse>(`${this.base(clientId)}/${kind}`, body, { context: this.context });
  }

  /** `POST close`: with a closure reason; the case becomes read-only. */
  close(clientId: string, body: CloseSupportRequest): Observable<SupportResponse> {
    return this.http.post<SupportResponse>(`${this.base(clientId)}/close`, body, { context: this.context });
  }

  /** `POST extensions`: waits for the team lead's decision; the window does not move before. */
  requestExtension(clientId: string, body: RequestExtensionRequest): Observable<SupportExtensionResponse> {
    return this.http.post<SupportExtensionResponse>(`${this.base(clientId)}/extensions`, body, { context: this.context });
  }

  private base(clientId: string): string {
    return `${apiUrl(API_ROUTES.clients)}/${encodeURIComponent(clientId)}/support`;
  }
}
