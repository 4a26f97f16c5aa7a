import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { DataProtectionApi } from './data-protection-api';

describe('DataProtectionApi', () => {
  let api: DataProtectionApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(DataProtectionApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends searches and case numbers in POST bodies, never in the URL, and shows failures itself', () => {
    api.search({ caseNumber: 'BH-2026-00001', action: 'read', before: '42' }).subscribe();
    api.exportCsv({ caseNumber: 'BH-2026-00001' }).subscribe();
    api.accessReport('BH-2026-00001').subscribe();
    api.people().subscribe();
    api.chainStatus().subscribe();
    api.verifyChain().subscribe();
    api.verification('v 1').subscribe();
    api.subjectAccessExports().subscribe();
    api.erasureRequests().subscribe();

    const calls = http.match(() => true).map(({ request }) => {
      expect(request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
      return [request.method, request.urlWithParams, request.body, request.responseType];
    });
    expect(calls).toEqual([
      ['POST', '/api/audit/search', { caseNumber: 'BH-2026-00001', action: 'read', before: '42' }, 'json'],
      ['POST', '/api/audit/export', { caseNumber: 'BH-2026-00001' }, 'blob'],
      ['POST', '/api/audit/access-report', { caseNumber: 'BH-2026-00001' }, 'json'],
      ['GET', '/api/audit/people', null, 'json'],
      ['GET', '/api/audit/chain', null, 'json'],
      ['POST', '/api/audit/chain/verifications', {}, 'json'],
      ['GET', '/api/audit/chain/verifications/v%201', null, 'json'],
      ['GET', '/api/audit/subject-access-exports', null, 'json'],
      ['GET', '/api/audit/erasure-requests', null, 'json'],
    ]);
    for (const call of calls) expect(String(call[1])).not.toContain('BH-2026');
  });
});
