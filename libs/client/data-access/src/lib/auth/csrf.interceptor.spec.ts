import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { CsrfTokenStore } from './csrf-token.store';
import { csrfInterceptor } from './csrf.interceptor';

describe('csrfInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: CsrfTokenStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([csrfInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(CsrfTokenStore);
  });

  afterEach(() => backend.verify());

  it('sends the latest token with POST, PATCH, PUT and DELETE', () => {
    store.set('first');
    http.post('/api/things', {}).subscribe();
    expect(backend.expectOne('/api/things').request.headers.get(CSRF_HEADER)).toBe('first');

    store.set('second');
    http.patch('/api/things/1', {}).subscribe();
    http.put('/api/things/2', {}).subscribe();
    http.delete('/api/things/3').subscribe();
    for (const request of backend.match(() => true)) {
      expect(request.request.headers.get(CSRF_HEADER)).toBe('second');
    }
  });

  it('leaves GET requests alone', () => {
    store.set('token');
    http.get('/api/things').subscribe();
    expect(backend.expectOne('/api/things').request.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('sends nothing without a token and never to other origins', () => {
    http.post('/api/things', {}).subscribe();
    expect(backend.expectOne('/api/things').request.headers.has(CSRF_HEADER)).toBe(false);

    store.set('token');
    http.post('https://elsewhere.example/collect', {}).subscribe();
    http.post('//elsewhere.example/collect', {}).subscribe();
    for (const request of backend.match(() => true)) {
      expect(request.request.headers.has(CSRF_HEADER)).toBe(false);
    }
  });
});
