import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TeamDetailResponse, UserResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { TeamAdminApi } from './team-admin-api';

describe('TeamAdminApi', () => {
  let api: TeamAdminApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(TeamAdminApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('loads the teams and one team with its members', async () => {
    const list = firstValueFrom(api.list());
    backend.expectOne({ method: 'GET', url: '/api/teams' }).flush([]);
    await expect(list).resolves.toEqual([]);
    const team: TeamDetailResponse = { id: 't 1', name: 'Team Nord', leadIds: [], memberCount: 0, members: [] };
    const detail = firstValueFrom(api.detail('t 1'));
    backend.expectOne({ method: 'GET', url: '/api/teams/t%201' }).flush(team);
    await expect(detail).resolves.toEqual(team);
  });

  it('creates and renames a team, showing refusals itself', () => {
    api.create({ name: 'Team Süd' }).subscribe();
    const created = backend.expectOne({ method: 'POST', url: '/api/teams' });
    expect(created.request.body).toEqual({ name: 'Team Süd' });
    expect(created.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    created.flush({});
    api.rename('t-1', { name: 'Team Ost' }).subscribe();
    const renamed = backend.expectOne({ method: 'PATCH', url: '/api/teams/t-1' });
    expect(renamed.request.body).toEqual({ name: 'Team Ost' });
    expect(renamed.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    renamed.flush({});
  });

  it('puts both caseload limits of a member', () => {
    api.setCaseloadLimit('t-1', 'u-1', { caseloadRecommended: null, caseloadMaximum: 3 }).subscribe();
    const request = backend.expectOne({ method: 'PUT', url: '/api/teams/t-1/members/u-1/caseload-limit' });
    expect(request.request.body).toEqual({ caseloadRecommended: null, caseloadMaximum: 3 });
    request.flush({});
  });

  it('makes an account a team lead of the team, with the version read', () => {
    const user = { id: 'u-2', version: 7 } as UserResponse;
    api.makeLead(user, 't-1').subscribe();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/users/u-2' });
    expect(request.request.body).toEqual({ role: 'team_lead', teamId: 't-1', version: 7 });
    request.flush({});
  });
});
