import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { WritableSignal, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientFileResponse, GoalResponse, PlanResponse } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { testClient, testSupport } from '../testing/fixtures';
import { provideIcuPlurals } from '@wegweiser/client/ui';

/** Test data and set-up for the specs of the plan editor (German texts, a fake file store); used by specs only. */
export function testGoal(overrides: Partial<GoalResponse> = {}): GoalResponse {
  return {
    id: 'g-1',
    fieldOfAction: 'language',
    target: 'Deutsch bis B1',
    targetLevel: 'B1',
    dueOn: '2027-06-30',
    state: 'open',
    stateChangedOn: '2026-03-02',
    version: 3,
    steps: [],
    ...overrides,
  };
}

export function testPlan(overrides: Partial<PlanResponse> = {}): PlanResponse {
  return {
    clientId: 'c-1',
    supportStart: '2025-01-15',
    supportWindowEnd: '2028-01-14',
    goals: [testGoal()],
    referrals: [],
    latestAgreement: null,
    changedSinceAgreement: true,
    review: null,
    ...overrides,
  };
}

export function testFile(overrides: Partial<ClientFileResponse> = {}): ClientFileResponse {
  return {
    client: testClient(),
    support: testSupport(),
    plan: testPlan(),
    access: { canEdit: true, refusal: null },
    ...overrides,
  } as ClientFileResponse;
}

export interface FakeStore {
  file: WritableSignal<ClientFileResponse | null>;
  canEdit: WritableSignal<boolean>;
  reloads: number;
  reload(): void;
}

/** The German texts: root translations and the client-file scope (read by the spec). */
export interface GermanTexts {
  root: Record<string, unknown>;
  clientFile: Record<string, unknown>;
}

/** Configures TestBed for a plan component: HTTP testing, German texts, a fake store and a snack bar that records its messages. */
export function setUpPlanTest(texts: GermanTexts, file: ClientFileResponse = testFile(), overrides: () => void = () => undefined) {
  registerLocaleData(localeDe, 'de');
  const store: FakeStore = {
    file: signal(file),
    canEdit: signal(file.access.canEdit),
    reloads: 0,
    reload() {
      this.reloads++;
    },
  };
  const messages: string[] = [];
  const snackBar = { open: (message: string) => messages.push(message) };
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { de: { ...texts.root, clientFile: texts.clientFile } },
        translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideIcuPlurals(),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      { provide: ClientFileStore, useValue: store },
      { provide: MatSnackBar, useValue: snackBar },
    ],
  });
  overrides();
  return { store, messages, backend: TestBed.inject(HttpTestingController) };
}

/** Finds controls the way a person does: by label and by button text. */
export function queries(root: HTMLElement) {
  const formField = (label: string) =>
    Array.from(root.querySelectorAll('mat-form-field')).find((field) => field.querySelector('mat-label')?.textContent?.trim() === label);
  return {
    field: <T extends HTMLElement>(label: string) => (formField(label)?.querySelector('input, textarea, mat-select') ?? null) as T | null,
    fieldError: (label: string) => formField(label)?.querySelector('mat-error')?.textContent?.trim() ?? null,
    button: (name: string) => Array.from(root.querySelectorAll('button')).find((button) => button.textContent?.trim() === name) ?? null,
    buttons: () => Array.from(root.querySelectorAll('button')).map((button) => button.textContent?.trim()),
  };
}

/** Types into an input or textarea as a person would (input + blur). */
export function type(input: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
  if (!input) throw new Error('no such field');
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

/** Picks an option of a mat-select by its text. */
export async function choose(select: HTMLElement | null, option: string, settle: () => Promise<void>): Promise<void> {
  if (!select) throw new Error('no such select');
  select.click();
  await settle();
  const item = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) => o.textContent?.trim() === option);
  if (!item) throw new Error(`no option ${option}`);
  item.click();
  await settle();
}
