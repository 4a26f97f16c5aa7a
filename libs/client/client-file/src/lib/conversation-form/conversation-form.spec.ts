import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientFileResponse, ConversationResponse, CreateConversationRequest } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { of } from 'rxjs';
import { testClient, testSupport } from '../testing/fixtures';
import { ConversationDefaults, localDate, localTimeRounded, toIsoDateTime } from './conversation-defaults';
import { ConversationForm } from './conversation-form';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));

/** A conversation recorded by Julia Neumann, to correct. */
const recorded: ConversationResponse = {
  id: 'v-9',
  clientId: 'c-1',
  staffId: 'm-1',
  staffName: 'Julia Neumann',
  heldAt: new Date(2026, 2, 2, 9, 30).toISOString(),
  durationMinutes: 45,
  form: 'phone',
  interpreter: 'volunteer',
  language: 'fa',
  topics: ['language'],
  note: 'Sprachkurs A2 besprochen.',
  agreements: 'Zeugnisse kopieren.',
  nextAppointmentAt: null,
  version: 3,
  createdAt: new Date(2026, 2, 2, 10, 0).toISOString(),
  edited: false,
  editedAt: null,
  editedById: null,
  editedBy: null,
  canCorrect: true,
  canReadRevisions: true,
};

/** Only what the form reads of a file. */
const file = { client: testClient({ languagesSpoken: ['ar', 'de'] }), support: testSupport(), conversations: [recorded] } as ClientFileResponse;

