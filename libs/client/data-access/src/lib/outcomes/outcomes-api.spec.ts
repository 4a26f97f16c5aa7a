import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CreateOutcomeRequest, CreateSoftRatingRequest, OutcomeResponse, SoftRatingResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { OutcomesApi } from './outcomes-api';

const outcome: OutcomeResponse = {
  id: 'o 1',
  clientId: 'c 1',
  kind: 'employment',
  achievedOn: '2026-03-02',
  endedOn: null,
  level: null,
  certificate: null,
  employmentKind: 'mini_job',
  fullTime: false,
  matchesQualification: true,
  description: 'Lagerhelfer',
  version: 1,
  createdAt: '2026-03-02T10:00:00.000Z',
};

describe('OutcomesApi', () => {
  let api: OutcomesApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(OutcomesApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('posts an outcome and lets the form show its errors', async () => {
    const body: CreateOutcomeRequest = {
      kind: 'employment',
      achievedOn: '2026-03-02',
      employmentKind: 'mini_job',
      fullTime: false,
      matchesQualification: true,
      description: 'Lagerhelfer',
    };
    const result = firstValueFrom(api.createOutcome('c 1', body));

    const request = backend.expectOne('/api/clients/c%201/outcomes');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush(outcome);
    await expect(result).resolves.toEqual(outcome);
  });

  it('patches one outcome with its version and lets the form show a conflict', async () => {
    const result = firstValueFrom(api.updateOutcome('c 1', 'o 1', { version: 1, endedOn: '2026-06-30' }));

    const request = backend.expectOne('/api/clients/c%201/outcomes/o%201');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 1, endedOn: '2026-06-30' });
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    const updated = { ...outcome, endedOn: '2026-06-30', version: 2 };
    request.flush(updated);
    await expect(result).resolves.toEqual(updated);
  });

  it('undoes an outcome with the version it was recorded with; failures go to the global interceptor', async () => {
    const result = firstValueFrom(api.undoOutcome('c 1', 'o 1', 1));
    const request = backend.expectOne('/api/clients/c%201/outcomes/o%201/undo');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ version: 1 });
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(false);
    request.flush({ restoredGoals: [], germanLevel: 'A1' });
    await expect(result).resolves.toEqual({ restoredGoals: [], germanLevel: 'A1' });
  });

  it('posts a soft rating and leaves errors to the global interceptor', async () => {
    const body: CreateSoftRatingRequest = { ratedOn: '2026-03-02', health: 4, socialEnvironment: 3, employmentQuality: null };
    const result = firstValueFrom(api.createRating('c 1', body));

    const request = backend.expectOne('/api/clients/c%201/ratings');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(false);
    const response: SoftRatingResponse = { ...body, employmentQuality: null, id: 'r-1', clientId: 'c 1', ratedBy: 'm-1', createdAt: '2026-03-02T10:00:00.000Z' };
    request.flush(response);
    await expect(result).resolves.toEqual(response);
  });
});
