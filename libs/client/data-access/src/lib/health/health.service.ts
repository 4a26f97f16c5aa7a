import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, HealthResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

@Injectable({ providedIn: 'root' })
export class HealthService {
  private readonly http = inject(HttpClient);

  /**
   * `GET /api/health/ready`: is the API ready to serve (database reachable)?
   * Callers show the outcome themselves, so failures skip the global error snackbar.
   */
  readiness(): Observable<HealthResponse> {
    return this.http.get<HealthResponse>(apiUrl(API_ROUTES.healthReady), {
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }
}
