import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ClientResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GermanTexts, renderWithFile } from '../outcomes/outcome-testing';
import { testClient } from '../testing/fixtures';
import { PersonalDataForm } from './personal-data-form';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts: GermanTexts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };

@Component({
  selector: 'ww-test-host',
  imports: [PersonalDataForm],
  template: `<ww-personal-data-form [client]="client" (closed)="closed.push($event)" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly client: ClientResponse = testClient({ phone: '0151 1111111', address: null, version: 3 });
  readonly closed: boolean[] = [];
}

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('PersonalDataForm', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends only the changed fields with the version, then says so, reloads and closes', () => {
    const { type, click, backend, calls, fixture } = renderWithFile(Host, texts);
    type('Telefon', '0160 2222222');
    click('Speichern');
    const request = backend.expectOne({ method: 'PATCH', url: '/api/clients/c-1' });
    expect(request.request.body).toEqual({ version: 3, phone: '0160 2222222' });
    request.flush(testClient({ phone: '0160 2222222', version: 4 }));
    expect(calls.messages).toEqual(['Persönliche Daten gespeichert']);
    expect(calls.reloads).toBe(1);
    expect(fixture.componentInstance.closed).toEqual([true]);
  });

  it('on a conflict compares both versions; keeping mine saves over the current version without losing the typing', async () => {
    const { type, click, backend, fixture, field } = renderWithFile(Host, texts);
    type('Telefon', '0160 2222222');
    type('Adresse', 'Lindenstraße 12');
    click('Speichern');
    backend
      .expectOne({ method: 'PATCH', url: '/api/clients/c-1' })
      .flush({ statusCode: 409, code: 'staleVersion', message: 'x', currentVersion: 4 }, { status: 409, statusText: 'Conflict' });
    backend.expectOne({ method: 'GET', url: '/api/clients/c-1' }).flush(testClient({ phone: '0170 3333333', address: null, version: 4 }));
    fixture.detectChanges();
    await fixture.whenStable();

    const dialog = document.querySelector('ww-conflict-dialog');
    expect(text(dialog)).toContain('Ihre Eingabe');
    const phone = dialog?.querySelector('[aria-label="Telefon"]') ?? null;
    expect(text(phone)).toContain('0160 2222222');
    expect(text(phone)).toContain('0170 3333333');
    expect(text(dialog?.querySelector('[aria-label="Adresse"]') ?? null)).toContain('Lindenstraße 12');
    expect(field<HTMLInputElement>('Adresse')?.value).toBe('Lindenstraße 12');

    Array.from(document.querySelectorAll<HTMLButtonElement>('ww-conflict-dialog button'))
      .find((button) => text(button) === 'Meine Fassung speichern')
      ?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const again = backend.expectOne({ method: 'PATCH', url: '/api/clients/c-1' });
    expect(again.request.body).toEqual({ version: 4, phone: '0160 2222222', address: 'Lindenstraße 12' });
    again.flush(testClient({ version: 5 }));
  });
});
