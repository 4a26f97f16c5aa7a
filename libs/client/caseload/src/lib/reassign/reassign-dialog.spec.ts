import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { ReassignClientsResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReassignDialog, ReassignDialogData } from './reassign-dialog';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/caseload/de.json'), 'utf8'));

const DATA: ReassignDialogData = {
  clients: [
    { id: 'c-1', name: 'Amina Haddad' },
    { id: 'c-2', name: 'Olena Kovalenko' },
  ],
  managers: [
    { id: 'm-1', firstName: 'Julia', lastName: 'Neumann', openClients: 61, caseloadRecommended: null, caseloadMaximum: null },
    { id: 'm-2', firstName: 'Nadine', lastName: 'Wagner', openClients: 58, caseloadRecommended: null, caseloadMaximum: null },
    { id: 'm-3', firstName: 'Tamara', lastName: 'Dritte', openClients: 1, caseloadRecommended: null, caseloadMaximum: 1 },
  ],
};

describe('ReassignDialog', () => {
  let backend: HttpTestingController;

  async function open() {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { de: { caseload: de } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideIcuPlurals()],
    });
    backend = TestBed.inject(HttpTestingController);
    const ref = TestBed.inject(MatDialog).open<ReassignDialog, ReassignDialogData, ReassignClientsResponse>(ReassignDialog, { data: DATA });
    let closedWith: ReassignClientsResponse | undefined | null = null;
    ref.afterClosed().subscribe((value) => (closedWith = value));
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement;
    const text = () => (dialog()?.textContent ?? '').replace(/\s+/g, ' ');
    const submit = async () => {
      dialog().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await settle();
    };
    const chooseManager = async (name: string) => {
      dialog().querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
      await settle();
      const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) => o.textContent?.includes(name));
      if (!option) throw new Error(`no option ${name}`);
      option.click();
      await settle();
    };
    const typeReason = async (value: string) => {
      const area = dialog().querySelector<HTMLTextAreaElement>('textarea') as HTMLTextAreaElement;
      area.value = value;
      area.dispatchEvent(new Event('input'));
      await settle();
    };
    return { dialog, text, submit, chooseManager, typeReason, settle, closedWith: () => closedWith };
  }

  afterEach(() => {
    backend.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  it('names the selected clients and offers the team’s managers with their open cases', async () => {
    const { text, dialog } = await open();
    expect(text()).toContain('2 Klient:innen ausgewählt:');
    expect(Array.from(dialog().querySelectorAll('li')).map((li) => [li.textContent?.trim(), li.getAttribute('dir')])).toEqual([
      ['Amina Haddad', 'auto'],
      ['Olena Kovalenko', 'auto'],
    ]);
    dialog().querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    TestBed.tick();
    expect(Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Julia Neumann (61 offene Fälle)',
      'Nadine Wagner (58 offene Fälle)',
      'Tamara Dritte (1 offener Fall, Höchstzahl 1 – Höchstzahl erreicht)',
    ]);
  });

  it('asks for a person and a reason before sending anything', async () => {
    const { text, submit, typeReason } = await open();
    await submit();
    expect(text()).toContain('Bitte eine Person auswählen.');
    expect(text()).toContain('Bitte einen Grund angeben.');
    await typeReason('   ');
    await submit();
    expect(text()).toContain('Bitte einen Grund angeben.');
    backend.expectNone('/api/clients/reassign');
  });

  it('sends the selection, the person and the trimmed reason, and closes with the answer', async () => {
    const { submit, chooseManager, typeReason, closedWith, settle } = await open();
    await chooseManager('Nadine Wagner');
    await typeReason('  Elternzeit  ');
    await submit();
    const request = backend.expectOne('/api/clients/reassign');
    expect(request.request.body).toEqual({ clientIds: ['c-1', 'c-2'], toManagerId: 'm-2', reason: 'Elternzeit' });
    const answer: ReassignClientsResponse = { items: [] };
    request.flush(answer);
    await settle();
    expect(closedWith()).toBe(answer);
  });

  it.each([
    [400, { code: 'validationFailed', errors: { toManagerId: 'alreadyResponsible' } }, 'bereits von dieser Person betreut'],
    [400, { code: 'validationFailed', errors: { toManagerId: 'unknownManager' } }, 'keine aktive Integrationsmanager:in'],
    [404, { code: 'notFound' }, 'nicht (mehr) zu Ihrem Team'],
    [500, { code: 'internalError' }, 'Das hat nicht geklappt'],
  ])('shows a %s refusal (%j) in the dialog and stays open', async (status, body, message) => {
    const { submit, chooseManager, typeReason, text, closedWith, settle } = await open();
    await chooseManager('Julia Neumann');
    await typeReason('Krankheit');
    await submit();
    backend.expectOne('/api/clients/reassign').flush({ statusCode: status, message: 'refused', ...body }, { status, statusText: 'Refused' });
    await settle();
    expect(text()).toContain(message);
    expect(text()).toContain('Es wurde nichts geändert');
    expect(closedWith()).toBeNull();
  });

  it('names the limit when the API refuses a full caseload (409 caseloadFull)', async () => {
    const { submit, chooseManager, typeReason, text, closedWith, settle } = await open();
    await chooseManager('Tamara Dritte');
    await typeReason('Urlaub');
    await submit();
    const body = { statusCode: 409, code: 'caseloadFull', message: 'full', caseload: { managerId: 'm-3', maximum: 1, openClients: 1 } };
    backend.expectOne('/api/clients/reassign').flush(body, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(text()).toContain('Tamara Dritte hat die Höchstzahl von 1 Fall erreicht. Es wurde nichts geändert');
    expect(closedWith()).toBeNull();
  });
});
