import { DOCUMENT } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { i18nTesting } from '../testing/i18n.testing';
import { UNAUTHORIZED, sessionFor, unauthorizedBody } from '../testing/session.testing';
import { CurrentUser } from '@wegweiser/client/data-access';
import { App } from './app';
import { AuthService } from './core/auth/auth.service';
import { appRoutes } from './app.routes';
import { LanguageService } from './core/i18n/language.service';

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let document: Document;
  let backend: HttpTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const settle = () => new Promise((resolve) => setTimeout(resolve));
  const toggle = (name: string) =>
    Array.from(page().querySelectorAll<HTMLButtonElement>('ww-language-switch button')).find(
      (candidate) => candidate.textContent?.trim() === name,
    );

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App, i18nTesting()],
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: CurrentUser, useExisting: AuthService },
      ],
    });
    document = TestBed.inject(DOCUMENT);
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(LanguageService); // created at start-up by provideI18n()
    fixture = TestBed.createComponent(App);
    fixture.detectChanges(); // renders the router outlet
  });

  describe('signed out', () => {
    beforeEach(async () => {
      const navigated = TestBed.inject(Router).navigateByUrl('/');
      await settle();
      backend.expectOne('/api/auth/me').flush(unauthorizedBody, UNAUTHORIZED);
      await settle();
      backend.expectOne('/api/auth/csrf').flush({ csrfToken: 'anonymous' });
      await navigated;
      await fixture.whenStable();
      backend.expectOne('/api/health/ready').flush({ status: 'ok', version: '0.1.0' });
      await fixture.whenStable();
    });

    it('redirects to /anmelden with the welcome text and the sign-in form', () => {
      expect(TestBed.inject(Router).url).toBe('/anmelden');
      expect(page().querySelector('header mat-toolbar')?.textContent).toContain('Wegweiser');
      expect(page().querySelector('main h1')?.textContent).toBe('Willkommen bei Wegweiser');
      expect(page().querySelector('main h2')?.textContent?.trim()).toBe('Anmelden');
      expect(page().querySelector('header')?.textContent).not.toContain('Abmelden');
      expect(document.documentElement.lang).toBe('de');
    });

    it('offers Deutsch and English, each marked up in its own language, German selected', () => {
      const group = page().querySelector('ww-language-switch [role="group"]');
      expect(group?.getAttribute('aria-label')).toBe('Sprache');
      expect(toggle('Deutsch')?.getAttribute('lang')).toBe('de');
      expect(toggle('English')?.getAttribute('lang')).toBe('en');
      expect(toggle('Deutsch')?.getAttribute('aria-pressed')).toBe('true');
      expect(toggle('English')?.getAttribute('aria-pressed')).toBe('false');
    });

    it('switches the texts and <html lang> to English and back, without saving anything', async () => {
      toggle('English')?.click();
      await fixture.whenStable();

      expect(page().querySelector('main h1')?.textContent).toBe('Welcome to Wegweiser');
      expect(page().textContent).toContain('Operational');
      expect(page().querySelector('main h2')?.textContent?.trim()).toBe('Sign in');
      expect(page().querySelector('ww-language-switch [role="group"]')?.getAttribute('aria-label')).toBe('Language');
      expect(document.documentElement.lang).toBe('en');
      backend.expectNone('/api/auth/preferences');

      toggle('Deutsch')?.click();
      await fixture.whenStable();

      expect(page().querySelector('main h1')?.textContent).toBe('Willkommen bei Wegweiser');
      expect(document.documentElement.lang).toBe('de');
    });
  });

  describe('signed in as an administrator', () => {
    beforeEach(async () => {
      const navigated = TestBed.inject(Router).navigateByUrl('/');
      await settle();
      backend.expectOne('/api/auth/me').flush(sessionFor('admin'));
      await navigated;
      for (let round = 0; round < 3; round++) {
        await settle(); // the deferred signed-in part of the top bar
        await fixture.whenStable();
      }
    });

    it('lands on the Verwaltung with its tabs and shows name, role and municipality', () => {
      expect(TestBed.inject(Router).url).toMatch(/^\/verwaltung/);
      expect(page().querySelector('main h1')?.textContent).toBe('Verwaltung');
      const tabs = [...page().querySelectorAll('main nav a')].map((link) => link.textContent?.trim());
      expect(tabs).toEqual(['Benutzer:innen', 'Teams', 'Netzwerkpartner']);
      const user = page().querySelector('[data-testid="current-user"]')?.textContent ?? '';
      expect(user).toContain('Julia Neumann');
      expect(user).toContain('Administration · Beispielheim');
    });

    it('shows only the areas the role may use', () => {
      const links = Array.from(page().querySelectorAll('.session-nav__links a')).map((link) => link.textContent?.trim());
      expect(links).toEqual(['Verwaltung', 'Auswertung', 'Verwendungsnachweis', 'Aufbewahrung und Löschung']);
    });

    it('remembers a language switch with the account', async () => {
      toggle('English')?.click();
      const request = backend.expectOne('/api/auth/preferences');
      expect(request.request.method).toBe('PATCH');
      expect(request.request.body).toEqual({ locale: 'en' });
      request.flush({ ...sessionFor('admin'), me: { ...sessionFor('admin').me, locale: 'en' } });
      await fixture.whenStable();

      expect(page().querySelector('header')?.textContent).toContain('Administrator · Beispielheim');
    });

    it('shows a not-found page for unknown addresses', async () => {
      await TestBed.inject(Router).navigateByUrl('/gibt-es-nicht');
      await fixture.whenStable();

      expect(page().querySelector('main h1')?.textContent).toBe('Seite nicht gefunden');
    });

    it('signs out and returns to /anmelden', async () => {
      Array.from(page().querySelectorAll('header button'))
        .find((button) => button.textContent?.trim() === 'Abmelden')
        ?.dispatchEvent(new MouseEvent('click'));
      backend.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      backend.expectOne('/api/auth/csrf').flush({ csrfToken: 'anonymous' });
      await settle();
      await fixture.whenStable();
      backend.match('/api/health/ready');

      expect(TestBed.inject(Router).url).toBe('/anmelden');
    });
  });
});
