import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { SupportExtensionsApi } from './support-extensions-api';

describe('SupportExtensionsApi', () => {
  let api: SupportExtensionsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(SupportExtensionsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists the pending requests by default', async () => {
    const result = firstValueFrom(api.list());
    const request = backend.expectOne('/api/support-extensions?state=pending');
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush([]);
    await expect(result).resolves.toEqual([]);
  });

  it.each([
    ['approve', { version: 3 }],
    ['reject', { version: 3, comment: 'Bitte den Vertrag beilegen.' }],
  ] as const)('%s: POSTs the version read last (and the comment)', async (decision, body) => {
    const result = firstValueFrom(decision === 'approve' ? api.approve('e 1', body) : api.reject('e 1', { version: 3, comment: 'Bitte den Vertrag beilegen.' }));
    const request = backend.expectOne(`/api/support-extensions/e%201/${decision}`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    request.flush({ id: 'e 1' });
    await expect(result).resolves.toEqual({ id: 'e 1' });
  });
});
