import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DuplicateCheckResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { IntakeApi } from './intake-api';

describe('IntakeApi', () => {
  let api: IntakeApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(IntakeApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends names and date of birth of the duplicate check in the body, not the URL', async () => {
    const body = { firstName: 'Yusuf', lastName: 'Ahmad', firstNameOriginal: 'يوسف', lastNameOriginal: null, dateOfBirth: '1979-02-03' };
    const answer: DuplicateCheckResponse = { matches: [], otherTeams: [{ teamName: 'Team Nord' }] };
    const result = firstValueFrom(api.duplicateCheck(body));

    const request = backend.expectOne((r) => r.url === '/api/clients/duplicate-check');
    expect(request.request.method).toBe('POST');
    expect(request.request.urlWithParams).toBe('/api/clients/duplicate-check');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush(answer);
    await expect(result).resolves.toEqual(answer);
  });

  it('creates a client with POST /api/clients', async () => {
    const body = { firstName: 'Yusuf', lastName: 'Ahmad', dateOfBirth: '1979-02-03', gender: 'male' as const, countryOfOrigin: 'SY' };
    const result = firstValueFrom(api.create(body));
    const request = backend.expectOne('/api/clients');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    request.flush({ id: 'c-1', caseNumber: 'BH-2026-00601' });
    await expect(result).resolves.toEqual({ id: 'c-1', caseNumber: 'BH-2026-00601' });
  });
});
