import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, ReminderCountResponse, ReminderListQuery, ReminderPageResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/** `/api/reminders`: the signed-in user's reminders (a team lead's: the team's). */
@Injectable({ providedIn: 'root' })
export class RemindersApi {
  private readonly http = inject(HttpClient);

  list(query: ReminderListQuery = {}): Observable<ReminderPageResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params = params.set(key, String(value));
    return this.http.get<ReminderPageResponse>(apiUrl(API_ROUTES.reminders), { params });
  }

  /** The bell's count; polled in the background, so a failure stays silent (the badge keeps its last value). */
  count(): Observable<ReminderCountResponse> {
    return this.http.get<ReminderCountResponse>(`${apiUrl(API_ROUTES.reminders)}/count`, { context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true) });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${apiUrl(API_ROUTES.reminders)}/${encodeURIComponent(id)}/read`, null);
  }
}
