import { HttpClient, HttpContext, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, PlanDocumentLanguage } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';


/**
 * `/api/clients/:id/documents`: PDFs of one client, fetched with the session
 * cookie (never a token in a URL). The file page shows failures next to the button.
 */
@Injectable({ providedIn: 'root' })
export class ClientDocumentsApi {
  private readonly http = inject(HttpClient);
  private readonly base = apiUrl(API_ROUTES.clients);

  /** `GET /api/clients/:id/documents/plan?language=…`: the bilingual integration plan. */
  plan(clientId: string, language: PlanDocumentLanguage): Observable<HttpResponse<Blob>> {
    return this.pdf(clientId, 'plan', new HttpParams().set('language', language));
  }

  /** `GET /api/clients/:id/documents/subject-access`: everything stored about the client (Art. 15 GDPR). */
  subjectAccess(clientId: string): Observable<HttpResponse<Blob>> {
    return this.pdf(clientId, 'subject-access', new HttpParams());
  }

  private pdf(clientId: string, document: string, params: HttpParams): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base}/${encodeURIComponent(clientId)}/documents/${document}`, {
      params,
      responseType: 'blob',
      observe: 'response',
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }
}
