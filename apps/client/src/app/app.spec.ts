import { DOCUMENT } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { i18nTesting } from '../testing/i18n.testing';
import { App } from './app';
import { appRoutes } from './app.routes';
import { LanguageService } from './core/i18n/language.service';

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let document: Document;
  const page = () => fixture.nativeElement as HTMLElement;
  const toggle = (name: string) =>
    Array.from(page().querySelectorAll<HTMLButtonElement>('mat-button-toggle button')).find(
      (candidate) => candidate.textContent?.trim() === name,
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [App, i18nTesting()],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
    document = TestBed.inject(DOCUMENT);
    TestBed.inject(LanguageService); // created at start-up by provideI18n()
    fixture = TestBed.createComponent(App);
    fixture.detectChanges(); // renders the router outlet
    await TestBed.inject(Router).navigateByUrl('/');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/health/ready')
      .flush({ status: 'ok', version: '0.1.0' });
    await fixture.whenStable();
  });

  it('shows the product name in the top bar and the start page in the main area', () => {
    expect(page().querySelector('header mat-toolbar')?.textContent).toContain('Wegweiser');
    expect(page().querySelector('main h1')?.textContent).toBe('Willkommen bei Wegweiser');
    expect(document.documentElement.lang).toBe('de');
  });

  it('offers Deutsch and English, each marked up in its own language, German selected', () => {
    const group = page().querySelector('mat-button-toggle-group');
    expect(group?.getAttribute('aria-label')).toBe('Sprache');
    expect(toggle('Deutsch')?.closest('mat-button-toggle')?.getAttribute('lang')).toBe('de');
    expect(toggle('English')?.closest('mat-button-toggle')?.getAttribute('lang')).toBe('en');
    expect(toggle('Deutsch')?.getAttribute('aria-checked')).toBe('true');
  });

  it('switches the texts and <html lang> to English and back', async () => {
    toggle('English')?.click();
    await fixture.whenStable();

    expect(page().querySelector('main h1')?.textContent).toBe('Welcome to Wegweiser');
    expect(page().textContent).toContain('Operational');
    expect(page().textContent).toContain('Sign-in follows');
    expect(page().querySelector('mat-button-toggle-group')?.getAttribute('aria-label')).toBe('Language');
    expect(document.documentElement.lang).toBe('en');

    toggle('Deutsch')?.click();
    await fixture.whenStable();

    expect(page().querySelector('main h1')?.textContent).toBe('Willkommen bei Wegweiser');
    expect(document.documentElement.lang).toBe('de');
  });
});
