import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  AUDIT_API_ROUTES,
  AuditChainStatusResponse,
  AuditPersonResponse,
  AuditSearchRequest,
  AuditTablePageResponse,
  AuditVerificationResponse,
  ClientAccessReportResponse,
  ErasureRequestOverviewResponse,
  SubjectAccessExportResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';

const url = (route: (typeof AUDIT_API_ROUTES)[keyof typeof AUDIT_API_ROUTES]) => `/${API_PREFIX}/${route}`;

/**
 * The data-protection officer's API (`/api/audit/...`): searches and the
 * access report go in POST bodies (no case number or name in a URL). The
 * Datenschutz screens show every failure themselves.
 */
@Injectable({ providedIn: 'root' })
export class DataProtectionApi {
  private readonly http = inject(HttpClient);
  private readonly local = () => new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);

  /** `POST /api/audit/search`: one page of the filtered trail, newest first. */
  search(filter: AuditSearchRequest): Observable<AuditTablePageResponse> {
    return this.http.post<AuditTablePageResponse>(url(AUDIT_API_ROUTES.search), filter, { context: this.local() });
  }

  /** `POST /api/audit/export`: every matching event as a CSV file (the export is audited). */
  exportCsv(filter: AuditSearchRequest): Observable<HttpResponse<Blob>> {
    return this.http.post(url(AUDIT_API_ROUTES.export), filter, { responseType: 'blob', observe: 'response', context: this.local() });
  }

  /** `POST /api/audit/access-report`: who read or tried to read one client's file. */
  accessReport(caseNumber: string): Observable<ClientAccessReportResponse> {
    return this.http.post<ClientAccessReportResponse>(url(AUDIT_API_ROUTES.accessReport), { caseNumber }, { context: this.local() });
  }

  /** `GET /api/audit/people`: the municipality's accounts for the person filter. */
  people(): Observable<AuditPersonResponse[]> {
    return this.http.get<AuditPersonResponse[]>(url(AUDIT_API_ROUTES.people), { context: this.local() });
  }

  /** `GET /api/audit/chain`: the last verification and the one running. */
  chainStatus(): Observable<AuditChainStatusResponse> {
    return this.http.get<AuditChainStatusResponse>(url(AUDIT_API_ROUTES.chain), { context: this.local() });
  }

  /** `POST /api/audit/chain/verifications` → 202: "Jetzt prüfen" (a background job). */
  verifyChain(): Observable<AuditVerificationResponse> {
    return this.http.post<AuditVerificationResponse>(url(AUDIT_API_ROUTES.chainVerifications), {}, { context: this.local() });
  }

  /** `GET /api/audit/chain/verifications/:id`: state and progress of one run. */
  verification(id: string): Observable<AuditVerificationResponse> {
    return this.http.get<AuditVerificationResponse>(`${url(AUDIT_API_ROUTES.chainVerifications)}/${encodeURIComponent(id)}`, { context: this.local() });
  }

  /** `GET /api/audit/subject-access-exports`: Art. 15 exports. */
  subjectAccessExports(): Observable<SubjectAccessExportResponse[]> {
    return this.http.get<SubjectAccessExportResponse[]>(url(AUDIT_API_ROUTES.subjectAccessExports), { context: this.local() });
  }

  /** `GET /api/audit/erasure-requests`: Art. 17 requests with who asked and who confirmed. */
  erasureRequests(): Observable<ErasureRequestOverviewResponse[]> {
    return this.http.get<ErasureRequestOverviewResponse[]>(url(AUDIT_API_ROUTES.erasureRequests), { context: this.local() });
  }
}
