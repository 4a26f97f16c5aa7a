import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HealthResponse } from '@wegweiser/shared/contracts';
import { i18nTesting } from '../../testing/i18n.testing';
import { StartPage } from './start-page';

describe('StartPage', () => {
  let fixture: ComponentFixture<StartPage>;
  let backend: HttpTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent ?? '';
  const status = () => page().querySelector('[role="status"]')?.textContent ?? '';
  const button = (name: string) =>
    Array.from(page().querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === name);

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [StartPage, i18nTesting()],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StartPage);
    fixture.detectChanges();
  });

  afterEach(() => backend.verify());

  async function answer(body: HealthResponse | object | null, init?: { status: number; statusText: string }) {
    backend.expectOne('/api/health/ready').flush(body, init);
    await fixture.whenStable();
  }

  it('welcomes in German and offers the sign-in form', async () => {
    await answer({ status: 'ok', version: '0.1.0' });

    expect(page().querySelector('h1')?.textContent).toBe('Willkommen bei Wegweiser');
    expect(text()).toContain('Wegweiser unterstützt das kommunale Integrationsmanagement');
    expect(page().querySelector('ww-login-form h2')?.textContent?.trim()).toBe('Anmelden');
  });

  it('shows a labelled progress bar while the status is being checked', () => {
    expect(status()).toContain('Systemstatus wird geprüft …');
    expect(page().querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Systemstatus wird geprüft …');
    backend.expectOne('/api/health/ready');
  });

  it('shows "Betriebsbereit" with the version when the API is ready', async () => {
    await answer({ status: 'ok', version: '1.2.3', checks: { database: { status: 'ok' } } });

    expect(status()).toContain('Betriebsbereit');
    expect(status()).toContain('Version 1.2.3, zuletzt geprüft am');
    expect(page().querySelector('mat-progress-bar')).toBeNull();
    expect(button('Erneut prüfen')).toBeUndefined();
  });

  it('explains in German when the database is unavailable, and checks again on request', async () => {
    await answer(
      { statusCode: 503, code: 'databaseUnavailable', message: 'Database unavailable' },
      { status: 503, statusText: 'Service Unavailable' },
    );

    expect(status()).toContain('Nicht betriebsbereit');
    expect(status()).toContain('Die Datenbank ist derzeit nicht erreichbar.');

    button('Erneut prüfen')?.click();
    await answer({ status: 'ok', version: '1.2.3' });

    expect(status()).toContain('Betriebsbereit');
  });

  it('reports a readiness answer that is not ok', async () => {
    await answer(
      { status: 'error', version: '1.2.3', checks: { database: { status: 'error' } } },
      { status: 503, statusText: 'Service Unavailable' },
    );

    expect(status()).toContain('Nicht betriebsbereit');
    expect(status()).toContain('Der Server meldet, dass nicht alle Dienste bereit sind.');
  });

  it('reports a server that cannot be reached', async () => {
    backend.expectOne('/api/health/ready').error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();

    expect(status()).toContain('Nicht betriebsbereit');
    expect(status()).toContain('Der Server ist nicht erreichbar.');
  });
});
