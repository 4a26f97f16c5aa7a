import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, ClientResponse, CreateClientRequest, DuplicateCheckRequest, DuplicateCheckResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/** Intake: search before create, then create (`/api/clients`). Names and dates travel in bodies only, never in URLs. */
@Injectable({ providedIn: 'root' })
export class IntakeApi {
  private readonly http = inject(HttpClient);
  private readonly base = apiUrl(API_ROUTES.clients);

  /** `POST /api/clients/duplicate-check`: possible matches while typing; the form shows a failed check itself (quietly). */
  duplicateCheck(request: DuplicateCheckRequest): Observable<DuplicateCheckResponse> {
    return this.http.post<DuplicateCheckResponse>(`${this.base}/duplicate-check`, request, {
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }

  /** `POST /api/clients`: the server allocates the case number. The form shows field errors (400) itself. */
  create(request: CreateClientRequest): Observable<ClientResponse> {
    return this.http.post<ClientResponse>(this.base, request, {
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }
}
