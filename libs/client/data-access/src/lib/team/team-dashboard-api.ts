import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, TeamDashboardQuery, TeamDashboardResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** `/api/team/dashboard`: the team lead's figures for the own team. */
@Injectable({ providedIn: 'root' })
export class TeamDashboardApi {
  private readonly http = inject(HttpClient);
  private readonly base = apiUrl(API_ROUTES.teamDashboard);

  /** `GET /api/team/dashboard`; `noContactWeeks` only when given, `refresh=true` only when asked for. */
  get(query: TeamDashboardQuery = {}): Observable<TeamDashboardResponse> {
    let params = new HttpParams();
    if (query.noContactWeeks !== undefined) params = params.set('noContactWeeks', String(query.noContactWeeks));
    if (query.refresh) params = params.set('refresh', 'true');
    return this.http.get<TeamDashboardResponse>(this.base, { params });
  }
}
