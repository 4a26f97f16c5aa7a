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
});