describe('ConversationForm', () => {
  let backend: HttpTestingController;
  const snackBar = { open: jest.fn() };

  function render(params: Record<string, string> = { clientId: 'c-1' }, loaded: ClientFileResponse = file) {
    registerLocaleData(localeDe, 'de');
    TestBed.configureTestingModule({
      imports: [
        ConversationForm,
        TranslocoTestingModule.forRoot({
          langs: { de: { clientFile: de } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: MatSnackBar, useValue: snackBar },
        { provide: ActivatedRoute, useValue: { paramMap: of(convertToParamMap(params)), snapshot: { paramMap: convertToParamMap(params) } } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(ConversationDefaults).lastDurationMinutes.set(30);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(ConversationForm);
    fixture.detectChanges();
    backend.expectOne('/api/clients/c-1/file').flush(loaded);
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    const field = <T extends HTMLElement>(label: string) => {
      const formField = Array.from(page.querySelectorAll('mat-form-field')).find((f) => f.querySelector('mat-label')?.textContent?.trim() === label);
      return formField?.querySelector('input, textarea, mat-select') as T;
    };
    const type = (label: string, value: string) => {
      const input = field<HTMLInputElement>(label);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      fixture.detectChanges();
    };
    const chip = (name: string) =>
      Array.from(page.querySelectorAll<HTMLElement>('mat-chip-option')).find((c) => c.textContent?.trim() === name)?.querySelector<HTMLElement>('button, [role="option"]');
    return { fixture, page, field, type, chip, navigate };
  }

  afterEach(() => {
    backend.verify();
    snackBar.open.mockReset();
  });

  it('starts with today, now, the office, the last duration, no interpreter and the client\'s first language', async () => {
    const { fixture, field, page } = render();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(field<HTMLInputElement>('Datum').value).toBe(localDate(new Date()));
    expect(field<HTMLInputElement>('Uhrzeit').value).toMatch(/^\d\d:\d[05]$/);
    expect(field<HTMLInputElement>('Dauer (Minuten)').value).toBe('30');
    expect(field('Form').textContent).toContain('Büro');
    expect(field('Dolmetschung').textContent).toContain('keine');
    expect(field('Sprache').textContent).toContain('Arabisch');
    expect(page.querySelectorAll('mat-chip-option[aria-selected="true"], mat-chip-option .mdc-evolution-chip--selected')).toHaveLength(0);
    expect(field<HTMLTextAreaElement>('Gesprächsnotiz').value).toBe('');
  });

  it('requires a note: nothing is sent and the message is German', () => {
    const { fixture, page } = render();

    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    fixture.detectChanges();

    expect(page.querySelector('mat-error')?.textContent?.trim()).toBe('Bitte eine Gesprächsnotiz eingeben.');
    backend.expectNone('/api/clients/c-1/conversations');
  });

  it('refuses a next appointment before the conversation', () => {
    const { fixture, page, type } = render();
    type('Gesprächsnotiz', 'Erstgespräch');
    type('Datum des nächsten Termins', '2000-01-01');
    type('Uhrzeit des nächsten Termins', '10:00');

    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    fixture.detectChanges();

    expect(page.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Der nächste Termin muss nach dem Gespräch liegen.');
    backend.expectNone('/api/clients/c-1/conversations');
  });

  it('has unsaved changes once the user typed, not before (the language default does not count)', async () => {
    const { fixture, type } = render();
    await fixture.whenStable();

    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);

    type('Gesprächsnotiz', 'Noch nicht gespeichert');

    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });

  it('keeps unsaved changes when saving fails, and has none once saved (navigating away does not ask)', () => {
    const { fixture, page, type, navigate } = render();
    type('Gesprächsnotiz', 'Bewerbung besprochen');
    const submit = () => {
      fixture.detectChanges();
      page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      fixture.detectChanges();
    };

    submit();
    backend.expectOne('/api/clients/c-1/conversations').flush({ code: 'notOwnCaseload' }, { status: 403, statusText: 'Forbidden' });
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);

    submit();
    const request = backend.expectOne('/api/clients/c-1/conversations');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    request.flush({ ...request.request.body, id: 'v-1', clientId: 'c-1', staffId: 'm-1', version: 1, createdAt: request.request.body.heldAt });

    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/klienten', 'c-1', 'verlauf']);
  });

  it('asks the browser before closing the tab only while there are unsaved changes', () => {
    const { type } = render();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);

    type('Gesprächsnotiz', 'Noch nicht gespeichert');

    expect(unload()).toBe(true);
  });

  it('saves with Ctrl+Enter, disables saving meanwhile, remembers the duration and goes to the Verlauf', () => {
    const { fixture, page, field, type, chip, navigate } = render();
    type('Dauer (Minuten)', '50');
    chip('Arbeit')?.click();
    chip('Wohnen')?.click();
    type('Gesprächsnotiz', '  Bewerbung besprochen  ');
    type('Datum des nächsten Termins', '2099-05-04');
    type('Uhrzeit des nächsten Termins', '10:30');

    field('Gesprächsnotiz').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    fixture.detectChanges();

    const request = backend.expectOne('/api/clients/c-1/conversations');
    expect(request.request.method).toBe('POST');
    const body = request.request.body as CreateConversationRequest;
    expect(body).toEqual({
      heldAt: body.heldAt,
      durationMinutes: 50,
      form: 'office',
      interpreter: 'none',
      language: 'ar',
      topics: ['work', 'housing'],
      note: 'Bewerbung besprochen',
      agreements: null,
      nextAppointmentAt: toIsoDateTime('2099-05-04', '10:30'),
    });
    expect(page.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
    expect(page.querySelector('form mat-progress-bar')).not.toBeNull();

    request.flush({ ...body, id: 'v-1', clientId: 'c-1', staffId: 'm-1', version: 1, createdAt: body.heldAt });

    expect(snackBar.open).toHaveBeenCalledWith('Gespräch gespeichert', undefined, expect.anything());
    expect(navigate).toHaveBeenCalledWith(['/klienten', 'c-1', 'verlauf']);
    expect(TestBed.inject(ConversationDefaults).lastDurationMinutes()).toBe(50);
  });
});

describe('ConversationForm correcting a conversation', () => {
  let backend: HttpTestingController;
  const snackBar = { open: jest.fn() };

  function render(conversation: ConversationResponse = recorded) {
    registerLocaleData(localeDe, 'de');
    const params = convertToParamMap({ clientId: 'c-1', conversationId: 'v-9' });
    TestBed.configureTestingModule({
      imports: [
        ConversationForm,
        TranslocoTestingModule.forRoot({ langs: { de: { clientFile: de } }, translocoConfig: { availableLangs: ['de'], defaultLang: 'de' }, preloadLangs: true }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: MatSnackBar, useValue: snackBar },
        { provide: ActivatedRoute, useValue: { paramMap: of(params), snapshot: { paramMap: params } } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(ConversationForm);
    fixture.detectChanges();
    backend.expectOne('/api/clients/c-1/file').flush({ ...file, conversations: [conversation] });
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    const field = <T extends HTMLElement>(label: string) =>
      Array.from(page.querySelectorAll('mat-form-field'))
        .find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)
        ?.querySelector('input, textarea, mat-select') as T;
    const type = (label: string, value: string) => {
      const input = field<HTMLInputElement>(label);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
    };
    return { fixture, page, field, type, navigate };
  }

  afterEach(() => {
    backend.verify();
    snackBar.open.mockReset();
  });

  it('opens filled with the conversation as recorded, says who recorded it, and has no unsaved changes yet', async () => {
    const { fixture, page, field } = render();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Gespräch korrigieren');
    expect(page.textContent).toContain('Erfasst von Julia Neumann');
    expect(field<HTMLInputElement>('Datum').value).toBe('2026-03-02');
    expect(field<HTMLInputElement>('Uhrzeit').value).toBe('09:30');
    expect(field<HTMLInputElement>('Dauer (Minuten)').value).toBe('45');
    expect(field('Form').textContent).toContain('Telefon');
    expect(field('Sprache').textContent).toContain('Persisch');
    expect(field<HTMLTextAreaElement>('Gesprächsnotiz').value).toBe('Sprachkurs A2 besprochen.');
    expect(field<HTMLTextAreaElement>('Vereinbarungen').value).toBe('Zeugnisse kopieren.');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('sends only what changed, with the version read, and returns to the Gespräche tab with focus on the entry', () => {
    const { fixture, page, type, navigate } = render();
    type('Gesprächsnotiz', 'Sprachkurs B1 ab April.');
    type('Vereinbarungen', '');

    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    fixture.detectChanges();

    const request = backend.expectOne('/api/clients/c-1/conversations/v-9');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 3, note: 'Sprachkurs B1 ab April.', agreements: null });
    request.flush({ ...recorded, note: 'Sprachkurs B1 ab April.', agreements: null, version: 4, edited: true });

    expect(snackBar.open).toHaveBeenCalledWith('Korrektur gespeichert', undefined, expect.anything());
    expect(navigate).toHaveBeenCalledWith(['/klienten', 'c-1', 'gespraeche'], { state: { focusConversation: 'v-9' } });
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('sends nothing when nothing changed', () => {
    const { fixture, page, navigate } = render();
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    fixture.detectChanges();

    backend.expectNone('/api/clients/c-1/conversations/v-9');
    expect(navigate).toHaveBeenCalledWith(['/klienten', 'c-1', 'gespraeche'], { state: { focusConversation: 'v-9' } });
  });

  it('shows no form when the user may not correct the conversation', () => {
    const { page } = render({ ...recorded, canCorrect: false });

    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Dieses Gespräch können Sie nicht korrigieren');
  });
});

describe('conversation defaults', () => {
  it('rounds the time down to five minutes', () => {
    expect(localTimeRounded(new Date(2026, 2, 2, 9, 34))).toBe('09:30');
    expect(localTimeRounded(new Date(2026, 2, 2, 23, 59))).toBe('23:55');
    expect(localDate(new Date(2026, 2, 2, 9, 34))).toBe('2026-03-02');
  });
});
