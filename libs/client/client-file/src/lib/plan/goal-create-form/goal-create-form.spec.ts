import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeStore, choose, queries, setUpPlanTest, testGoal, type } from '../plan-testing';
import { GoalCreateForm } from './goal-create-form';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };
const URL = '/api/clients/c-1/plan/goals';

describe('GoalCreateForm', () => {
  let backend: HttpTestingController;
  let store: FakeStore;
  let messages: string[];

  async function render() {
    ({ backend, store, messages } = setUpPlanTest(texts));
    const fixture = TestBed.createComponent(GoalCreateForm);
    const closed = jest.fn();
    fixture.componentInstance.closed.subscribe(closed);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const page = fixture.nativeElement as HTMLElement;
    return { page, settle, closed, ...queries(page) };
  }

  afterEach(() => backend.verify());

  it('starts at the end of the support window, open, with no field chosen and no level asked', async () => {
    const { field } = await render();

    expect(field<HTMLInputElement>('Fällig am')?.value).toBe('2028-01-14');
    expect(field('Status zu Beginn')?.textContent).toContain('offen');
    expect(field('Zielniveau')).toBeNull();
  });

  it('asks for (and requires) the target level only for language goals', async () => {
    const { field, fieldError, button, settle } = await render();
    await choose(field('Handlungsfeld'), 'Sprache', settle);
    type(field('Ziel'), 'Deutsch bis B1');
    button('Ziel speichern')?.click();
    await settle();

    expect(fieldError('Zielniveau')).toBe('Bitte ausfüllen.');
    backend.expectNone(URL);

    await choose(field('Zielniveau'), 'B1', settle);
    button('Ziel speichern')?.click();
    await settle();
    const request = backend.expectOne(URL);
    expect(request.request.body).toEqual({ fieldOfAction: 'language', target: 'Deutsch bis B1', targetLevel: 'B1', dueOn: '2028-01-14', state: 'open' });
    request.flush(testGoal());
  });

  it('saves a goal of another field without a level, then reloads the file', async () => {
    const { field, button, settle, closed } = await render();
    await choose(field('Handlungsfeld'), 'Arbeit', settle);
    expect(field('Zielniveau')).toBeNull();
    type(field('Ziel'), ' Praktikum finden ');
    type(field('Fällig am'), '2026-12-31');
    await choose(field('Status zu Beginn'), 'in Arbeit', settle);
    button('Ziel speichern')?.click();
    await settle();

    const request = backend.expectOne(URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ fieldOfAction: 'work', target: 'Praktikum finden', dueOn: '2026-12-31', state: 'in_progress' });
    request.flush(testGoal({ fieldOfAction: 'work' }));
    await settle();

    expect(messages).toEqual(['Ziel hinzugefügt']);
    expect(store.reloads).toBe(1);
    expect(closed).toHaveBeenCalled();
  });

  it('requires field and target, refuses a due date after the window, and shows the API\'s field errors', async () => {
    const { field, fieldError, button, settle } = await render();
    type(field('Fällig am'), '2028-01-15');
    button('Ziel speichern')?.click();
    await settle();
    expect(fieldError('Handlungsfeld')).toBe('Bitte ausfüllen.');
    expect(fieldError('Ziel')).toBe('Bitte ausfüllen.');
    expect(fieldError('Fällig am')).toBe('Das Datum muss im Betreuungszeitraum liegen (15.01.2025 bis 14.01.2028).');
    backend.expectNone(URL);

    await choose(field('Handlungsfeld'), 'Sprache', settle);
    await choose(field('Zielniveau'), 'A2', settle);
    type(field('Ziel'), 'Deutsch A2');
    type(field('Fällig am'), '2027-01-01');
    button('Ziel speichern')?.click();
    await settle();
    backend
      .expectOne(URL)
      .flush(
        { statusCode: 400, code: 'validationFailed', message: 'x', errors: { targetLevel: 'requiredForLanguage' } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    expect(fieldError('Zielniveau')).toBe('Bei Sprachzielen bitte ein Zielniveau wählen.');
    expect(store.reloads).toBe(0);
  });
});
