import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { SupportApi } from './support-api';

describe('SupportApi', () => {
  let api: SupportApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(SupportApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it.each(['pause', 'resume', 'reopen'] as const)('%s: POSTs the day it takes effect', async (kind) => {
    const result = firstValueFrom(api.transition('c 1', kind, { on: '2026-03-02' }));
    const request = backend.expectOne(`/api/clients/c%201/support/${kind}`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ on: '2026-03-02' });
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush({ state: 'paused' });
    await expect(result).resolves.toEqual({ state: 'paused' });
  });

  it('closes with a reason', async () => {
    const result = firstValueFrom(api.close('c-1', { reason: 'moved_away', on: '2026-03-02' }));
    const request = backend.expectOne('/api/clients/c-1/support/close');
    expect(request.request.body).toEqual({
      reason: 'moved_away',
      on: '2026-03-02',
    });
    request.flush({ state: 'closed' });
    await expect(result).resolves.toEqual({ state: 'closed' });
  });

  it('requests an extension with its justification', async () => {
    const body = {
      requestedUntil: '2030-03-01',
      justification: 'Ausbildung endet erst im Sommer 2030.',
    };
    const result = firstValueFrom(api.requestExtension('c-1', body));
    const request = backend.expectOne('/api/clients/c-1/support/extensions');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush({ id: 'e-1', state: 'pending' });
    await expect(result).resolves.toEqual({ id: 'e-1', state: 'pending' });
  });
});
