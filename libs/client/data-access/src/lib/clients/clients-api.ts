import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  ClientFileResponse,
  ClientListQuery,
  ClientPageResponse,
  TimelineResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/** `/api/clients`: the caseload list, a client's file and timeline. */
@Injectable({ providedIn: 'root' })
export class ClientsApi {
  private readonly http = inject(HttpClient);
  private readonly base = apiUrl(API_ROUTES.clients);

  /** `GET /api/clients`: one page (keyset); empty and undefined query values are left out. */
  list(query: ClientListQuery = {}): Observable<ClientPageResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query) as [string, string | number | undefined][]) {
      if (value !== undefined && value !== '') {
        params = params.set(key, String(value));
      }
    }
    return this.http.get<ClientPageResponse>(this.base, { params });
  }

  /**
   * `GET /api/clients/:id/file`: everything the file's tabs show. The caller
   * shows "not found" itself (404 for unknown clients and those of other teams).
   */
  file(clientId: string): Observable<ClientFileResponse> {
    return this.http.get<ClientFileResponse>(`${this.base}/${encodeURIComponent(clientId)}/file`, {
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }

  /** `GET /api/clients/:id/timeline`: events newest first. */
  timeline(clientId: string): Observable<TimelineResponse> {
    return this.http.get<TimelineResponse>(`${this.base}/${encodeURIComponent(clientId)}/timeline`, {
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }
}
