import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ConversationResponse, CreateConversationRequest } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { ConversationsApi } from './conversations-api';

describe('ConversationsApi', () => {
  let api: ConversationsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ConversationsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('posts a new conversation of a client and leaves errors to the global interceptor', async () => {
    const body: CreateConversationRequest = {
      heldAt: '2026-03-02T09:30:00.000Z',
      durationMinutes: 45,
      form: 'office',
      interpreter: 'none',
      language: 'ar',
      topics: ['language', 'work'],
      note: 'Erstgespräch',
      agreements: null,
      nextAppointmentAt: null,
    };
    const result = firstValueFrom(api.create('c 1', body));

    const request = backend.expectOne('/api/clients/c%201/conversations');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(false);
    const response = { ...body, id: 'v-1', clientId: 'c 1', staffId: 's-1', version: 1, createdAt: body.heldAt } as ConversationResponse;
    request.flush(response);
    await expect(result).resolves.toEqual(response);
  });

  it('corrects a conversation with its version and reads its earlier versions', async () => {
    const corrected = firstValueFrom(api.correct('c 1', 'v/1', { version: 2, note: 'Korrigiert' }));
    const patch = backend.expectOne('/api/clients/c%201/conversations/v%2F1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ version: 2, note: 'Korrigiert' });
    patch.flush({ id: 'v/1', edited: true });
    await expect(corrected).resolves.toEqual({ id: 'v/1', edited: true });

    const revisions = firstValueFrom(api.revisions('c 1', 'v/1'));
    const get = backend.expectOne('/api/clients/c%201/conversations/v%2F1/revisions');
    expect(get.request.method).toBe('GET');
    get.flush([]);
    await expect(revisions).resolves.toEqual([]);
  });
});
