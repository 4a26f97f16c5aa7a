import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  CreateUserRequest,
  CreateUserResponse,
  ResetPasswordResponse,
  TeamResponse,
  UpdateUserRequest,
  USER_ACTIONS,
  UserResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/**
 * Account administration (Verwaltung → Benutzer:innen): the municipality's
 * accounts and teams. Searching happens in the browser — names and e-mail
 * addresses never go into a URL. The screen shows every failure itself.
 */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly users = apiUrl(API_ROUTES.users);
  private readonly teamsUrl = apiUrl(API_ROUTES.teams);
  private readonly local = () => new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);

  /** `GET /api/users`: every account of the municipality. */
  list(): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>(this.users, { context: this.local() });
  }

  /** `GET /api/users/:id`: one account as it is now (e.g. its current version before an edit). */
  get(id: string): Observable<UserResponse> {
    return this.http.get<UserResponse>(this.path(id), { context: this.local() });
  }

  /** `GET /api/teams`: for the team names and the team choice. */
  teams(): Observable<TeamResponse[]> {
    return this.http.get<TeamResponse[]>(this.teamsUrl, { context: this.local() });
  }

  /** `POST /api/users`: the answer carries the one-time password, shown once. */
  create(request: CreateUserRequest): Observable<CreateUserResponse> {
    return this.http.post<CreateUserResponse>(this.users, request, { context: this.local() });
  }

  /** `PATCH /api/users/:id` (send `version` for optimistic locking). */
  update(id: string, request: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(this.path(id), request, { context: this.local() });
  }

  /** `POST /api/users/:id/reset-password`: a new one-time password, shown once. */
  resetPassword(id: string): Observable<ResetPasswordResponse> {
    return this.http.post<ResetPasswordResponse>(this.path(id, USER_ACTIONS.resetPassword), {}, { context: this.local() });
  }

  /** `POST /api/users/:id/unlock`. */
  unlock(id: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(this.path(id, USER_ACTIONS.unlock), {}, { context: this.local() });
  }

  /** `POST /api/users/:id/reset-second-factor`. */
  resetSecondFactor(id: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(this.path(id, USER_ACTIONS.resetSecondFactor), {}, { context: this.local() });
  }

  private path(id: string, action?: string): string {
    return `${this.users}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
  }
}

/** The error code of a failed call (`staleVersion`, `emailTaken`, …) and, for 400, the field codes. */
export function usersApiError(error: unknown): { code?: string; fields: Record<string, string> } {
  const body = (error as { error?: unknown } | null)?.error;
  if (typeof body !== 'object' || body === null) return { fields: {} };
  const { code, errors } = body as { code?: unknown; errors?: unknown };
  const fields: Record<string, string> = {};
  if (typeof errors === 'object' && errors !== null) {
    for (const [field, value] of Object.entries(errors)) if (typeof value === 'string') fields[field] = value;
  }
  return { code: typeof code === 'string' ? code : undefined, fields };
}
