import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { AuthService } from './auth.service';
import { sessionEndedInterceptor } from './session-ended.interceptor';

describe('sessionEndedInterceptor', () => {
  const me = signal<object | null>({ id: 'u1' });
  const expire = jest.fn().mockResolvedValue(undefined);
  const navigateByUrl = jest.fn().mockResolvedValue(true);
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    me.set({ id: 'u1' });
    expire.mockClear();
    navigateByUrl.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([sessionEndedInterceptor])),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { me, expire } },
        { provide: Router, useValue: { navigateByUrl } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  async function answer(url: string, status: number, code = 'x'): Promise<void> {
    http.get(url).subscribe({ error: () => undefined });
    backend.expectOne(url).flush({ statusCode: status, code, message: 'x' }, { status, statusText: 'x' });
    await Promise.resolve();
    await Promise.resolve();
  }

  it('sends a signed-in user whose session the server ended to the sign-in page', async () => {
    await answer('/api/clients', 401);
    expect(expire).toHaveBeenCalledTimes(1);
    expect(navigateByUrl).toHaveBeenCalledWith('/anmelden');
  });

  it('also when a sign-in step says the session is gone (the password change locked the account)', async () => {
    await answer('/api/auth/password', 401, 'sessionExpired');
    expect(expire).toHaveBeenCalledTimes(1);
    expect(navigateByUrl).toHaveBeenCalledWith('/anmelden');
  });

  it('leaves sign-in steps, other errors and signed-out callers alone', async () => {
    await answer('/api/auth/login', 401);
    await answer('/api/auth/login', 401, 'invalidCredentials');
    await answer('/api/clients', 403);
    me.set(null);
    await answer('/api/clients', 401);
    expect(expire).not.toHaveBeenCalled();
    expect(navigateByUrl).not.toHaveBeenCalled();
  });
});
