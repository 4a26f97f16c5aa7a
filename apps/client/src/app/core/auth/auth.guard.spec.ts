import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CanMatchFn, Route, Router, UrlSegment, UrlTree, provideRouter } from '@angular/router';
import { Role, SessionStage } from '@wegweiser/shared/contracts';
import { UNAUTHORIZED, sessionFor, unauthorizedBody } from '../../../testing/session.testing';
import { authGuard, permissionGuard } from './auth.guard';

describe('auth guards', () => {
  let backend: HttpTestingController;
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  function run(guard: CanMatchFn): Promise<boolean | UrlTree> {
    return runInInjectionContext(TestBed.inject(EnvironmentInjector), () =>
      Promise.resolve(guard({} as Route, [] as UrlSegment[]) as Promise<boolean | UrlTree> | boolean | UrlTree),
    );
  }

  async function signedInAs(guard: CanMatchFn, role: Role, stage: SessionStage = 'active') {
    const result = run(guard);
    backend.expectOne('/api/auth/me').flush(sessionFor(role, stage));
    return result;
  }

  const url = (result: boolean | UrlTree) => (result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : result);

  it('lets an active session in', async () => {
    expect(await signedInAs(authGuard, 'manager')).toBe(true);
  });

  it('sends a signed-out visitor to /anmelden', async () => {
    const result = run(authGuard);
    backend.expectOne('/api/auth/me').flush(unauthorizedBody, UNAUTHORIZED);
    await settle();
    backend.expectOne('/api/auth/csrf').flush({ csrfToken: 'anonymous' });

    expect(url(await result)).toBe('/anmelden');
  });

  it('sends a session with a pending step to that step', async () => {
    expect(url(await signedInAs(authGuard, 'admin', 'totp_enrol'))).toBe('/anmelden/zweiter-faktor');
  });

  it('sends a session that must change its password to the password page', async () => {
    expect(url(await signedInAs(authGuard, 'admin', 'password_change'))).toBe('/anmelden/passwort');
  });

  it('checks permissions: an administrator is sent from the data-protection page to /verwaltung', async () => {
    await signedInAs(authGuard, 'admin');

    expect(url(await run(permissionGuard('audit:read')))).toBe('/verwaltung');
    expect(await run(permissionGuard('user:manage'))).toBe(true);
  });
});
