import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { GoalResponse, GoalStepResponse, PlanResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { PlanApi } from './plan-api';

const goal: GoalResponse = {
  id: 'g-1',
  fieldOfAction: 'language',
  target: 'Deutsch bis B1',
  targetLevel: 'B1',
  dueOn: '2027-06-30',
  state: 'open',
  stateChangedOn: '2026-03-02',
  version: 1,
  steps: [],
};

describe('PlanApi', () => {
  let api: PlanApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PlanApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('reads the plan of a client (errors shown by the caller)', async () => {
    const result = firstValueFrom(api.plan('c 1'));

    const request = backend.expectOne('/api/clients/c%201/plan');
    expect(request.request.method).toBe('GET');
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    const plan = { clientId: 'c 1', goals: [goal] } as PlanResponse;
    request.flush(plan);
    await expect(result).resolves.toEqual(plan);
  });

  it('creates a goal and leaves its field errors to the form', async () => {
    const body = { fieldOfAction: 'language' as const, target: 'Deutsch bis B1', targetLevel: 'B1' as const, dueOn: '2027-06-30' };
    const result = firstValueFrom(api.createGoal('c-1', body));

    const request = backend.expectOne('/api/clients/c-1/plan/goals');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush(goal);
    await expect(result).resolves.toEqual(goal);
  });

  it('patches a goal with its version; a one-click change may ask for the global message', async () => {
    const edit = firstValueFrom(api.updateGoal('c-1', 'g/1', { version: 3, target: 'Deutsch bis B2' }));
    const editRequest = backend.expectOne('/api/clients/c-1/plan/goals/g%2F1');
    expect(editRequest.request.method).toBe('PATCH');
    expect(editRequest.request.body).toEqual({ version: 3, target: 'Deutsch bis B2' });
    expect(editRequest.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    editRequest.flush({ ...goal, version: 4 });
    await expect(edit).resolves.toMatchObject({ version: 4 });

    const state = firstValueFrom(api.updateGoal('c-1', 'g-1', { version: 4, state: 'achieved' }, { handlesErrorsLocally: false }));
    const stateRequest = backend.expectOne('/api/clients/c-1/plan/goals/g-1');
    expect(stateRequest.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(false);
    stateRequest.flush({ ...goal, state: 'achieved', version: 5 });
    await expect(state).resolves.toMatchObject({ state: 'achieved' });
  });

  it('passes a 409 staleVersion on to the caller', async () => {
    const result = firstValueFrom(api.updateGoal('c-1', 'g-1', { version: 1, target: 'x' }));

    backend
      .expectOne('/api/clients/c-1/plan/goals/g-1')
      .flush({ statusCode: 409, code: 'staleVersion', message: 'stale', currentVersion: 2 }, { status: 409, statusText: 'Conflict' });
    await expect(result).rejects.toMatchObject({ status: 409, error: { code: 'staleVersion', currentVersion: 2 } });
  });

  it('creates and updates steps of a goal', async () => {
    const step: GoalStepResponse = { id: 's-1', goalId: 'g-1', description: 'Anmelden', assignee: 'client', dueOn: null, doneOn: null, version: 1 };
    const created = firstValueFrom(api.createStep('c-1', 'g-1', { description: 'Anmelden', assignee: 'client' }));
    const create = backend.expectOne('/api/clients/c-1/plan/goals/g-1/steps');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({ description: 'Anmelden', assignee: 'client' });
    create.flush(step);
    await expect(created).resolves.toEqual(step);

    const done = firstValueFrom(api.updateStep('c-1', 'g-1', 's-1', { version: 1, doneOn: '2026-03-02' }, { handlesErrorsLocally: false }));
    const update = backend.expectOne('/api/clients/c-1/plan/goals/g-1/steps/s-1');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({ version: 1, doneOn: '2026-03-02' });
    expect(update.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(false);
    update.flush({ ...step, doneOn: '2026-03-02', version: 2 });
    await expect(done).resolves.toMatchObject({ doneOn: '2026-03-02' });
  });

  it('records an agreement', async () => {
    const result = firstValueFrom(api.agree('c-1', { agreedOn: '2026-03-02' }));

    const request = backend.expectOne('/api/clients/c-1/plan/agree');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ agreedOn: '2026-03-02' });
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush({ version: 1, agreedOn: '2026-03-02' });
    await expect(result).resolves.toMatchObject({ version: 1 });
  });
});
