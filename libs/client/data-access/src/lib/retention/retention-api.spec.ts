import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { RetentionApi, retentionErrorCode } from './retention-api';

describe('RetentionApi', () => {
  let api: RetentionApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(RetentionApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('calls the retention routes with the right methods and bodies, showing failures itself', () => {
    const calls: [string, string, unknown][] = [];
    const record = (request: { method: string; urlWithParams: string; body: unknown; context: { get: (token: typeof HANDLES_ERRORS_LOCALLY) => boolean } }) => {
      expect(request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
      calls.push([request.method, request.urlWithParams, request.body]);
    };

    api.policy().subscribe();
    api.savePolicy({ eraseAfterMonths: 60, auditRetentionMonths: 120 }).subscribe();
    api.dryRun('2026-11-21').subscribe();
    api.erasureRequests('pending').subscribe();
    api.confirmErasure('r 1').subscribe();
    api.setLegalHold('c1', 'Gerichtsverfahren').subscribe();
    api.liftLegalHold('c1').subscribe();
    api.requestErasure('c1', 'consent_withdrawn').subscribe();

    for (const request of http.match(() => true)) {
      record(request.request);
      request.flush(null);
    }
    expect(calls).toEqual([
      ['GET', '/api/retention/policy', null],
      ['PUT', '/api/retention/policy', { eraseAfterMonths: 60, auditRetentionMonths: 120 }],
      ['GET', '/api/retention/dry-run?today=2026-11-21', null],
      ['GET', '/api/erasure-requests?state=pending', null],
      ['POST', '/api/erasure-requests/r%201/confirm', {}],
      ['PUT', '/api/clients/c1/legal-hold', { reason: 'Gerichtsverfahren' }],
      ['DELETE', '/api/clients/c1/legal-hold', null],
      ['POST', '/api/clients/c1/erasure-requests', { reason: 'consent_withdrawn' }],
    ]);
  });

  it('reads the API error code of a failure, also codes outside the global list', () => {
    let code: string | undefined = 'unset';
    api.requestErasure('c1', 'objection').subscribe({ error: (error: unknown) => (code = retentionErrorCode(error)) });
    http.expectOne('/api/clients/c1/erasure-requests').flush({ statusCode: 409, code: 'legalHold', message: 'held' }, { status: 409, statusText: 'Conflict' });
    expect(code).toBe('legalHold');
    expect(retentionErrorCode(new Error('network'))).toBeUndefined();
  });
});
