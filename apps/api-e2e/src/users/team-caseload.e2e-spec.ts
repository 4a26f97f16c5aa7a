import { CSRF_HEADER, TeamDetailResponse, TeamManagersResponse, TeamMemberResponse, TeamResponse } from '@wegweiser/shared/contracts';
import { calendarToday } from '@wegweiser/api/core';
import { clientBody, rowCounts } from '../clients/client-fixtures';
import { completeTotpEnrolment } from '../support/second-factor';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

/** Verwaltung → Teams (issue 17): the team page's members and open caseloads, several leads, and the caseload maximum. */
describe('teams: detail, leads and caseload limits', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let admin: DemoUser;
  let asAdmin: SignedInAgent;
  let lead: DemoUser;
  let asLead: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const query = <T extends object>(sql: string, params: unknown[] = []) => adminQuery<T>(sql, params, db.ownerUrl);
  const send = (who: SignedInAgent, method: 'post' | 'put' | 'patch', path: string, body: object) => who.agent[method](path).set(CSRF_HEADER, who.csrf).send(body);
  const openCount = async (managerId: string) =>
    (await query<{ n: number }>(`SELECT count(*)::int AS n FROM client WHERE responsible_manager_id = $1 AND support_state IN ('active', 'paused')`, [managerId]))[0]?.n ?? -1;
  const limitsOf = async (userId: string) =>
    (await query<{ caseload_recommended: number | null; caseload_maximum: number | null }>('SELECT caseload_recommended, caseload_maximum FROM app_user WHERE id = $1', [userId]))[0];
  /** The lead's team's managers: the two of the demo data (with clients), then two created here (none yet). */
  let managers: DemoUser[];
  const managerOfLead = (index: number) => managers[index] as DemoUser;
  const setMaximum = (userId: string, caseloadMaximum: number | null, caseloadRecommended: number | null = null) =>
    send(asAdmin, 'put', `/api/teams/${lead.team_id}/members/${userId}/caseload-limit`, { caseloadRecommended, caseloadMaximum });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '120', LOGIN_RATE_LIMIT_PER_IP: '10000' });
    users = await demoUsers(db.ownerUrl);
    admin = pick(users, 'admin');
    lead = pick(users, 'team_lead', (u) => u.municipality_id === admin.municipality_id);
    asAdmin = await completeTotpEnrolment(await signIn(server(), admin.email));
    asLead = await signIn(server(), lead.email);
    managers = users.filter((u) => u.role === 'manager' && u.team_id === lead.team_id).slice(0, 2);
    for (const name of ['Erste', 'Zweite']) {
      const body = { email: `neu.${name.toLowerCase()}@bh.wegweiser.example`, firstName: 'Nina', lastName: name, role: 'manager', teamId: lead.team_id };
      const created = await send(asAdmin, 'post', '/api/users', body).expect(201);
      managers.push({ ...created.body.user, municipality_id: admin.municipality_id, team_id: lead.team_id } as DemoUser);
    }
    expect(managers).toHaveLength(4);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('shows a team with its active members, each with the open caseload counted in the database', async () => {
    const team = (await asAdmin.agent.get(`/api/teams/${lead.team_id}`).expect(200)).body as TeamDetailResponse;
    const members = await query<{ id: string; role: string }>(`SELECT id, role FROM app_user WHERE team_id = $1 AND active AND role IN ('manager', 'team_lead')`, [lead.team_id]);
    expect(team.members.map((m) => m.id).sort()).toEqual(members.map((m) => m.id).sort());
    expect(team.leadIds).toEqual([lead.id]);
    expect(team.members[0]?.id).toBe(lead.id);
    for (const member of team.members) {
      expect(member).toEqual(expect.objectContaining({ openClients: await openCount(member.id), caseloadRecommended: null, caseloadMaximum: null }));
    }
    expect(team.members.some((m) => m.openClients > 0)).toBe(true);
  });

  it('does not show a team of another municipality (404, audited as denied)', async () => {
    const other = pick(users, 'team_lead', (u) => u.municipality_id !== admin.municipality_id);
    expect((await asAdmin.agent.get(`/api/teams/${other.team_id}`).expect(404)).body.code).toBe('notFound');
    const [denied] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'denied'`, [other.team_id]);
    expect(denied?.n).toBe(1);
    await setMaximum(other.id, 3).expect(404);
    await send(asAdmin, 'put', `/api/teams/${other.team_id}/members/${other.id}/caseload-limit`, { caseloadRecommended: null, caseloadMaximum: 3 }).expect(404);
    expect(await limitsOf(other.id)).toEqual({ caseload_recommended: null, caseload_maximum: null });
  });

  it('lets a team have several leads (made leads through the account)', async () => {
    const second = managerOfLead(3);
    const [{ version } = { version: 0 }] = await query<{ version: number }>('SELECT version FROM app_user WHERE id = $1', [second.id]);
    await send(asAdmin, 'patch', `/api/users/${second.id}`, { role: 'team_lead', teamId: lead.team_id, version }).expect(200);
    const listed = ((await asAdmin.agent.get('/api/teams').expect(200)).body as TeamResponse[]).find((t) => t.id === lead.team_id);
    expect(listed?.leadIds.sort()).toEqual([lead.id, second.id].sort());
    const team = (await asAdmin.agent.get(`/api/teams/${lead.team_id}`).expect(200)).body as TeamDetailResponse;
    expect(team.members.slice(0, 2).map((m) => m.role)).toEqual(['team_lead', 'team_lead']);
    expect(team.leadIds.sort()).toEqual([lead.id, second.id].sort());
  });

  it('stores a caseload limit and refuses bad ones (400), changing nothing', async () => {
    const manager = managerOfLead(2);
    const stored = (await setMaximum(manager.id, 80, 70).expect(200)).body as TeamMemberResponse;
    expect(stored).toEqual(expect.objectContaining({ id: manager.id, caseloadRecommended: 70, caseloadMaximum: 80, openClients: await openCount(manager.id) }));
    const [audit] = await query<{ action: string }>(`SELECT action FROM audit_event WHERE entity_id = $1 AND entity_type = 'user_caseload_limit'`, [manager.id]);
    expect(audit).toEqual({ action: 'update' });
    const bad = [
      { caseloadRecommended: 90, caseloadMaximum: 80 },
      { caseloadRecommended: 0, caseloadMaximum: 80 },
      { caseloadRecommended: null, caseloadMaximum: 1001 },
      { caseloadRecommended: null, caseloadMaximum: 2.5 },
      { caseloadRecommended: null, caseloadMaximum: '3' },
      { caseloadMaximum: 5 },
      { caseloadRecommended: null, caseloadMaximum: 5, role: 'admin' },
    ];
    for (const body of bad) {
      const response = await send(asAdmin, 'put', `/api/teams/${lead.team_id}/members/${manager.id}/caseload-limit`, body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code: 'validationFailed' });
    }
    expect(await limitsOf(manager.id)).toEqual({ caseload_recommended: 70, caseload_maximum: 80 });
    // Only members of that team: the admin, or a manager of another team through this team's path, is not found.
    const otherTeamManager = pick(users, 'manager', (u) => u.municipality_id === admin.municipality_id && u.team_id !== lead.team_id);
    await setMaximum(otherTeamManager.id, 3).expect(404);
    await setMaximum(admin.id, 3).expect(404);
    expect(await limitsOf(otherTeamManager.id)).toEqual({ caseload_recommended: null, caseload_maximum: null });
    // Null removes a limit.
    expect(((await setMaximum(manager.id, null).expect(200)).body as TeamMemberResponse).caseloadMaximum).toBeNull();
  });

  it('refuses a new client for a manager at the maximum (409 caseloadFull naming the limit), writing nothing', async () => {
    const manager = managerOfLead(0);
    const open = await openCount(manager.id);
    await setMaximum(manager.id, open).expect(200);
    const before = await rowCounts(db.ownerUrl);
    const refused = await send(asLead, 'post', '/api/clients', clientBody({ responsibleManagerId: manager.id })).expect(409);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'caseloadFull', caseload: { managerId: manager.id, maximum: open, openClients: open } }));
    // The manager creating into the own full caseload is refused the same way.
    const asManager = await signIn(server(), manager.email);
    expect((await send(asManager, 'post', '/api/clients', clientBody()).expect(409)).body.code).toBe('caseloadFull');
    expect(await rowCounts(db.ownerUrl)).toEqual(before);
    expect(await openCount(manager.id)).toBe(open);

    // One more place: the client is created; then the caseload is full again.
    await setMaximum(manager.id, open + 1).expect(200);
    await send(asLead, 'post', '/api/clients', clientBody({ responsibleManagerId: manager.id })).expect(201);
    expect((await send(asLead, 'post', '/api/clients', clientBody({ responsibleManagerId: manager.id })).expect(409)).body.code).toBe('caseloadFull');
    // A colleague without a limit takes the client.
    await send(asLead, 'post', '/api/clients', clientBody({ responsibleManagerId: managerOfLead(1).id })).expect(201);
  });

  it('refuses a reassignment that would take the target above the maximum (409), changing nothing', async () => {
    const target = managerOfLead(2);
    const source = managerOfLead(1);
    const open = await openCount(target.id);
    await setMaximum(target.id, open + 1).expect(200);
    const clients = await query<{ id: string }>(`SELECT id FROM client WHERE responsible_manager_id = $1 AND support_state = 'active' ORDER BY case_number LIMIT 2`, [source.id]);
    expect(clients).toHaveLength(2);
    const fingerprint = async () => ({
      clients: await query('SELECT id, responsible_manager_id, version FROM client ORDER BY id'),
      history: await query('SELECT count(*)::int AS n FROM client_assignment'),
    });
    const before = await fingerprint();
    const body = { clientIds: clients.map((c) => c.id), toManagerId: target.id, reason: 'Urlaubsvertretung' };
    const refused = await send(asLead, 'post', '/api/clients/reassign', body).expect(409);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'caseloadFull', caseload: { managerId: target.id, maximum: open + 1, openClients: open } }));
    expect(await fingerprint()).toEqual(before);

    // One fits; then the target is full and even one more is refused.
    await send(asLead, 'post', '/api/clients/reassign', { ...body, clientIds: [clients[0]?.id] }).expect(200);
    await send(asLead, 'post', '/api/clients/reassign', { ...body, clientIds: [clients[1]?.id] }).expect(409);
    expect(await openCount(target.id)).toBe(open + 1);
  });

  it('gives the team lead’s picker each manager’s open caseload and limits', async () => {
    const listed = (await asLead.agent.get('/api/teams/mine/managers').expect(200)).body as TeamManagersResponse;
    const target = listed.items.find((m) => m.id === managerOfLead(2).id);
    expect(target).toEqual(expect.objectContaining({ openClients: 1, caseloadMaximum: 1, caseloadRecommended: null }));
    const unlimited = listed.items.find((m) => m.id === managerOfLead(1).id);
    expect(unlimited).toEqual(expect.objectContaining({ openClients: await openCount(managerOfLead(1).id), caseloadMaximum: null }));
  });

  it('refuses to reopen a closed case of a manager at the maximum (409), leaving it closed', async () => {
    const manager = managerOfLead(1);
    const [client] = await query<{ id: string }>(`SELECT id FROM client WHERE responsible_manager_id = $1 AND support_state = 'active' ORDER BY case_number LIMIT 1`, [manager.id]);
    if (!client) throw new Error('the demo manager has no active client');
    const support = `/api/clients/${client.id}/support`;
    await send(asLead, 'post', `${support}/close`, { on: calendarToday(), reason: 'moved_away' }).expect(200);
    const open = await openCount(manager.id);
    await setMaximum(manager.id, open).expect(200);
    const stateOf = async () => (await query<{ support_state: string; version: number }>('SELECT support_state, version FROM client WHERE id = $1', [client.id]))[0];
    const before = await stateOf();

    const refused = await send(asLead, 'post', `${support}/reopen`, {}).expect(409);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'caseloadFull', caseload: { managerId: manager.id, maximum: open, openClients: open } }));
    expect(await stateOf()).toEqual(before);
    expect(before?.support_state).toBe('closed');

    await setMaximum(manager.id, open + 1).expect(200);
    await send(asLead, 'post', `${support}/reopen`, {}).expect(200);
    expect((await stateOf())?.support_state).toBe('active');
    expect(await openCount(manager.id)).toBe(open + 1);
    await setMaximum(manager.id, null).expect(200);
  });

  it('refuses the team routes to team leads and managers (403)', async () => {
    const manager = await signIn(server(), managerOfLead(1).email);
    for (const who of [asLead, manager]) {
      await who.agent.get(`/api/teams/${lead.team_id}`).expect(403);
      await send(who, 'put', `/api/teams/${lead.team_id}/members/${managerOfLead(1).id}/caseload-limit`, { caseloadRecommended: null, caseloadMaximum: 500 }).expect(403);
    }
    expect((await limitsOf(managerOfLead(1).id))?.caseload_maximum).not.toBe(500);
  });
});
