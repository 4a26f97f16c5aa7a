import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { UpdateGoalRequest } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeStore, queries, setUpPlanTest, testGoal, testPlan, type } from '../plan-testing';
import { GoalEditForm, conflictingFields } from './goal-edit-form';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };
const GOAL_URL = '/api/clients/c-1/plan/goals/g-1';

describe('GoalEditForm', () => {
  let backend: HttpTestingController;
  let store: FakeStore;
  let messages: string[];

  async function render(goal = testGoal()) {
    ({ backend, store, messages } = setUpPlanTest(texts));
    const fixture = TestBed.createComponent(GoalEditForm);
    fixture.componentRef.setInput('goal', goal);
    const closed = jest.fn();
    fixture.componentInstance.closed.subscribe(closed);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const page = fixture.nativeElement as HTMLElement;
    return { fixture, page, settle, closed, ...queries(page) };
  }

  /** The conflict dialog (rendered in the overlay container). */
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement | null;
  const dialogButton = (name: string) => Array.from(dialog()?.querySelectorAll('button') ?? []).find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

  /** Saves "Deutsch bis B2" over version 3 and answers with a conflict: meanwhile saved as version 4 with another target. */
  async function saveIntoConflict() {
    const view = await render();
    type(view.field<HTMLTextAreaElement>('Ziel'), '  Deutsch bis B2  ');
    view.button('Änderungen speichern')?.click();
    await view.settle();

    const first = backend.expectOne(GOAL_URL);
    expect(first.request.method).toBe('PATCH');
    expect(first.request.body).toEqual({ version: 3, target: 'Deutsch bis B2', dueOn: '2027-06-30', targetLevel: 'B1' });
    first.flush({ statusCode: 409, code: 'staleVersion', message: 'stale', currentVersion: 4 }, { status: 409, statusText: 'Conflict' });
    await view.settle();

    const theirs = testGoal({ target: 'Deutsch bis B1 im Abendkurs', dueOn: '2027-09-30', state: 'in_progress', version: 4 });
    backend.expectOne('/api/clients/c-1/plan').flush(testPlan({ goals: [theirs] }));
    await view.settle();
    return view;
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  it('opens with the goal as saved, the target level for language goals, and unchanged', async () => {
    const { field, fixture } = await render();

    expect(field<HTMLTextAreaElement>('Ziel')?.value).toBe('Deutsch bis B1');
    expect(field<HTMLTextAreaElement>('Ziel')?.getAttribute('dir')).toBe('auto');
    expect(field<HTMLInputElement>('Fällig am')?.value).toBe('2027-06-30');
    expect(field('Zielniveau')?.textContent).toContain('B1');
    expect((fixture.componentInstance as unknown as { form: { dirty: boolean } }).form.dirty).toBe(false);
  });

  it('has no target level for other fields of action and does not send one', async () => {
    const { field, button, settle } = await render(testGoal({ fieldOfAction: 'work', target: 'Praktikum', targetLevel: null }));
    expect(field('Zielniveau')).toBeNull();

    button('Änderungen speichern')?.click();
    await settle();

    const request = backend.expectOne(GOAL_URL);
    expect(request.request.body).toEqual({ version: 3, target: 'Praktikum', dueOn: '2027-06-30' });
    request.flush(testGoal({ version: 4 }));
  });

  it('refuses a due date outside the support window without sending', async () => {
    const { field, fieldError, button, settle } = await render();
    type(field('Fällig am'), '2029-01-01');
    button('Änderungen speichern')?.click();
    await settle();

    expect(fieldError('Fällig am')).toBe('Das Datum muss im Betreuungszeitraum liegen (15.01.2025 bis 14.01.2028).');
    backend.expectNone(GOAL_URL);
  });

  it('shows the API\'s field errors next to the field', async () => {
    const { field, fieldError, button, settle } = await render();
    type(field('Fällig am'), '2027-12-01');
    button('Änderungen speichern')?.click();
    await settle();

    backend
      .expectOne(GOAL_URL)
      .flush(
        { statusCode: 400, code: 'validationFailed', message: 'invalid', errors: { dueOn: 'outsideSupportWindow' } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();

    expect(fieldError('Fällig am')).toContain('Das Datum muss im Betreuungszeitraum liegen');
  });

  it('saves with the version it was opened with, then reloads the file and closes', async () => {
    const { field, button, settle, closed } = await render();
    type(field('Ziel'), 'Deutsch bis B2');
    button('Änderungen speichern')?.click();
    await settle();

    const request = backend.expectOne(GOAL_URL);
    expect((request.request.body as UpdateGoalRequest).version).toBe(3);
    request.flush(testGoal({ target: 'Deutsch bis B2', version: 4 }));
    await settle();

    expect(messages).toEqual(['Ziel gespeichert']);
    expect(store.reloads).toBe(1);
    expect(closed).toHaveBeenCalled();
  });

  it('on a conflict shows both versions of the fields that differ', async () => {
    await saveIntoConflict();

    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Inzwischen von jemand anderem gespeichert');
    const fields = Array.from(dialog()?.querySelectorAll('section') ?? []).map((section) => ({
      label: section.getAttribute('aria-label'),
      values: Array.from(section.querySelectorAll('dd')).map((dd) => dd.textContent?.trim()),
    }));
    expect(fields).toEqual([
      { label: 'Ziel', values: ['Deutsch bis B2', 'Deutsch bis B1 im Abendkurs'] },
      { label: 'Fällig am', values: ['30.06.2027', '30.09.2027'] },
    ]);
  });

  it('"Meine Fassung speichern" saves the input again over the current version', async () => {
    const { settle, closed } = await saveIntoConflict();

    dialogButton('Meine Fassung speichern').click();
    await settle();

    const again = backend.expectOne(GOAL_URL);
    expect(again.request.body).toEqual({ version: 4, target: 'Deutsch bis B2', dueOn: '2027-06-30', targetLevel: 'B1' });
    again.flush(testGoal({ target: 'Deutsch bis B2', version: 5 }));
    await settle();
    expect(store.reloads).toBe(1);
    expect(closed).toHaveBeenCalled();
  });

  it('"Gespeicherte Fassung übernehmen" fills the form with what is saved and saves later against that version', async () => {
    const { field, button, settle, closed } = await saveIntoConflict();

    dialogButton('Gespeicherte Fassung übernehmen').click();
    await settle();

    expect(field<HTMLTextAreaElement>('Ziel')?.value).toBe('Deutsch bis B1 im Abendkurs');
    expect(field<HTMLInputElement>('Fällig am')?.value).toBe('2027-09-30');
    expect(closed).not.toHaveBeenCalled();
    backend.expectNone(GOAL_URL);

    button('Änderungen speichern')?.click();
    await settle();
    const request = backend.expectOne(GOAL_URL);
    expect((request.request.body as UpdateGoalRequest).version).toBe(4);
    request.flush(testGoal({ version: 5 }));
  });

  it('closing the dialog with Escape keeps the input and sends nothing', async () => {
    const { field, settle, closed } = await saveIntoConflict();

    dialog()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
    await settle();
    await new Promise((resolve) => setTimeout(resolve));
    await settle();

    expect(dialog()).toBeNull();
    expect(field<HTMLTextAreaElement>('Ziel')?.value).toBe('  Deutsch bis B2  ');
    expect(closed).not.toHaveBeenCalled();
    backend.expectNone(GOAL_URL);
  });
});

describe('conflictingFields', () => {
  it('lists the edited fields that differ from what is saved now', () => {
    const theirs = testGoal({ target: 'A', dueOn: '2027-01-01', targetLevel: 'B1', state: 'achieved' });
    expect(conflictingFields({ target: ' A ', dueOn: '2027-01-01', targetLevel: 'B1' }, theirs)).toEqual([]);
    expect(conflictingFields({ target: 'B', dueOn: '2027-02-01', targetLevel: 'B2' }, theirs)).toEqual(['target', 'dueOn', 'targetLevel']);
    expect(conflictingFields({ target: 'A', dueOn: '2027-01-01', targetLevel: null }, testGoal({ ...theirs, fieldOfAction: 'work', targetLevel: null }))).toEqual([]);
  });
});
