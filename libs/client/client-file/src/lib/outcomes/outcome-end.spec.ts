import { HttpTestingController } from '@angular/common/http/testing';
import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { OutcomeResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutcomeEnd } from './outcome-end';
import { todayDate } from './outcome-dates';
import { GermanTexts, renderWithFile, testOutcome } from './outcome-testing';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts: GermanTexts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };

@Component({ selector: 'ww-end-host', imports: [OutcomeEnd], template: '<ww-outcome-end [outcome]="outcome()" />' })
class Host {
  readonly outcome = input<OutcomeResponse>(testOutcome({ achievedOn: '2026-01-15', version: 2 }));
}

@Component({ selector: 'ww-training-end-host', imports: [OutcomeEnd], template: '<ww-outcome-end [outcome]="outcome()" />' })
class TrainingHost {
  readonly outcome = input<OutcomeResponse>(
    testOutcome({ kind: 'apprenticeship', achievedOn: '2025-08-01', employmentKind: null, fullTime: null, matchesQualification: null, version: 1 }),
  );
}

describe('OutcomeEnd', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('opens from a button named after the outcome and records the end with the version read', () => {
    const { page, click, type, backend, calls, button } = renderWithFile(Host, texts);
    expect(button('Ende erfassen')?.getAttribute('aria-label')).toBe('Ende erfassen: Beschäftigung seit 15.01.2026');

    click('Ende erfassen');
    expect(page.querySelector('form')?.getAttribute('aria-label')).toBe('Ende: Beschäftigung seit 15.01.2026');
    type('Beendet am', '2026-06-30');
    click('Ende speichern');

    const request = backend.expectOne('/api/clients/c-1/outcomes/o-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 2, endedOn: '2026-06-30' });
    request.flush(testOutcome({ endedOn: '2026-06-30', version: 3 }));
    expect(calls.messages).toEqual(['Ende gespeichert']);
    expect(calls.reloads).toBe(1);
  });

  it('refuses an end before the start', () => {
    const { page, text, click, type, backend } = renderWithFile(Host, texts);
    click('Ende erfassen');
    type('Beendet am', '2026-01-01');

    click('Ende speichern');

    expect(text(page.querySelector('mat-error'))).toBe('Das Ende darf nicht vor dem Beginn liegen.');
    backend.expectNone('/api/clients/c-1/outcomes/o-1');
  });

  it('reloads the file when someone else changed the outcome meanwhile', () => {
    const { page, text, click, backend, calls, fixture } = renderWithFile(Host, texts);
    click('Ende erfassen');
    click('Ende speichern');

    backend
      .expectOne('/api/clients/c-1/outcomes/o-1')
      .flush({ statusCode: 409, code: 'staleVersion', message: 'Stale', currentVersion: 3 }, { status: 409, statusText: 'Conflict' });
    fixture.detectChanges();

    const stale = 'Jemand anderes hat das inzwischen geändert. Bitte laden Sie die aktuelle Fassung.';
    expect(text(page.querySelector('[role="alert"]'))).toBe(stale);
    expect(calls.messages).toEqual([stale]);
    expect(calls.reloads).toBe(1);
  });

  it('offers no end after today and refuses one typed in', () => {
    const { page, text, click, type, backend, field } = renderWithFile(Host, texts);
    click('Ende erfassen');
    expect(field('Beendet am')?.getAttribute('max')).toBe(todayDate());
    type('Beendet am', '2099-01-01');
    click('Ende speichern');
    expect(text(page.querySelector('mat-error'))).toBe('Das Datum darf nicht in der Zukunft liegen.');
    backend.expectNone('/api/clients/c-1/outcomes/o-1');
  });

  it('asks an apprenticeship how it ended (only there) and shows the API\'s field error there', () => {
    const { page, text, click, type, choose, backend, fixture } = renderWithFile(TrainingHost, texts);
    click('Ende erfassen');
    type('Beendet am', '2026-07-31');
    choose('Wie endete die Ausbildung?', 'mit Abschluss beendet');
    click('Ende speichern');
    const request = backend.expectOne('/api/clients/c-1/outcomes/o-1');
    expect(request.request.body).toEqual({ version: 1, endedOn: '2026-07-31', completed: true });
    request.flush(
      { statusCode: 422, code: 'validationFailed', message: 'Invalid fields: completed', errors: { completed: 'requiresEnd' } },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    fixture.detectChanges();
    const error = page.querySelector('[id^="outcome-end-completed-error"]');
    expect(text(error)).toBe('Bitte zuerst das Ende angeben.');
    expect(page.querySelector('mat-radio-group')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('does not ask an employment how it ended', () => {
    const { page, click } = renderWithFile(Host, texts);
    click('Ende erfassen');
    expect(page.querySelector('mat-radio-group')).toBeNull();
  });
});
