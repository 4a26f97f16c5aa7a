import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HANDLES_ERRORS_LOCALLY } from '@wegweiser/client/data-access';
import { GoalStepResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../../conversation-form/conversation-defaults';
import { FakeStore, choose, queries, setUpPlanTest, testFile, testGoal, type } from '../plan-testing';
import { GoalSteps } from './goal-steps';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };

const step = (overrides: Partial<GoalStepResponse>): GoalStepResponse => ({
  id: 's-1',
  goalId: 'g-1',
  description: 'Zum Integrationskurs anmelden',
  assignee: 'client',
  dueOn: '2026-04-30',
  doneOn: null,
  version: 2,
  ...overrides,
});
const goal = testGoal({ steps: [step({}), step({ id: 's-2', description: 'Kita-Platz klären', assignee: 'partner', dueOn: null, doneOn: '2026-03-01' })] });

describe('GoalSteps', () => {
  let backend: HttpTestingController;
  let store: FakeStore;

  async function render(canEdit = true) {
    ({ backend, store } = setUpPlanTest(texts, testFile({ access: { canEdit, refusal: canEdit ? null : 'caseClosed' } })));
    const fixture = TestBed.createComponent(GoalSteps);
    fixture.componentRef.setInput('goal', goal);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const page = fixture.nativeElement as HTMLElement;
    const checkbox = (name: string) =>
      Array.from(page.querySelectorAll('mat-checkbox')).find((box) => box.textContent?.trim() === name)?.querySelector('input') as HTMLInputElement;
    return { page, settle, checkbox, ...queries(page) };
  }

  afterEach(() => backend.verify());

  it('lists who does what by when, and whether it is done', async () => {
    const { page } = await render();

    const items = Array.from(page.querySelectorAll('li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['Zum Integrationskurs anmelden (Klient:in, bis 30.04.2026, offen)', 'Kita-Platz klären (Netzwerkpartner, erledigt am 01.03.2026)']);
  });

  it('marks a step done today and opens a done step again', async () => {
    const { checkbox, settle } = await render();
    expect(checkbox('Zum Integrationskurs anmelden').checked).toBe(false);
    expect(checkbox('Kita-Platz klären').checked).toBe(true);

    checkbox('Zum Integrationskurs anmelden').click();
    await settle();
    const done = backend.expectOne('/api/clients/c-1/plan/goals/g-1/steps/s-1');
    expect(done.request.method).toBe('PATCH');
    expect(done.request.body).toEqual({ version: 2, doneOn: localDate(new Date()) });
    expect(done.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(false);
    done.flush(step({ doneOn: localDate(new Date()), version: 3 }));
    expect(store.reloads).toBe(1);

    checkbox('Kita-Platz klären').click();
    await settle();
    const reopened = backend.expectOne('/api/clients/c-1/plan/goals/g-1/steps/s-2');
    expect(reopened.request.body).toEqual({ version: 2, doneOn: null });
    reopened.flush(step({ id: 's-2' }));
    expect(store.reloads).toBe(2);
  });

  it('adds a step with who and when', async () => {
    const { button, field, settle } = await render();
    button('Schritt hinzufügen')?.click();
    await settle();
    type(field('Was ist zu tun?'), 'Bewerbung schreiben');
    await choose(field('Wer?'), 'Integrationsmanager:in', settle);
    type(field('Bis wann?'), '2026-05-15');
    button('Schritt speichern')?.click();
    await settle();

    const request = backend.expectOne('/api/clients/c-1/plan/goals/g-1/steps');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ description: 'Bewerbung schreiben', assignee: 'manager', dueOn: '2026-05-15' });
    request.flush(step({ id: 's-3' }));
    await settle();
    expect(store.reloads).toBe(1);
    expect(button('Schritt speichern')).toBeNull();
  });

  it('requires a description; without edit rights shows no controls', async () => {
    const editable = await render();
    editable.button('Schritt hinzufügen')?.click();
    await editable.settle();
    editable.button('Schritt speichern')?.click();
    await editable.settle();
    expect(editable.fieldError('Was ist zu tun?')).toBe('Bitte ausfüllen.');
    backend.expectNone('/api/clients/c-1/plan/goals/g-1/steps');
    TestBed.resetTestingModule();

    const readOnly = await render(false);
    expect(readOnly.page.querySelectorAll('mat-checkbox, button')).toHaveLength(0);
    expect(readOnly.page.textContent).toContain('Zum Integrationskurs anmelden');
  });
});
