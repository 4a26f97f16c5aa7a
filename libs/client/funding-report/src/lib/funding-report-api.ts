import { HttpClient, HttpContext, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { apiUrl, HANDLES_ERRORS_LOCALLY } from '@wegweiser/client/data-access';
import { API_ROUTES, FundingReportQuery, FundingReportResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';

/**
 * `/api/funding-report`: the Verwendungsnachweis of the administrator's municipality. Only the period goes into the
 * URL. The screen shows every failure itself.
 */
@Injectable({ providedIn: 'root' })
export class FundingReportApi {
  private readonly http = inject(HttpClient);
  private readonly base = apiUrl(API_ROUTES.fundingReport);
  private readonly local = () => new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);
  private readonly params = (period: FundingReportQuery) => new HttpParams().set('from', period.from).set('to', period.to);

  /** `GET /api/funding-report?from&to`: the figures (the run is audited). */
  report(period: FundingReportQuery): Observable<FundingReportResponse> {
    return this.http.get<FundingReportResponse>(this.base, { params: this.params(period), context: this.local() });
  }

  /** `GET /api/funding-report/xlsx|pdf?from&to`: the file (cookie session), with its name in Content-Disposition. */
  file(period: FundingReportQuery, format: 'xlsx' | 'pdf'): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base}/${format}`, { params: this.params(period), responseType: 'blob', observe: 'response', context: this.local() });
  }
}
