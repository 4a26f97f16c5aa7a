import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../../conversation-form/conversation-defaults';
import { FakeStore, queries, setUpPlanTest, testFile, testPlan, type } from '../plan-testing';
import { PlanAgreement } from './plan-agreement';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };
const URL = '/api/clients/c-1/plan/agree';
const latestAgreement = { version: 2, agreedOn: '2026-02-10', agreedById: 'm-1', agreedByName: 'Julia Neumann', recordedAt: '2026-02-10T10:00:00Z' };

describe('PlanAgreement', () => {
  let backend: HttpTestingController;
  let store: FakeStore;
  let messages: string[];

  async function render(file = testFile()) {
    ({ backend, store, messages } = setUpPlanTest(texts, file));
    const fixture = TestBed.createComponent(PlanAgreement);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const page = fixture.nativeElement as HTMLElement;
    return { page, settle, ...queries(page) };
  }

  afterEach(() => backend.verify());

  it('shows the latest agreement and whether the plan changed since', async () => {
    const { page } = await render(testFile({ plan: testPlan({ latestAgreement, changedSinceAgreement: true }) }));

    expect(page.textContent).toContain('Zuletzt vereinbart: Fassung 2 am 10.02.2026, festgehalten von Julia Neumann.');
    expect(page.textContent).toContain('Der Plan wurde seit dieser Vereinbarung geändert.');
  });

  it('records the agreement on the day given (default today) and reloads', async () => {
    const { page, field, button, settle } = await render();
    expect(page.textContent).toContain('Der Plan wurde noch nicht mit Klient:in vereinbart.');
    expect(field<HTMLInputElement>('Mit Klient:in vereinbart am')?.value).toBe(localDate(new Date()));

    type(field('Mit Klient:in vereinbart am'), '2026-03-02');
    button('Plan als vereinbart speichern')?.click();
    await settle();

    const request = backend.expectOne(URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ agreedOn: '2026-03-02' });
    request.flush({ ...latestAgreement, version: 1, agreedOn: '2026-03-02' });
    expect(messages).toEqual(['Plan als vereinbart gespeichert (Fassung 1)']);
    expect(store.reloads).toBe(1);
  });

  it('shows why it was refused: a field error or an empty plan', async () => {
    const { page, field, fieldError, button, settle } = await render();
    button('Plan als vereinbart speichern')?.click();
    await settle();
    backend
      .expectOne(URL)
      .flush({ statusCode: 400, code: 'validationFailed', message: 'x', errors: { agreedOn: 'beforeLastAgreement' } }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(fieldError('Mit Klient:in vereinbart am')).toBe('Das Datum darf nicht vor der letzten Vereinbarung liegen.');

    // The field error stays until the date is changed.
    button('Plan als vereinbart speichern')?.click();
    await settle();
    backend.expectNone(URL);
    type(field('Mit Klient:in vereinbart am'), '2026-03-03');
    button('Plan als vereinbart speichern')?.click();
    await settle();
    backend.expectOne(URL).flush({ statusCode: 409, code: 'planEmpty', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(page.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Ein Plan ohne Ziele kann nicht vereinbart werden. Bitte zuerst ein Ziel hinzufügen.');
    expect(store.reloads).toBe(0);
  });

  it('has no form without edit rights', async () => {
    const { page } = await render(testFile({ access: { canEdit: false, refusal: 'notOwnCaseload' } }));
    expect(page.querySelector('form')).toBeNull();
  });
});
