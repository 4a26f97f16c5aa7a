import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  ClientAssignmentsResponse,
  ReassignClientsRequest,
  ReassignClientsResponse,
  TeamManagersResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/** Reassigning clients within the team (team lead), the team's managers, and a client's assignment history. */
@Injectable({ providedIn: 'root' })
export class ReassignmentApi {
  private readonly http = inject(HttpClient);
  private readonly clients = apiUrl(API_ROUTES.clients);

  /** `POST /api/clients/reassign`: all or nothing. The dialog shows refusals itself (400 field codes, 404). */
  reassign(request: ReassignClientsRequest): Observable<ReassignClientsResponse> {
    return this.http.post<ReassignClientsResponse>(`${this.clients}/reassign`, request, {
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }

  /** `GET /api/teams/mine/managers`: the active managers of the team lead's team, by name. */
  teamManagers(): Observable<TeamManagersResponse> {
    return this.http.get<TeamManagersResponse>(`${apiUrl(API_ROUTES.teams)}/mine/managers`);
  }

  /** `GET /api/clients/:id/assignments`: who was responsible when, newest first. */
  history(clientId: string): Observable<ClientAssignmentsResponse> {
    return this.http.get<ClientAssignmentsResponse>(`${this.clients}/${encodeURIComponent(clientId)}/assignments`);
  }
}
