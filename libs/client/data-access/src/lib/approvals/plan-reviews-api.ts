import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  API_ROUTES,
  ApprovePlanReviewRequest,
  PLAN_REVIEW_ROUTES,
  PlanReviewListItemResponse,
  PlanReviewResponse,
  PlanReviewState,
  ReturnPlanReviewRequest,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/**
 * The four-eyes sign-off of plans: `/api/clients/:clientId/plan/review/*`
 * (submit, approve, return), the history, and the team lead's waiting list
 * `/api/plan-reviews`. The callers show failures (e.g. 409 `staleVersion`)
 * themselves, so every request is marked `HANDLES_ERRORS_LOCALLY`.
 */
@Injectable({ providedIn: 'root' })
export class PlanReviewsApi {
  private readonly http = inject(HttpClient);
  private readonly context = new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);

  /** `GET /api/plan-reviews?state=`: the team's plans whose latest review is in `state` (default: waiting). */
  list(state: PlanReviewState = 'submitted'): Observable<PlanReviewListItemResponse[]> {
    return this.http.get<PlanReviewListItemResponse[]>(`/${API_PREFIX}/${PLAN_REVIEW_ROUTES.list}`, { params: { state }, context: this.context });
  }

  /** `GET reviews`: every review of the client's plan, newest first. */
  history(clientId: string): Observable<PlanReviewResponse[]> {
    return this.http.get<PlanReviewResponse[]>(`${this.base(clientId)}/reviews`, { context: this.context });
  }

  /** `POST review/submit`: the latest agreed version goes to the team lead. */
  submit(clientId: string): Observable<PlanReviewResponse> {
    return this.http.post<PlanReviewResponse>(`${this.base(clientId)}/review/submit`, {}, { context: this.context });
  }

  /** `POST review/approve` (team lead). */
  approve(clientId: string, body: ApprovePlanReviewRequest): Observable<PlanReviewResponse> {
    return this.http.post<PlanReviewResponse>(`${this.base(clientId)}/review/approve`, body, { context: this.context });
  }

  /** `POST review/return` (team lead): back to the manager with a comment. */
  returnToManager(clientId: string, body: ReturnPlanReviewRequest): Observable<PlanReviewResponse> {
    return this.http.post<PlanReviewResponse>(`${this.base(clientId)}/review/return`, body, { context: this.context });
  }

  private base(clientId: string): string {
    return `${apiUrl(API_ROUTES.clients)}/${encodeURIComponent(clientId)}/plan`;
  }
}
