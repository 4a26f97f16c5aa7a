import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileOptions, GermanTexts, renderWithFile, testOutcome, testRating } from '../outcomes/outcome-testing';
import { OutcomesTab } from './outcomes-tab';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts: GermanTexts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };
const render = (options: FileOptions = {}) => renderWithFile(OutcomesTab, texts, options);

describe('OutcomesTab', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('says clearly when there is nothing yet', () => {
    const { page } = render();

    expect(page.textContent).toContain('Noch keine Ergebnisse.');
    expect(page.textContent).toContain('Noch keine Einschätzungen.');
    expect(page.querySelector('svg[role="img"]')).toBeNull();
  });

  it('stays read-only for someone who may not edit the file', () => {
    const { button, page } = render({ canEdit: false, outcomes: [testOutcome()], ratings: [testRating('2026-01-01', 3, 3, null)] });

    expect(button('Ergebnis erfassen')).toBeUndefined();
    expect(button('Einschätzung erfassen')).toBeUndefined();
    expect(button('Ende erfassen')).toBeUndefined();
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('svg[role="img"]')).not.toBeNull();
  });

  it('offers the forms to the responsible manager and the end only for what has not ended', () => {
    const { button, page } = render({
      outcomes: [testOutcome(), testOutcome({ id: 'o-2', kind: 'b1', level: 'B1', employmentKind: null, fullTime: null, matchesQualification: null, description: null })],
    });

    expect(button('Ergebnis erfassen')).toBeDefined();
    expect(button('Einschätzung erfassen')).toBeDefined();
    expect(page.querySelectorAll('ww-outcome-end')).toHaveLength(1);
  });

  it('reports unsaved input while a form is open and dirty, and gives the focus back on cancel', () => {
    const { click, type, fixture, button, field } = render();
    const tab = fixture.componentInstance;

    click('Einschätzung erfassen');
    TestBed.tick();
    expect(document.activeElement).toBe(field('Datum der Einschätzung'));
    expect(button('Einschätzung erfassen')).toBeUndefined();
    expect(tab.hasUnsavedChanges()).toBe(false);
    type('Datum der Einschätzung', '2026-02-01');
    expect(tab.hasUnsavedChanges()).toBe(true);

    click('Abbrechen');
    TestBed.tick();
    expect(tab.hasUnsavedChanges()).toBe(false);
    expect(document.activeElement).toBe(button('Einschätzung erfassen'));

    click('Ergebnis erfassen');
    type('Datum', '2026-02-01');
    expect(tab.hasUnsavedChanges()).toBe(true);
  });

  it('marks what was there at the start and how a training ended', () => {
    const { page, text } = render({
      canEdit: false,
      outcomes: [
        testOutcome({ id: 'o-1', kind: 'b1', level: 'B1', achievedOn: '2024-06-01', presentAtStart: true, employmentKind: null, fullTime: null, matchesQualification: null, description: null }),
        testOutcome({ id: 'o-2', kind: 'apprenticeship', achievedOn: '2025-08-01', endedOn: '2026-07-31', completed: true, employmentKind: null, fullTime: null, matchesQualification: null }),
        testOutcome({ id: 'o-3', kind: 'studies', achievedOn: '2025-10-01', endedOn: '2026-03-31', completed: false, employmentKind: null, fullTime: null, matchesQualification: null }),
        testOutcome({ id: 'o-4', achievedOn: '2025-05-01' }),
      ],
    });
    const cards = Array.from(page.querySelectorAll('li.card')).map(text);
    expect(cards.find((c) => c.startsWith('Deutsch B1 erreicht'))).toContain('bei Beginn vorhanden');
    expect(cards.find((c) => c.startsWith('Ausbildung'))).toContain('abgeschlossen');
    expect(cards.find((c) => c.startsWith('Studium'))).toContain('abgebrochen');
    const job = cards.find((c) => c.startsWith('Beschäftigung')) ?? '';
    expect([job.includes('bei Beginn vorhanden'), job.includes('abgeschlossen'), job.includes('abgebrochen')]).toEqual([false, false, false]);
  });
});
