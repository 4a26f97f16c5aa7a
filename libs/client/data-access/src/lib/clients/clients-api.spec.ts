import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ClientFileResponse, ClientPageResponse, TimelineResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { ClientsApi } from './clients-api';

describe('ClientsApi', () => {
  let api: ClientsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ClientsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists a page with search, filters and cursor, leaving out empty values', async () => {
    const page: ClientPageResponse = { items: [], total: 0, nextCursor: null };
    const result = firstValueFrom(
      api.list({ q: 'Mueller', state: 'active', fieldOfAction: 'language', windowEndsBefore: '', cursor: 'abc', pageSize: 50 }),
    );

    const request = backend.expectOne((candidate) => candidate.url === '/api/clients');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys().sort()).toEqual(['cursor', 'fieldOfAction', 'pageSize', 'q', 'state']);
    expect(request.request.params.get('q')).toBe('Mueller');
    expect(request.request.params.get('pageSize')).toBe('50');
    request.flush(page);
    await expect(result).resolves.toEqual(page);
  });

  it('loads a client file and lets the caller handle a 404', async () => {
    const result = firstValueFrom(api.file('c-1'));

    const request = backend.expectOne('/api/clients/c-1/file');
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush({ statusCode: 404, code: 'notFound', message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    await expect(result).rejects.toMatchObject({ status: 404 });
  });

  it('returns the file body as sent', async () => {
    const body = { client: { id: 'c-2' } } as ClientFileResponse;
    const result = firstValueFrom(api.file('c-2'));
    backend.expectOne('/api/clients/c-2/file').flush(body);
    await expect(result).resolves.toEqual(body);
  });

  it('loads the timeline', async () => {
    const body: TimelineResponse = { items: [{ kind: 'conversation', at: '2026-03-02', entityId: 'x', details: { form: 'office' } }] };
    const result = firstValueFrom(api.timeline('c-3'));
    backend.expectOne('/api/clients/c-3/timeline').flush(body);
    await expect(result).resolves.toEqual(body);
  });
});
