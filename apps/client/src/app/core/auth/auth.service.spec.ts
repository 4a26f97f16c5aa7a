import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CsrfTokenStore } from '@wegweiser/client/data-access';
import { UNAUTHORIZED, sessionFor, unauthorizedBody } from '../../../testing/session.testing';
import { AuthService } from './auth.service';

describe('AuthService', () => {
  let auth: AuthService;
  let backend: HttpTestingController;
  let csrf: CsrfTokenStore;
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(AuthService);
    backend = TestBed.inject(HttpTestingController);
    csrf = TestBed.inject(CsrfTokenStore);
  });

  afterEach(() => backend.verify());

  it('takes the session from GET /api/auth/me on start', async () => {
    const loaded = auth.ensureLoaded();
    backend.expectOne('/api/auth/me').flush(sessionFor('team_lead', 'active', 'token-me'));
    await loaded;

    expect(auth.me()?.role).toBe('team_lead');
    expect(auth.stage()).toBe('active');
    expect(auth.active()).toBe(true);
    expect(auth.homeUrl()).toBe('/fallbestand');
    expect(csrf.token()).toBe('token-me');
  });

  it('fetches an anonymous CSRF token when signed out', async () => {
    const loaded = auth.ensureLoaded();
    backend.expectOne('/api/auth/me').flush(unauthorizedBody, UNAUTHORIZED);
    await settle();
    backend.expectOne('/api/auth/csrf').flush({ csrfToken: 'anonymous' });
    await loaded;

    expect(auth.session()).toBeNull();
    expect(auth.homeUrl()).toBe('/anmelden');
    expect(csrf.token()).toBe('anonymous');
  });

  it('signs in and keeps the fresh CSRF token of the answer', async () => {
    csrf.set('anonymous');
    const signedIn = auth.signIn('tanja.mueller@bh.wegweiser.example', 'secret');
    const request = backend.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'tanja.mueller@bh.wegweiser.example', password: 'secret' });
    request.flush(sessionFor('admin', 'totp_enrol', 'token-after-login'));
    await signedIn;

    expect(auth.stage()).toBe('totp_enrol');
    expect(auth.active()).toBe(false);
    expect(auth.homeUrl()).toBe('/anmelden/zweiter-faktor');
    expect(csrf.token()).toBe('token-after-login');
  });

  it('takes the session from a confirmed TOTP enrolment', async () => {
    const confirmed = auth.confirm('123456');
    backend.expectOne('/api/auth/totp/confirm').flush({
      recoveryCodes: ['a', 'b'],
      session: sessionFor('admin', 'active', 'token-after-totp'),
    });

    expect((await confirmed).recoveryCodes).toEqual(['a', 'b']);
    expect(auth.active()).toBe(true);
    expect(auth.homeUrl()).toBe('/verwaltung');
    expect(csrf.token()).toBe('token-after-totp');
  });

  it('forgets the session on logout and starts an anonymous one', async () => {
    csrf.set('anonymous');
    const signedIn = auth.signIn('a@b.example', 'secret');
    backend.expectOne('/api/auth/login').flush(sessionFor('manager'));
    await signedIn;

    const loggedOut = auth.logout();
    backend.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    backend.expectOne('/api/auth/csrf').flush({ csrfToken: 'anonymous-2' });
    await loggedOut;

    expect(auth.me()).toBeNull();
    expect(csrf.token()).toBe('anonymous-2');
  });

  it('answers can(permission) from the role permission map', async () => {
    expect(auth.can('client:read')).toBe(false);

    csrf.set('anonymous');
    const signedIn = auth.signIn('a@b.example', 'secret');
    backend.expectOne('/api/auth/login').flush(sessionFor('manager'));
    await signedIn;

    expect(auth.can('client:read')).toBe(true);
    expect(auth.can('user:manage')).toBe(false);
  });

  it('grants nothing before the second factor is done', async () => {
    csrf.set('anonymous');
    const signedIn = auth.signIn('a@b.example', 'secret');
    backend.expectOne('/api/auth/login').flush(sessionFor('admin', 'totp_verify'));
    await signedIn;

    expect(auth.can('user:manage')).toBe(false);
  });

  it('never touches browser storage', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    const loaded = auth.ensureLoaded();
    backend.expectOne('/api/auth/me').flush(sessionFor());
    await loaded;

    expect(setItem).not.toHaveBeenCalled();
  });
});
