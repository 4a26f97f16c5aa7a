import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { PartnerImportPreviewResponse } from '@wegweiser/shared/contracts';
import { partnerAdminTranslations } from '../i18n.testing';
import { PartnerImportPage } from './partner-import-page';

const preview = (overrides: Partial<PartnerImportPreviewResponse> = {}): PartnerImportPreviewResponse => ({
  token: 'tok-1',
  counts: { create: 18, update: 1, unchanged: 0, invalid: 2 },
  rows: [{ line: 2, name: 'Verein A', action: 'update', changes: ['email', 'workingGroups'], partnerId: 'p-1' }],
  errors: [
    { line: 5, name: 'Verein D', problems: [{ code: 'emailInvalid', field: 'email' }] },
    { line: 12, name: 'VEREIN B', problems: [{ code: 'duplicateRow', field: 'name', duplicateOf: 3 }] },
  ],
  ignoredColumns: [],
  ...overrides,
});

describe('PartnerImportPage', () => {
  let fixture: ComponentFixture<PartnerImportPage>;
  let backend: HttpTestingController;
  const text = () => (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
  const rows = (caption: string) =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(`table[aria-labelledby="${caption}"] tbody tr`)).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    );
  const button = (label: string) =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find((b) => b.textContent?.trim() === label) as HTMLButtonElement;

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function upload(): Promise<File> {
    const file = new File(['Name\nVerein A\n'], 'partner.csv', { type: 'text/csv' });
    const input = (fixture.nativeElement as HTMLElement).querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    return file;
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PartnerImportPage, partnerAdminTranslations()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideRouter([]), provideIcuPlurals()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PartnerImportPage);
    await settle();
  });

  afterEach(() => backend.verify());

  it('shows the preview with German plurals and the wrong rows by line and reason', async () => {
    await upload();
    const request = backend.expectOne('/api/partners/import/preview');
    expect(request.request.body).toBeInstanceOf(FormData);
    request.flush(preview());
    await settle();
    expect(text()).toContain('18 Partner werden angelegt');
    expect(text()).toContain('1 Partner wird geändert');
    expect(text()).toContain('0 Partner bleiben unverändert');
    expect(text()).toContain('2 Zeilen sind fehlerhaft und werden übersprungen');
    expect(rows('import-errors-title')).toEqual([
      ['5', 'Verein D', 'Ungültige E-Mail-Adresse'],
      ['12', 'VEREIN B', 'Doppelt: gleicher Name wie Zeile 3'],
    ]);
    expect(rows('import-rows-title')).toEqual([['2', 'Verein A', 'geändert', 'E-Mail, Arbeitskreise']]);
    expect(text()).toContain('Datei: partner.csv');
  });

  it('confirms with the same file and the token; a stale preview is made again', async () => {
    const file = await upload();
    backend.expectOne('/api/partners/import/preview').flush(preview());
    await settle();
    button('Import bestätigen').click();
    await settle();
    const confirm = backend.expectOne('/api/partners/import/confirm');
    const body = confirm.request.body as FormData;
    expect(body.get('token')).toBe('tok-1');
    expect((body.get('file') as File).name).toBe(file.name);
    confirm.flush({ code: 'importStale', message: 'x', statusCode: 409 }, { status: 409, statusText: 'Conflict' });
    await settle();
    backend.expectOne('/api/partners/import/preview').flush(preview({ token: 'tok-2', counts: { create: 1, update: 0, unchanged: 0, invalid: 0 }, errors: [] }));
    await settle();
    expect(text()).toContain('Die Daten haben sich seit der Vorschau geändert');
    expect(text()).toContain('1 Partner wird angelegt');
    button('Import bestätigen').click();
    await settle();
    const again = backend.expectOne('/api/partners/import/confirm');
    expect((again.request.body as FormData).get('token')).toBe('tok-2');
    again.flush({ created: 1, updated: 0, unchanged: 0, skipped: 0 });
    await settle();
    expect(text()).toContain('Import abgeschlossen: 1 Partner angelegt, 0 geändert.');
  });

  it('names a refused file type', async () => {
    await upload();
    backend.expectOne('/api/partners/import/preview').flush({ code: 'importFileType', message: 'x', statusCode: 415 }, { status: 415, statusText: 'Unsupported' });
    await settle();
    expect(text()).toContain('Nur .csv- und .xlsx-Dateien können importiert werden.');
  });
});
