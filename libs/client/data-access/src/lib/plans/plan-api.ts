import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  AgreePlanRequest,
  CreateGoalRequest,
  CreateGoalStepRequest,
  GoalResponse,
  GoalStepResponse,
  PlanAgreementResponse,
  PlanResponse,
  UpdateGoalRequest,
  UpdateGoalStepRequest,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/** Options of a write: whether the caller shows failures itself (default: it does). */
export interface PlanWriteOptions {
  handlesErrorsLocally?: boolean;
}

/**
 * `/api/clients/:clientId/plan`: a client's integration plan, its goals and
 * agreed steps. The forms that call these show field errors (400) and
 * conflicts (409 `staleVersion`) themselves, so writes are marked
 * `HANDLES_ERRORS_LOCALLY` unless the caller asks for the global message.
 */
@Injectable({ providedIn: 'root' })
export class PlanApi {
  private readonly http = inject(HttpClient);

  /** `GET`: the current plan and its latest agreement (the caller shows failures). */
  plan(clientId: string): Observable<PlanResponse> {
    return this.http.get<PlanResponse>(this.base(clientId), { context: local(true) });
  }

  /** `POST goals`: a new goal. */
  createGoal(clientId: string, body: CreateGoalRequest, options: PlanWriteOptions = {}): Observable<GoalResponse> {
    return this.http.post<GoalResponse>(`${this.base(clientId)}/goals`, body, { context: local(options.handlesErrorsLocally) });
  }

  /** `PATCH goals/:goalId`: only what is sent changes; 409 `staleVersion` when `version` is not the current one. */
  updateGoal(clientId: string, goalId: string, body: UpdateGoalRequest, options: PlanWriteOptions = {}): Observable<GoalResponse> {
    return this.http.patch<GoalResponse>(`${this.base(clientId)}/goals/${encodeURIComponent(goalId)}`, body, {
      context: local(options.handlesErrorsLocally),
    });
  }

  /** `POST goals/:goalId/steps`: a new agreed step. */
  createStep(clientId: string, goalId: string, body: CreateGoalStepRequest, options: PlanWriteOptions = {}): Observable<GoalStepResponse> {
    return this.http.post<GoalStepResponse>(`${this.base(clientId)}/goals/${encodeURIComponent(goalId)}/steps`, body, {
      context: local(options.handlesErrorsLocally),
    });
  }

  /** `PATCH goals/:goalId/steps/:stepId`: e.g. `doneOn` today (done) or `null` (open again). */
  updateStep(
    clientId: string,
    goalId: string,
    stepId: string,
    body: UpdateGoalStepRequest,
    options: PlanWriteOptions = {},
  ): Observable<GoalStepResponse> {
    return this.http.patch<GoalStepResponse>(
      `${this.base(clientId)}/goals/${encodeURIComponent(goalId)}/steps/${encodeURIComponent(stepId)}`,
      body,
      { context: local(options.handlesErrorsLocally) },
    );
  }

  /** `POST agree`: records that the plan as it is now was agreed with the client on `agreedOn`. */
  agree(clientId: string, body: AgreePlanRequest, options: PlanWriteOptions = {}): Observable<PlanAgreementResponse> {
    return this.http.post<PlanAgreementResponse>(`${this.base(clientId)}/agree`, body, { context: local(options.handlesErrorsLocally) });
  }

  private base(clientId: string): string {
    return `${apiUrl(API_ROUTES.clients)}/${encodeURIComponent(clientId)}/plan`;
  }
}

function local(handlesErrorsLocally = true): HttpContext {
  return new HttpContext().set(HANDLES_ERRORS_LOCALLY, handlesErrorsLocally);
}
