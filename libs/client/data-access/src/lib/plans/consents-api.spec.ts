import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ConsentResponse, CreateConsentRequest } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { ConsentsApi } from './consents-api';

describe('ConsentsApi', () => {
  let api: ConsentsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(ConsentsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('posts a consent and leaves its errors to the form', async () => {
    const body: CreateConsentRequest = {
      purpose: 'Vermittlung',
      recipientKind: 'partner',
      partnerId: 'p-1',
      dataCategories: ['personal'],
      givenOn: '2026-03-02',
      recordedAs: 'signed_paper',
    };
    const result = firstValueFrom(api.create('c 1', body));
    const request = backend.expectOne('/api/clients/c%201/consents');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush({ id: 'k-1' } as ConsentResponse);
    await expect(result).resolves.toEqual({ id: 'k-1' });
  });

  it('withdraws a consent with the version read last and the day', async () => {
    const result = firstValueFrom(api.withdraw('c-1', 'k/1', { version: 2, withdrawnOn: '2026-04-01' }));
    const request = backend.expectOne('/api/clients/c-1/consents/k%2F1/withdraw');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      version: 2,
      withdrawnOn: '2026-04-01',
    });
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush({ id: 'k/1', withdrawnOn: '2026-04-01' });
    await expect(result).resolves.toEqual({
      id: 'k/1',
      withdrawnOn: '2026-04-01',
    });
  });
});
