import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HealthResponse } from '@wegweiser/shared/contracts';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { HealthService } from './health.service';

describe('HealthService', () => {
  let service: HealthService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    service = TestBed.inject(HealthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks GET /api/health/ready and emits the typed answer', () => {
    const ready: HealthResponse = {
      status: 'ok',
      version: '0.1.0',
      checks: { database: { status: 'ok' } },
    };
    let received: HealthResponse | undefined;

    service.readiness().subscribe((response) => (received = response));

    const request = http.expectOne('/api/health/ready');
    expect(request.request.method).toBe('GET');
    request.flush(ready);
    expect(received).toEqual(ready);
  });

  it('marks the request as handled by the caller, so no global error message appears', () => {
    service.readiness().subscribe({ error: () => undefined });

    const request = http.expectOne('/api/health/ready');
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush(null, { status: 503, statusText: 'Service Unavailable' });
  });

  it('passes a 503 on to the caller as an HttpErrorResponse', () => {
    let failure: unknown;

    service.readiness().subscribe({ error: (error: unknown) => (failure = error) });

    http
      .expectOne('/api/health/ready')
      .flush(
        { statusCode: 503, code: 'databaseUnavailable', message: 'Database unavailable' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    expect(failure).toBeInstanceOf(HttpErrorResponse);
    expect((failure as HttpErrorResponse).status).toBe(503);
  });
});
