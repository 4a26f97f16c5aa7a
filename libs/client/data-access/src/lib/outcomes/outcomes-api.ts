import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  CreateOutcomeRequest,
  CreateSoftRatingRequest,
  OutcomeCreatedResponse,
  OutcomeResponse,
  OutcomeUndoneResponse,
  SoftRatingResponse,
  UpdateOutcomeRequest,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/** `/api/clients/:clientId/outcomes` and `.../ratings`: a client's outcomes (Ergebnisse) and soft ratings. */
@Injectable({ providedIn: 'root' })
export class OutcomesApi {
  private readonly http = inject(HttpClient);

  /** `POST .../outcomes`; the caller shows failures itself (field errors such as `requiredForKind`). */
  createOutcome(clientId: string, body: CreateOutcomeRequest): Observable<OutcomeCreatedResponse> {
    return this.http.post<OutcomeCreatedResponse>(this.base(clientId, 'outcomes'), body, { context: locally() });
  }

  /** `PATCH .../outcomes/:id` with the version read; the caller shows failures itself (`endsBeforeStart`, 409 `staleVersion`). */
  updateOutcome(clientId: string, outcomeId: string, body: UpdateOutcomeRequest): Observable<OutcomeResponse> {
    return this.http.patch<OutcomeResponse>(`${this.base(clientId, 'outcomes')}/${encodeURIComponent(outcomeId)}`, body, { context: locally() });
  }

  /** `POST .../outcomes/:id/undo`: removes an outcome just recorded and restores the goals and German level it changed. */
  undoOutcome(clientId: string, outcomeId: string, version: number): Observable<OutcomeUndoneResponse> {
    return this.http.post<OutcomeUndoneResponse>(`${this.base(clientId, 'outcomes')}/${encodeURIComponent(outcomeId)}/undo`, { version });
  }

  /** `POST .../ratings`; failures are shown by the global error interceptor. */
  createRating(clientId: string, body: CreateSoftRatingRequest): Observable<SoftRatingResponse> {
    return this.http.post<SoftRatingResponse>(this.base(clientId, 'ratings'), body);
  }

  private base(clientId: string, resource: 'outcomes' | 'ratings'): string {
    return `${apiUrl(API_ROUTES.clients)}/${encodeURIComponent(clientId)}/${resource}`;
  }
}

const locally = () => new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);
