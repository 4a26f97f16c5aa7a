import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ClientAssignmentsResponse, ReassignClientsResponse, TeamManagersResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { ReassignmentApi } from './reassignment-api';

describe('ReassignmentApi', () => {
  let api: ReassignmentApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ReassignmentApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('posts a reassignment and lets the caller handle refusals', async () => {
    const body = { clientIds: ['c-1', 'c-2'], toManagerId: 'm-2', reason: 'Elternzeit' };
    const answer: ReassignClientsResponse = { items: [] };
    const result = firstValueFrom(api.reassign(body));

    const request = backend.expectOne('/api/clients/reassign');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush(answer);
    await expect(result).resolves.toEqual(answer);
  });

  it('loads the team’s managers', async () => {
    const managers: TeamManagersResponse = { items: [{ id: 'm-1', firstName: 'Julia', lastName: 'Neumann', openClients: 3, caseloadRecommended: null, caseloadMaximum: 3 }] };
    const result = firstValueFrom(api.teamManagers());
    const request = backend.expectOne('/api/teams/mine/managers');
    expect(request.request.method).toBe('GET');
    request.flush(managers);
    await expect(result).resolves.toEqual(managers);
  });

  it('loads a client’s assignment history', async () => {
    const history: ClientAssignmentsResponse = { items: [] };
    const result = firstValueFrom(api.history('c 1'));
    backend.expectOne('/api/clients/c%201/assignments').flush(history);
    await expect(result).resolves.toEqual(history);
  });
});
