import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { i18nTesting } from '../../../testing/i18n.testing';
import { sessionFor } from '../../../testing/session.testing';
import { AuthService } from './auth.service';
import { sessionActivityInterceptor } from './session-activity.interceptor';
import { SessionTimeout } from './session-timeout';
import { SessionWatch } from './session-watch';

describe('SessionWatch (idle warning dialog)', () => {
  let backend: HttpTestingController;
  let timeout: SessionTimeout;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  const render = async () => {
    for (let round = 0; round < 3; round++) {
      TestBed.tick();
      await settle();
    }
  };
  const dialog = () => document.querySelector('mat-dialog-container');
  const button = (name: string) =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')).find(
      (candidate) => candidate.textContent?.trim() === name,
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [i18nTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([sessionActivityInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    timeout = TestBed.inject(SessionTimeout);
    TestBed.inject(SessionWatch);
    const loaded = TestBed.inject(AuthService).ensureLoaded();
    backend.expectOne('/api/auth/me').flush(sessionFor('manager'));
    await loaded;
    TestBed.tick();
  });

  afterEach(() => timeout.stop());

  it('opens an accessible German warning, and "Angemeldet bleiben" renews the session', async () => {
    (timeout as unknown as { warningState: { set(value: boolean): void } }).warningState.set(true);
    await render();

    expect(dialog()?.getAttribute('role')).toBe('alertdialog');
    expect(dialog()?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(dialog()?.textContent).toContain('Ihre Sitzung läuft bald ab');

    button('Angemeldet bleiben')?.click();
    await render();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the closing animation
    backend.expectOne('/api/auth/me').flush(sessionFor('manager'));
    await render();

    expect(timeout.warning()).toBe(false);
    expect(dialog()).toBeNull();
  });

  it('goes to the sign-in page with a message when the session has expired', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    jest.useFakeTimers();
    timeout.start(1800);
    jest.advanceTimersByTime(1800 * 1000);
    jest.useRealTimers();
    await settle();
    backend.expectOne('/api/auth/csrf').flush({ csrfToken: 'anonymous' });
    await settle();

    expect(TestBed.inject(AuthService).me()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/anmelden'], { queryParams: { grund: 'abgelaufen' } });
  });
});
