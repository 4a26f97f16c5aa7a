import { CSRF_HEADER, TeamResponse } from '@wegweiser/shared/contracts';
import { completeTotpEnrolment } from '../support/second-factor';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

/** `/api/teams`: the municipality's teams, administered by its admin (issue 4). */
describe('team administration', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let adminA: DemoUser;
  let asAdminA: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const post = (path: string, body: object) => asAdminA.agent.post(path).set(CSRF_HEADER, asAdminA.csrf).send(body);
  const patch = (path: string, body: object) => asAdminA.agent.patch(path).set(CSRF_HEADER, asAdminA.csrf).send(body);
  const teamRows = (municipalityId: string) =>
    adminQuery<{ id: string; name: string }>('SELECT id, name FROM team WHERE municipality_id = $1 ORDER BY name', [municipalityId], db.ownerUrl);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '60', LOGIN_RATE_LIMIT_PER_IP: '10000' });
    users = await demoUsers(db.ownerUrl);
    adminA = pick(users, 'admin');
    asAdminA = await completeTotpEnrolment(await signIn(server(), adminA.email));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('lists the own municipality’s teams with their lead and active member count', async () => {
    const teams = (await asAdminA.agent.get('/api/teams').expect(200)).body as TeamResponse[];
    expect(teams.map((t) => t.name)).toEqual((await teamRows(adminA.municipality_id)).map((t) => t.name));
    for (const team of teams) {
      const members = users.filter((u) => u.team_id === team.id);
      expect(team).toEqual({ id: team.id, name: expect.any(String), leadIds: [pick(members, 'team_lead').id], memberCount: members.length });
    }
  });

  it('creates a team (name trimmed) and counts the accounts put into it', async () => {
    const created = await post('/api/teams', { name: '  Team Neustadt ' }).expect(201);
    const team = created.body as TeamResponse;
    expect(team).toEqual({ id: expect.any(String), name: 'Team Neustadt', leadIds: [], memberCount: 0 });
    const [audit] = await adminQuery<{ action: string; entity_type: string }>('SELECT action, entity_type FROM audit_event WHERE entity_id = $1', [team.id], db.ownerUrl);
    expect(audit).toEqual({ action: 'create', entity_type: 'team' });

    const lead = await post('/api/users', { email: 'lea.leitung@ms.wegweiser.example', firstName: 'Lea', lastName: 'Leitung', role: 'team_lead', teamId: team.id }).expect(201);
    await post('/api/users', { email: 'max.mitglied@ms.wegweiser.example', firstName: 'Max', lastName: 'Mitglied', role: 'manager', teamId: team.id }).expect(201);
    const listed = ((await asAdminA.agent.get('/api/teams').expect(200)).body as TeamResponse[]).find((t) => t.id === team.id);
    expect(listed).toEqual({ id: team.id, name: 'Team Neustadt', leadIds: [lead.body.user.id], memberCount: 2 });

    await patch(`/api/users/${lead.body.user.id}`, { active: false }).expect(200);
    const afterDeactivation = ((await asAdminA.agent.get('/api/teams').expect(200)).body as TeamResponse[]).find((t) => t.id === team.id);
    expect(afterDeactivation).toEqual(expect.objectContaining({ leadIds: [], memberCount: 1 }));
  });

  it('refuses a duplicate name (409 teamNameTaken) and bad input (400), storing nothing', async () => {
    const [existing] = await teamRows(adminA.municipality_id);
    const before = await teamRows(adminA.municipality_id);
    const duplicate = await post('/api/teams', { name: ` ${existing?.name} ` }).expect(409);
    expect(duplicate.body.code).toBe('teamNameTaken');
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 42 }, { name: 'x'.repeat(101) }, { name: 'Team Extra', municipalityId: adminA.municipality_id }]) {
      expect((await post('/api/teams', body).expect(400)).body.code).toBe('validationFailed');
    }
    expect(await teamRows(adminA.municipality_id)).toEqual(before);
  });

  it('allows the same team name in another municipality', async () => {
    const adminB = pick(users, 'admin', (u) => u.municipality_id !== adminA.municipality_id);
    const asAdminB = await completeTotpEnrolment(await signIn(server(), adminB.email));
    await post('/api/teams', { name: 'Team Gemeinsam' }).expect(201);
    await asAdminB.agent.post('/api/teams').set(CSRF_HEADER, asAdminB.csrf).send({ name: 'Team Gemeinsam' }).expect(201);
    expect((await teamRows(adminB.municipality_id)).filter((t) => t.name === 'Team Gemeinsam')).toHaveLength(1);
  });

  it('renames a team; a taken name is refused with 409', async () => {
    const [first, second] = await teamRows(adminA.municipality_id);
    const renamed = await patch(`/api/teams/${first?.id}`, { name: 'Team Nordstern' }).expect(200);
    expect(renamed.body).toEqual(expect.objectContaining({ id: first?.id, name: 'Team Nordstern' }));
    const taken = await patch(`/api/teams/${first?.id}`, { name: second?.name }).expect(409);
    expect(taken.body.code).toBe('teamNameTaken');
    await patch(`/api/teams/${first?.id}`, { name: '' }).expect(400);
    expect((await teamRows(adminA.municipality_id)).find((t) => t.id === first?.id)?.name).toBe('Team Nordstern');
  });

  it('does not find a team of another municipality (404) and leaves it unchanged', async () => {
    const other = pick(users, 'admin', (u) => u.municipality_id !== adminA.municipality_id).municipality_id;
    const [foreign] = await teamRows(other);
    const response = await patch(`/api/teams/${foreign?.id}`, { name: 'Übernommen' }).expect(404);
    expect(response.body.code).toBe('notFound');
    expect((await teamRows(other)).find((t) => t.id === foreign?.id)?.name).toBe(foreign?.name);
    const listed = (await asAdminA.agent.get('/api/teams').expect(200)).body as TeamResponse[];
    expect(listed.some((t) => t.id === foreign?.id)).toBe(false);
  });

  it('refuses team leads and managers (403)', async () => {
    for (const role of ['team_lead', 'manager'] as const) {
      const { agent, csrf } = await signIn(server(), pick(users, role, (u) => u.municipality_id === adminA.municipality_id).email);
      expect((await agent.get('/api/teams').expect(403)).body.code).toBe('forbidden');
      await agent.post('/api/teams').set(CSRF_HEADER, csrf).send({ name: 'Team Heimlich' }).expect(403);
    }
    expect((await teamRows(adminA.municipality_id)).some((t) => t.name === 'Team Heimlich')).toBe(false);
  });
});
