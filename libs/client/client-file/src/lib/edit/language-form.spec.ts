import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { LanguageSkillResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayDate } from '../outcomes/outcome-dates';
import { GermanTexts, renderWithFile } from '../outcomes/outcome-testing';
import { LanguageForm } from './language-form';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts: GermanTexts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };

@Component({
  selector: 'ww-test-host',
  imports: [LanguageForm],
  template: `<ww-language-form [skill]="skill" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly skill: LanguageSkillResponse = { id: 'l-1', language: 'de', level: 'A2', native: false, certificate: null, exam: null, certifiedOn: null, version: 2 };
}

describe('LanguageForm: the certificate date', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('offers no day after today and refuses one typed in without asking the API', () => {
    const { field, type, click, backend, page } = renderWithFile(Host, texts);
    expect(field('Zertifikat vom')?.getAttribute('max')).toBe(todayDate());
    type('Zertifikat vom', '2099-01-01');
    click('Speichern');
    expect(page.querySelector('mat-error')?.textContent?.trim()).toBe('Das Datum darf nicht in der Zukunft liegen.');
    backend.expectNone('/api/clients/c-1/languages/de');
  });

  it("shows the API's 422 at the date and keeps the input", () => {
    const { field, type, click, backend, page, fixture } = renderWithFile(Host, texts);
    type('Zertifikat vom', '2026-03-02');
    click('Speichern');
    backend
      .expectOne({ method: 'PUT', url: '/api/clients/c-1/languages/de' })
      .flush({ statusCode: 422, code: 'validationFailed', message: 'Invalid fields: certifiedOn', errors: { certifiedOn: 'inFuture' } }, { status: 422, statusText: 'Unprocessable Entity' });
    fixture.detectChanges();
    expect(page.querySelector('mat-error')?.textContent?.trim()).toBe('Das Datum darf nicht in der Zukunft liegen.');
    expect(field('Zertifikat vom')?.getAttribute('aria-invalid')).toBe('true');
    expect(field<HTMLInputElement>('Zertifikat vom')?.value).toBe('2026-03-02');
  });
});
