import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { AuthApi } from './auth-api';

describe('AuthApi', () => {
  let api: AuthApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AuthApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('signs in with POST /api/auth/login and shows its errors in the form', () => {
    api.login({ email: 'a@b.example', password: 'secret' }).subscribe();
    const request = backend.expectOne('/api/auth/login').request;
    expect(request.method).toBe('POST');
    expect(request.body).toEqual({ email: 'a@b.example', password: 'secret' });
    expect(request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
  });

  it('uses the documented routes for the other steps', () => {
    api.me().subscribe();
    api.csrf().subscribe();
    api.logout().subscribe();
    api.enrolTotp().subscribe();
    api.confirmTotp({ code: '123456' }).subscribe();
    api.verifyTotp({ code: '123456' }).subscribe();
    api.recover({ recoveryCode: 'abcd' }).subscribe();
    api.changePassword({ currentPassword: 'a', newPassword: 'b' }).subscribe();
    api.updatePreferences('en').subscribe();

    const calls = backend.match(() => true).map(({ request }) => `${request.method} ${request.url}`);
    expect(calls).toEqual([
      'GET /api/auth/me',
      'GET /api/auth/csrf',
      'POST /api/auth/logout',
      'POST /api/auth/totp/enrol',
      'POST /api/auth/totp/confirm',
      'POST /api/auth/totp/verify',
      'POST /api/auth/totp/recover',
      'POST /api/auth/password',
      'PATCH /api/auth/preferences',
    ]);
  });
});
