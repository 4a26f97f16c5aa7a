import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  CreateTeamRequest,
  TeamDetailResponse,
  TeamMemberResponse,
  TeamResponse,
  UpdateCaseloadLimitRequest,
  UpdateTeamRequest,
  UserResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/** Writes whose refusals the dialogs show at their fields (409 teamNameTaken, 400 field codes). */
const local = () => ({ context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true) });

/** Verwaltung → Teams (administrator): teams, their members' caseloads and limits, and making an account a team lead. */
@Injectable({ providedIn: 'root' })
export class TeamAdminApi {
  private readonly http = inject(HttpClient);
  private readonly teams = apiUrl(API_ROUTES.teams);
  private readonly users = apiUrl(API_ROUTES.users);

  /** `GET /api/teams`: the municipality's teams with their leads and member counts. */
  list(): Observable<TeamResponse[]> {
    return this.http.get<TeamResponse[]>(this.teams);
  }

  /** `GET /api/teams/:id`: the team with its active members, their open caseloads and limits. */
  detail(id: string): Observable<TeamDetailResponse> {
    return this.http.get<TeamDetailResponse>(`${this.teams}/${encodeURIComponent(id)}`);
  }

  create(request: CreateTeamRequest): Observable<TeamResponse> {
    return this.http.post<TeamResponse>(this.teams, request, local());
  }

  rename(id: string, request: UpdateTeamRequest): Observable<TeamResponse> {
    return this.http.patch<TeamResponse>(`${this.teams}/${encodeURIComponent(id)}`, request, local());
  }

  /** `PUT /api/teams/:id/members/:userId/caseload-limit`: both limits at once (null: none). */
  setCaseloadLimit(teamId: string, userId: string, request: UpdateCaseloadLimitRequest): Observable<TeamMemberResponse> {
    return this.http.put<TeamMemberResponse>(
      `${this.teams}/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}/caseload-limit`,
      request,
      local(),
    );
  }

  /** `GET /api/users`: the municipality's accounts (the candidates for a team lead). */
  accounts(): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>(this.users);
  }

  /** `PATCH /api/users/:id`: the account becomes a team lead (Sachgebietsleitung) of the team; its sessions end. */
  makeLead(user: UserResponse, teamId: string): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`${this.users}/${encodeURIComponent(user.id)}`, { role: 'team_lead', teamId, version: user.version }, local());
  }
}
