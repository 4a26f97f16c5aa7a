import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { PlanReviewsApi } from './plan-reviews-api';

describe('PlanReviewsApi', () => {
  let api: PlanReviewsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PlanReviewsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it.each([
    ['submit', () => api.submit('c 1'), '/api/clients/c%201/plan/review/submit', {}],
    ['approve', () => api.approve('c 1', { version: 2 }), '/api/clients/c%201/plan/review/approve', { version: 2 }],
    ['return', () => api.returnToManager('c 1', { version: 2, comment: 'Bitte ergänzen.' }), '/api/clients/c%201/plan/review/return', { version: 2, comment: 'Bitte ergänzen.' }],
  ] as const)('%s: POSTs to the client’s plan review and leaves failures to the caller', async (_name, call, url, body) => {
    const result = firstValueFrom(call());
    const request = backend.expectOne(url);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush({ id: 'r-1' });
    await expect(result).resolves.toEqual({ id: 'r-1' });
  });

  it('reads the waiting list (default: submitted) and a client’s history', async () => {
    const list = firstValueFrom(api.list());
    backend.expectOne('/api/plan-reviews?state=submitted').flush([]);
    await expect(list).resolves.toEqual([]);
    const history = firstValueFrom(api.history('c-1'));
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/clients/c-1/plan/reviews').flush([]);
    await expect(history).resolves.toEqual([]);
  });
});
