import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CreateOutcomeRequest } from '@wegweiser/shared/contracts';
import { localDate } from '../conversation-form/conversation-defaults';
import { OutcomeForm, outcomeEffectsMessage } from './outcome-form';
import { todayDate } from './outcome-dates';
import { GermanTexts, renderWithFile as render, testOutcome } from './outcome-testing';
import { IntlMessageFormat } from 'intl-messageformat';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts: GermanTexts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };
const renderWithFile = (component: typeof OutcomeForm) => render(component, texts);

describe('OutcomeForm', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('asks for the kind first and then shows only the fields that kind takes', () => {
    const { choose, labels, field } = renderWithFile(OutcomeForm);
    expect(labels()).toEqual(['Datum']);
    expect(field<HTMLInputElement>('Datum')?.value).toBe(localDate(new Date()));

    choose('Art des Ergebnisses', 'Beschäftigung');
    expect(labels()).toEqual(['Begonnen am', 'Beendet am (optional)', 'Art der Beschäftigung', 'Tätigkeit (optional)']);

    choose('Art des Ergebnisses', 'Deutsch B1 erreicht');
    expect(labels()).toEqual(['Erreicht am', 'Niveau', 'Zertifikat (optional)']);

    choose('Art des Ergebnisses', 'Studium');
    expect(labels()).toEqual(['Begonnen am', 'Beendet am (optional)', 'Studienfach (optional)']);
  });

  it('sends nothing while the kind or its required details are missing', () => {
    const { click, choose, page, text, backend, fixture } = renderWithFile(OutcomeForm);

    click('Ergebnis speichern');
    expect(text(page.querySelector('.editor__error'))).toBe('Bitte auswählen.');

    choose('Art des Ergebnisses', 'Beschäftigung');
    click('Ergebnis speichern');
    fixture.detectChanges();
    expect(Array.from(page.querySelectorAll('mat-error, .editor__error')).map(text)).toEqual(['Bitte ausfüllen.', 'Bitte auswählen.', 'Bitte auswählen.']);
    backend.expectNone('/api/clients/c-1/outcomes');
  });

  it('saves an employment with its details, says so and reloads the file', () => {
    const { choose, select, type, click, backend, calls, fixture, button, page } = renderWithFile(OutcomeForm);
    const closed = jest.fn();
    fixture.componentInstance.closed.subscribe(closed);
    choose('Art des Ergebnisses', 'Beschäftigung');
    type('Begonnen am', '2026-02-01');
    select('Art der Beschäftigung', 'sozialversicherungspflichtig');
    choose('Arbeitszeit', 'Teilzeit');
    choose('Entspricht der Qualifikation', 'ja');
    type('Tätigkeit (optional)', '  Pflegehelferin ');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);

    click('Ergebnis speichern');

    const request = backend.expectOne('/api/clients/c-1/outcomes');
    expect(request.request.method).toBe('POST');
    const body = request.request.body as CreateOutcomeRequest;
    expect(body).toEqual({
      kind: 'employment',
      achievedOn: '2026-02-01',
      employmentKind: 'social_insurance',
      fullTime: false,
      matchesQualification: true,
      description: 'Pflegehelferin',
    });
    fixture.detectChanges();
    expect(button('Wird gespeichert …')?.disabled).toBe(true);
    expect(page.querySelector('mat-progress-bar')).not.toBeNull();

    request.flush({ ...testOutcome({ ...body, id: 'o-9', version: 1 }), effects: { closedGoals: [], germanLevel: null } });

    expect(calls.messages).toEqual(['Ergebnis gespeichert']);
    expect(calls.reloads).toBe(1);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('shows the field errors of the API at the field and keeps the input', () => {
    const { choose, type, click, backend, calls, page, text, fixture } = renderWithFile(OutcomeForm);
    choose('Art des Ergebnisses', 'Ausbildung');
    type('Begonnen am', '2026-02-01');
    type('Beendet am (optional)', '2026-03-01');
    click('Ergebnis speichern');

    backend
      .expectOne('/api/clients/c-1/outcomes')
      .flush(
        { statusCode: 400, code: 'validationFailed', message: 'Invalid fields: endedOn', errors: { endedOn: 'notForKind' } },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();

    expect(text(page.querySelector('mat-error'))).toBe('Passt nicht zu dieser Art von Ergebnis.');
    expect(text(page.querySelector('[role="alert"]'))).toBe('Bitte prüfen Sie Ihre Eingaben.');
    expect(calls.reloads).toBe(0);
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });

  const tick = (page: HTMLElement, label: string) => {
    const box = Array.from(page.querySelectorAll('mat-checkbox')).find((b) => b.textContent?.trim() === label);
    if (!box) throw new Error(`No checkbox ${label}`);
    box.querySelector<HTMLInputElement>('input')?.click();
  };

  it('accepts a date before the support start only as "bei Beginn der Betreuung vorhanden", and sends it so', () => {
    const { choose, type, click, backend, page, text, fixture, field } = renderWithFile(OutcomeForm);
    choose('Art des Ergebnisses', 'Deutsch B1 erreicht');
    type('Erreicht am', '2024-06-01');
    click('Ergebnis speichern');
    expect(text(page.querySelector('mat-error'))).toContain('Das Datum liegt vor dem Beginn der Betreuung.');
    expect(field('Erreicht am')?.getAttribute('aria-invalid')).toBe('true');
    backend.expectNone('/api/clients/c-1/outcomes');

    tick(page, 'Bei Beginn der Betreuung vorhanden');
    fixture.detectChanges();
    expect(page.querySelector('mat-error')).toBeNull();
    click('Ergebnis speichern');
    const request = backend.expectOne('/api/clients/c-1/outcomes');
    expect(request.request.body).toEqual({ kind: 'b1', achievedOn: '2024-06-01', level: 'B1', presentAtStart: true });
    request.flush({ ...testOutcome({ kind: 'b1', achievedOn: '2024-06-01', level: 'B1', presentAtStart: true }), effects: { closedGoals: [], germanLevel: null } });
  });

  it('"bei Beginn vorhanden" with a date after the start is refused at the date', () => {
    const { choose, type, click, backend, page, text, fixture } = renderWithFile(OutcomeForm);
    choose('Art des Ergebnisses', 'Deutsch B1 erreicht');
    type('Erreicht am', '2025-03-01');
    tick(page, 'Bei Beginn der Betreuung vorhanden');
    fixture.detectChanges();
    click('Ergebnis speichern');
    expect(text(page.querySelector('mat-error'))).toBe('„Bei Beginn der Betreuung vorhanden“ passt nur zu einem Datum bis zum Beginn der Betreuung.');
    backend.expectNone('/api/clients/c-1/outcomes');
  });

  it('offers no date after today and refuses one typed in', () => {
    const { choose, type, click, backend, page, text, field } = renderWithFile(OutcomeForm);
    choose('Art des Ergebnisses', 'Beschäftigung');
    const today = todayDate();
    expect(field('Begonnen am')?.getAttribute('max')).toBe(today);
    expect(field('Beendet am (optional)')?.getAttribute('max')).toBe(today);
    type('Begonnen am', '2099-01-01');
    click('Ergebnis speichern');
    expect(text(page.querySelector('mat-error'))).toBe('Das Datum darf nicht in der Zukunft liegen.');
    backend.expectNone('/api/clients/c-1/outcomes');
  });

  it('shows the API\'s 422 date error at the date (aria-invalid, message) and keeps what was typed', () => {
    const { choose, type, click, backend, page, text, fixture, field } = renderWithFile(OutcomeForm);
    choose('Art des Ergebnisses', 'Studium');
    type('Begonnen am', '2025-10-01');
    type('Studienfach (optional)', 'Informatik');
    click('Ergebnis speichern');
    backend
      .expectOne('/api/clients/c-1/outcomes')
      .flush(
        { statusCode: 422, code: 'validationFailed', message: 'Invalid fields: achievedOn', errors: { achievedOn: 'inFuture' } },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    fixture.detectChanges();
    expect(text(page.querySelector('mat-error'))).toBe('Das Datum darf nicht in der Zukunft liegen.');
    expect(field('Begonnen am')?.getAttribute('aria-invalid')).toBe('true');
    expect(field<HTMLInputElement>('Begonnen am')?.value).toBe('2025-10-01');
    expect(field<HTMLInputElement>('Studienfach (optional)')?.value).toBe('Informatik');
  });

  it('asks how an ended apprenticeship ended and sends it with the end', () => {
    const { choose, type, click, backend, page } = renderWithFile(OutcomeForm);
    choose('Art des Ergebnisses', 'Ausbildung');
    type('Begonnen am', '2025-08-01');
    expect(page.textContent).not.toContain('Wie endete die Ausbildung?');
    type('Beendet am (optional)', '2025-11-30');
    choose('Wie endete die Ausbildung?', 'ohne Abschluss beendet (abgebrochen)');
    click('Ergebnis speichern');
    const request = backend.expectOne('/api/clients/c-1/outcomes');
    expect(request.request.body).toEqual({ kind: 'apprenticeship', achievedOn: '2025-08-01', endedOn: '2025-11-30', completed: false });
    request.flush({ ...testOutcome({ kind: 'apprenticeship', achievedOn: '2025-08-01', endedOn: '2025-11-30', completed: false }), effects: { closedGoals: [], germanLevel: null } });
  });

  it('refuses an end before the start without asking the API', () => {
    const { choose, type, click, backend, page, text } = renderWithFile(OutcomeForm);
    choose('Art des Ergebnisses', 'Studium');
    type('Begonnen am', '2026-02-01');
    type('Beendet am (optional)', '2026-01-01');

    click('Ergebnis speichern');

    expect(text(page.querySelector('mat-error'))).toBe('Das Ende darf nicht vor dem Beginn liegen.');
    backend.expectNone('/api/clients/c-1/outcomes');
  });
});

describe('outcomeEffectsMessage', () => {
  const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;

  it('names the closed goals and the new German level', () => {
    const message = outcomeEffectsMessage(
      {
        closedGoals: [
          { id: 'g1', target: 'B1-Kurs', targetLevel: 'B1' },
          { id: 'g2', target: 'A2 festigen', targetLevel: 'A2' },
        ],
        germanLevel: { from: 'A1', to: 'B1' },
      },
      t,
    );
    expect(message).toBe('saved. closedGoals{"count":2,"goals":"„B1-Kurs“, „A2 festigen“"} germanLevelRaised{"level":"B1"}');
  });

  it('names a single goal in the singular, several in the plural (ICU plural of the German text)', () => {
    const texts = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8')).outcomeEditor;
    const german = (key: string, params?: Record<string, unknown>) =>
      key === 'closedGoals' ? String(new IntlMessageFormat(texts.closedGoals, 'de').format(params)) : key === 'saved' ? 'Gespeichert' : key;
    expect(outcomeEffectsMessage({ closedGoals: [{ id: 'g1', target: "B1-Kurs '24", targetLevel: 'B1' }], germanLevel: null }, german)).toBe("Gespeichert. Sprachziel erreicht: „B1-Kurs '24“.");
    const two = outcomeEffectsMessage({ closedGoals: [{ id: 'g1', target: 'B1-Kurs', targetLevel: 'B1' }, { id: 'g2', target: 'A2 festigen', targetLevel: 'A2' }], germanLevel: null }, german);
    expect(two).toBe('Gespeichert. Sprachziele erreicht: „B1-Kurs“, „A2 festigen“.');
  });

  it('says nothing extra when the certificate changed nothing else', () => {
    expect(outcomeEffectsMessage({ closedGoals: [], germanLevel: null }, t)).toBeNull();
  });
});
