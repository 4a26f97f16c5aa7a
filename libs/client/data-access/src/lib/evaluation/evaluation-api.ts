import { HttpClient, HttpContext, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  EvaluationPolicyRequest,
  EvaluationPolicyResponse,
  EvaluationReportFormat,
  EvaluationReportJobResponse,
  EvaluationReportListResponse,
  EvaluationReportRequest,
  EvaluationReportResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/**
 * `/api/evaluation`: the anonymised preview, report jobs and their files.
 * The evaluation screen shows every failure itself (the threshold message,
 * field errors, a failed download next to its button).
 */
@Injectable({ providedIn: 'root' })
export class EvaluationApi {
  private readonly http = inject(HttpClient);
  private readonly base = apiUrl(API_ROUTES.evaluation);
  private readonly local = () => new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);

  /** `GET /api/evaluation/policy`: the municipality's disclosure threshold k. */
  policy(): Observable<EvaluationPolicyResponse> {
    return this.http.get<EvaluationPolicyResponse>(`${this.base}/policy`, { context: this.local() });
  }

  /** `PUT /api/evaluation/policy` (administrators): sets k (400 with a field error for anything but an integer 5…100). */
  setPolicy(request: EvaluationPolicyRequest): Observable<EvaluationPolicyResponse> {
    return this.http.put<EvaluationPolicyResponse>(`${this.base}/policy`, request, { context: this.local() });
  }

  /** `POST /api/evaluation/preview`: the published tables (422 `populationBelowThreshold` when too few people). */
  preview(request: EvaluationReportRequest): Observable<EvaluationReportResponse> {
    return this.http.post<EvaluationReportResponse>(`${this.base}/preview`, request, { context: this.local() });
  }

  /** `POST /api/evaluation/reports` → 202: a job that builds the files in the background. */
  createReport(request: EvaluationReportRequest): Observable<EvaluationReportJobResponse> {
    return this.http.post<EvaluationReportJobResponse>(`${this.base}/reports`, request, { context: this.local() });
  }

  /** `GET /api/evaluation/reports`: the caller's own reports, newest first. */
  reports(): Observable<EvaluationReportListResponse> {
    return this.http.get<EvaluationReportListResponse>(`${this.base}/reports`, { context: this.local() });
  }

  /** `GET /api/evaluation/reports/:id`: state and progress of one own job. */
  report(id: string): Observable<EvaluationReportJobResponse> {
    return this.http.get<EvaluationReportJobResponse>(`${this.base}/reports/${encodeURIComponent(id)}`, { context: this.local() });
  }

  /** `GET /api/evaluation/reports/:id/file?format=…`: a finished report's file (cookie session, no token in the URL). */
  file(id: string, format: EvaluationReportFormat): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base}/reports/${encodeURIComponent(id)}/file`, {
      params: new HttpParams().set('format', format),
      responseType: 'blob',
      observe: 'response',
      context: this.local(),
    });
  }
}
