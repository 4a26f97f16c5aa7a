import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { CurrentUser } from '@wegweiser/client/data-access';
import { ClientResponse, Permission } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testClient } from '../testing/fixtures';
import { ClientDocuments } from './client-documents';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));
const PDF = () => new Blob(['%PDF-1.7'], { type: 'application/pdf' });

describe('ClientDocuments', () => {
  let fixture: ComponentFixture<ClientDocuments>;
  let backend: HttpTestingController;
  let saved: string[];

  const buttons = (root: ParentNode = document.body) => Array.from(root.querySelectorAll('button'));
  const button = (label: string, root?: ParentNode) => buttons(root).find((b) => b.textContent?.trim() === label) as HTMLButtonElement | undefined;
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement | null;

  function render(permissions: Permission[], client: ClientResponse = testClient()) {
    TestBed.configureTestingModule({
      imports: [
        ClientDocuments,
        TranslocoTestingModule.forRoot({
          langs: { de: { clientFile: de } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: CurrentUser, useValue: { can: (permission: Permission) => permissions.includes(permission) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientDocuments);
    fixture.componentRef.setInput('client', client);
    fixture.detectChanges();
  }

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    saved = [];
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:doc'), revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
    document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = ''));
  });

  it.each([
    ['a team lead', ['client:read', 'client:subject-access'], ['Integrationsplan drucken', 'Auskunft nach Art. 15']],
    ['a manager', ['client:read'], ['Integrationsplan drucken']],
    ['a role without client access', [], []],
  ] as const)('offers %s only the documents the role may have', (_, permissions, labels) => {
    render([...permissions]);
    expect(buttons(fixture.nativeElement).map((b) => b.textContent?.trim())).toEqual(labels);
  });

  it('prints the plan in the preselected language of the client, busy while downloading, then closes', async () => {
    render(['client:read']);
    button('Integrationsplan drucken', fixture.nativeElement)?.click();
    await settle();

    expect(dialog()?.querySelector('h2')?.textContent).toBe('Integrationsplan drucken');
    const checked = dialog()?.querySelector('mat-radio-button.mat-mdc-radio-checked');
    expect(checked?.textContent?.trim()).toBe('Arabisch');
    expect(Array.from((dialog()?.querySelectorAll('mat-radio-button') ?? [])).map((r) => r.textContent?.trim())).toEqual([
      'Arabisch',
      'Persisch (Farsi)',
      'Dari',
      'Ukrainisch',
      'Russisch',
      'Türkisch',
      'Englisch',
    ]);

    button('PDF herunterladen')?.click();
    await settle();
    const request = backend.expectOne('/api/clients/c-1/documents/plan?language=ar');
    expect(button('PDF herunterladen')?.disabled).toBe(true);
    expect(dialog()?.querySelector('mat-progress-spinner')).not.toBeNull();

    request.flush(PDF(), { headers: { 'Content-Disposition': 'attachment; filename="plan-ar.pdf"' } });
    await settle();
    expect(saved).toEqual(['plan-ar.pdf']);
    expect(dialog()).toBeNull();
  });

  it('prints in another chosen language, and stays open with a message when it fails', async () => {
    render(['client:read']);
    button('Integrationsplan drucken', fixture.nativeElement)?.click();
    await settle();
    const dari = Array.from((dialog()?.querySelectorAll('mat-radio-button input') ?? []))[2] as HTMLInputElement;
    dari.click();
    await settle();

    button('PDF herunterladen')?.click();
    await settle();
    backend.expectOne('/api/clients/c-1/documents/plan?language=prs').flush(new Blob(['{}']), { status: 500, statusText: 'Server Error' });
    await settle();

    expect(saved).toEqual([]);
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain('Das Dokument konnte nicht erstellt werden.');
    expect(button('PDF herunterladen')?.disabled).toBe(false);
  });

  it('asks for a language when none of the client\'s maps', async () => {
    render(['client:read'], testClient({ languagesSpoken: ['ps'], countryOfOrigin: 'AF' }));
    button('Integrationsplan drucken', fixture.nativeElement)?.click();
    await settle();
    expect(dialog()?.querySelector('mat-radio-button.mat-mdc-radio-checked')).toBeNull();

    button('PDF herunterladen')?.click();
    await settle();
    backend.expectNone((request) => request.url.includes('/documents/'));
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain('Bitte eine Sprache wählen.');
  });

  it('downloads the Art. 15 export, busy meanwhile, and says when it failed', async () => {
    render(['client:read', 'client:subject-access']);
    const exportButton = () => button('Auskunft nach Art. 15', fixture.nativeElement) as HTMLButtonElement;

    exportButton().click();
    fixture.detectChanges();
    const first = backend.expectOne('/api/clients/c-1/documents/subject-access');
    expect(exportButton().disabled).toBe(true);
    expect(exportButton().querySelector('mat-progress-spinner')).not.toBeNull();
    first.flush(PDF());
    await settle();
    expect(saved).toEqual(['auskunft-art-15.pdf']);
    expect(exportButton().disabled).toBe(false);

    exportButton().click();
    fixture.detectChanges();
    backend.expectOne('/api/clients/c-1/documents/subject-access').flush(new Blob(['{}']), { status: 403, statusText: 'Forbidden' });
    await settle();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain('Das Dokument konnte nicht erstellt werden.');
  });
});
