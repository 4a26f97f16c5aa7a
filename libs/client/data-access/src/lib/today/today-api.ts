import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, TodayResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/** `/api/today`: the start page "Heute" and an appointment's calendar file. */
@Injectable({ providedIn: 'root' })
export class TodayApi {
  private readonly http = inject(HttpClient);
  private readonly base = apiUrl(API_ROUTES.today);

  today(): Observable<TodayResponse> {
    return this.http.get<TodayResponse>(this.base, { context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true) });
  }

  /** `GET /api/today/appointments/:conversationId/ics`, with the session cookie (the page shows a failure next to the button). */
  appointmentIcs(conversationId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base}/appointments/${encodeURIComponent(conversationId)}/ics`, {
      responseType: 'blob',
      observe: 'response',
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }
}
