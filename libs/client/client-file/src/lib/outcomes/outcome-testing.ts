import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { EnvironmentProviders, Provider, Type, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientFileResponse, OutcomeResponse, SoftRatingResponse } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { testClient, testSupport } from '../testing/fixtures';

/** An outcome of the test client. */
export function testOutcome(overrides: Partial<OutcomeResponse> = {}): OutcomeResponse {
  return {
    id: 'o-1',
    clientId: 'c-1',
    kind: 'employment',
    achievedOn: '2026-01-15',
    endedOn: null,
    presentAtStart: false,
    completed: null,
    level: null,
    certificate: null,
    employmentKind: 'mini_job',
    fullTime: false,
    matchesQualification: true,
    description: 'Lagerhelfer',
    version: 2,
    createdAt: '2026-01-15T10:00:00.000Z',
    ...overrides,
  };
}

export function testRating(ratedOn: string, health: number, socialEnvironment: number, employmentQuality: number | null): SoftRatingResponse {
  return { id: `r-${ratedOn}`, clientId: 'c-1', ratedOn, health, socialEnvironment, employmentQuality, ratedBy: 'm-1', createdAt: `${ratedOn}T12:00:00Z` };
}

/** The German texts: the root file and the client-file scope (specs read them from `apps/client/public/i18n`). */
export interface GermanTexts {
  root: Record<string, unknown>;
  clientFile: Record<string, unknown>;
}

export interface FileOptions {
  outcomes?: OutcomeResponse[];
  ratings?: SoftRatingResponse[];
  canEdit?: boolean;
}

/**
 * Renders a component of the Ergebnisse tab in German against a fake file store
 * and the HTTP testing backend; helpers act on it as a person would (by label).
 */
export function renderWithFile<T>(component: Type<T>, texts: GermanTexts, options: FileOptions = {}, providers: (Provider | EnvironmentProviders)[] = []) {
  registerLocaleData(localeDe, 'de');
  const file = {
    client: testClient(),
    support: testSupport(),
    outcomes: options.outcomes ?? [],
    ratings: options.ratings ?? [],
    access: { canEdit: options.canEdit ?? true, refusal: null },
  } as unknown as ClientFileResponse;
  /** What the component asked for: file reloads and snack-bar messages. */
  const calls = { reloads: 0, messages: [] as string[] };
  const store = { file: signal(file), canEdit: signal(options.canEdit ?? true), reload: () => calls.reloads++ };
  const snackBar = { open: (message: string) => calls.messages.push(message) };
  TestBed.configureTestingModule({
    imports: [
      component,
      TranslocoTestingModule.forRoot({
        langs: { de: { ...texts.root, clientFile: texts.clientFile } },
        translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      { provide: MatSnackBar, useValue: snackBar },
      { provide: ClientFileStore, useValue: store },
      ...providers,
    ],
  });
  const backend = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(component);
  fixture.detectChanges();
  return { fixture, backend, store, calls, ...domHelpers(fixture) };
}

function domHelpers<T>(fixture: ComponentFixture<T>) {
  const page = fixture.nativeElement as HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const labels = () => Array.from(page.querySelectorAll('mat-label')).map((label) => text(label));
  const field = <E extends HTMLElement>(label: string) => {
    const formField = Array.from(page.querySelectorAll('mat-form-field')).find((f) => text(f.querySelector('mat-label')) === label);
    return formField?.querySelector('input, textarea, mat-select') as E | undefined;
  };
  const type = (label: string, value: string) => {
    const input = field<HTMLInputElement>(label);
    if (!input) throw new Error(`No field ${label}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
  };
  /** A radio button (mat-radio) or toggle (mat-button-toggle) inside the group labelled `group`. */
  const group = (name: string) => {
    const label = Array.from(page.querySelectorAll<HTMLElement>('[id]')).find((e) => text(e) === name && page.querySelector(`[aria-labelledby="${e.id}"]`));
    return label ? page.querySelector<HTMLElement>(`[aria-labelledby="${label.id}"]`) : null;
  };
  const choose = (groupName: string, option: string) => {
    const options = Array.from(group(groupName)?.querySelectorAll<HTMLElement>('mat-radio-button, mat-button-toggle') ?? []);
    const match = options.find((o) => text(o) === option);
    if (!match) throw new Error(`No option ${option} in ${groupName}`);
    match.querySelector<HTMLElement>('input, button')?.click();
    fixture.detectChanges();
  };
  const select = (label: string, option: string) => {
    field<HTMLElement>(label)?.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    fixture.detectChanges();
    const match = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) => text(o) === option);
    if (!match) throw new Error(`No option ${option} in ${label}`);
    match.click();
    fixture.detectChanges();
  };
  const button = (name: string) => Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find((b) => text(b) === name);
  const click = (name: string) => {
    const target = button(name);
    if (!target) throw new Error(`No button ${name}`);
    target.click();
    fixture.detectChanges();
  };
  return { page, text, labels, field, type, group, choose, select, button, click };
}
