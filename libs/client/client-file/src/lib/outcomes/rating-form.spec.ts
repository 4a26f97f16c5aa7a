import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../conversation-form/conversation-defaults';
import { todayDate } from './outcome-dates';
import { FileOptions, GermanTexts, renderWithFile, testOutcome, testRating } from './outcome-testing';
import { RatingForm } from './rating-form';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts: GermanTexts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };
const render = (options: FileOptions = {}) => renderWithFile(RatingForm, texts, options);

describe('RatingForm', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('offers today and three labelled groups of 1 to 5, employment preset to "nicht beschäftigt" without a current employment', () => {
    const { field, group, text } = render();

    expect(field<HTMLInputElement>('Datum der Einschätzung')?.value).toBe(localDate(new Date()));
    for (const name of ['Gesundheit', 'Soziales Umfeld']) {
      expect(Array.from(group(name)?.querySelectorAll('mat-button-toggle') ?? []).map(text)).toEqual(['1', '2', '3', '4', '5']);
      expect(group(name)?.querySelector('[aria-checked="true"], [aria-pressed="true"]')).toBeNull();
    }
    const employment = group('Qualität der Beschäftigung');
    expect(Array.from(employment?.querySelectorAll('mat-button-toggle') ?? []).map(text)).toEqual(['1', '2', '3', '4', '5', 'nicht beschäftigt']);
    expect(text(employment?.querySelector('.mat-button-toggle-checked'))).toBe('nicht beschäftigt');
  });

  it('asks for the quality of employment while the client is employed', () => {
    const { group, click, page, text, backend } = render({ outcomes: [testOutcome()] });
    expect(group('Qualität der Beschäftigung')?.querySelector('.mat-button-toggle-checked')).toBeNull();

    click('Einschätzung speichern');

    expect(Array.from(page.querySelectorAll('.editor__error')).map(text)).toEqual(['Bitte auswählen.', 'Bitte auswählen.', 'Bitte auswählen.']);
    backend.expectNone('/api/clients/c-1/ratings');
  });

  it('saves the chosen values, "nicht beschäftigt" as null, and reloads the file', () => {
    const { choose, type, click, backend, calls, fixture } = render({ ratings: [testRating('2026-01-01', 2, 2, null)] });
    const closed = jest.fn();
    fixture.componentInstance.closed.subscribe(closed);
    type('Datum der Einschätzung', '2026-03-02');
    choose('Gesundheit', '4');
    choose('Soziales Umfeld', '3');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);

    click('Einschätzung speichern');

    const request = backend.expectOne('/api/clients/c-1/ratings');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ ratedOn: '2026-03-02', health: 4, socialEnvironment: 3, employmentQuality: null });
    request.flush(testRating('2026-03-02', 4, 3, null));

    expect(calls.messages).toEqual(['Einschätzung gespeichert']);
    expect(calls.reloads).toBe(1);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('sends a chosen quality of employment as a number', () => {
    const { choose, click, backend } = render();
    choose('Gesundheit', '5');
    choose('Soziales Umfeld', '1');
    choose('Qualität der Beschäftigung', '2');

    click('Einschätzung speichern');

    expect(backend.expectOne('/api/clients/c-1/ratings').request.body).toMatchObject({ health: 5, socialEnvironment: 1, employmentQuality: 2 });
  });

  it('offers no date after today, refuses one typed in, and shows the API\'s 422 at the date keeping the input', () => {
    const { choose, type, click, backend, page, text, field, fixture } = render();
    expect(field('Datum der Einschätzung')?.getAttribute('max')).toBe(todayDate());
    type('Datum der Einschätzung', '2099-01-01');
    choose('Gesundheit', '4');
    choose('Soziales Umfeld', '3');
    click('Einschätzung speichern');
    expect(text(page.querySelector('mat-error'))).toBe('Das Datum darf nicht in der Zukunft liegen.');
    backend.expectNone('/api/clients/c-1/ratings');

    type('Datum der Einschätzung', '2026-03-02');
    click('Einschätzung speichern');
    backend
      .expectOne('/api/clients/c-1/ratings')
      .flush({ statusCode: 422, code: 'validationFailed', message: 'Invalid fields: ratedOn', errors: { ratedOn: 'inFuture' } }, { status: 422, statusText: 'Unprocessable Entity' });
    fixture.detectChanges();
    expect(text(page.querySelector('mat-error'))).toBe('Das Datum darf nicht in der Zukunft liegen.');
    expect(field('Datum der Einschätzung')?.getAttribute('aria-invalid')).toBe('true');
    expect(field<HTMLInputElement>('Datum der Einschätzung')?.value).toBe('2026-03-02');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });
});
