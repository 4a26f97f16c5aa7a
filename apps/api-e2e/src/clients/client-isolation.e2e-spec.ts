import { ClientSummaryResponse, CSRF_HEADER } from '@wegweiser/shared/contracts';
import { completeTotpEnrolment } from '../support/second-factor';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

interface ClientRow {
  id: string;
  team_id: string;
  municipality_id: string;
  responsible_manager_id: string;
  first_name: string;
  version: number;
  support_state: string;
}

/** Object-level isolation between teams and municipalities, and the audit of client reads (acceptance 2, 3, 11, 12). */
describe('client isolation and audit', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let clients: ClientRow[];
  let managerA: DemoUser;
  let asManagerA: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const auditRows = (where: string, params: unknown[]) =>
    adminQuery<{ action: string; outcome: string; client_id: string | null; entity_id: string | null; user_id: string }>(
      `SELECT action, outcome, client_id, entity_id, user_id FROM audit_event WHERE ${where} ORDER BY id`,
      params,
      db.ownerUrl,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    clients = await adminQuery<ClientRow>('SELECT id, team_id, municipality_id, responsible_manager_id, first_name, version, support_state FROM client', [], db.ownerUrl);
    managerA = pick(users, 'manager', (u) => clients.some((c) => c.responsible_manager_id === u.id && c.support_state !== 'closed'));
    asManagerA = await signIn(server(), managerA.email);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const otherTeamSameMunicipality = () => clients.find((c) => c.municipality_id === managerA.municipality_id && c.team_id !== managerA.team_id) as ClientRow;
  const otherMunicipality = () => clients.find((c) => c.municipality_id !== managerA.municipality_id) as ClientRow;

  it.each([
    ['another team of the same municipality', otherTeamSameMunicipality],
    ['another municipality', otherMunicipality],
  ])('a team-A manager gets 404 for GET/PATCH of a client of %s; nothing changes; denied is audited', async (_label, target) => {
    const client = target();
    expect(client).toBeDefined();
    const { agent, csrf } = asManagerA;
    const before = await auditRows(`action = 'denied' AND user_id = $1 AND entity_id = $2`, [managerA.id, client.id]);
    const get = await agent.get(`/api/clients/${client.id}`).expect(404);
    expect(get.body).toEqual({ statusCode: 404, code: 'notFound', message: expect.any(String) });
    await agent.patch(`/api/clients/${client.id}`).set(CSRF_HEADER, csrf).send({ version: client.version, firstName: 'Geändert' }).expect(404);
    const [after] = await adminQuery<ClientRow>('SELECT first_name, version FROM client WHERE id = $1', [client.id], db.ownerUrl);
    expect(after).toEqual({ first_name: client.first_name, version: client.version });
    const denied = await auditRows(`action = 'denied' AND user_id = $1 AND entity_id = $2`, [managerA.id, client.id]);
    expect(denied.length - before.length).toBe(2);
    expect(denied.every((row) => row.outcome === 'denied')).toBe(true);
  });

  it('lists only team-A clients, whatever filter is passed', async () => {
    const own = clients.filter((c) => c.team_id === managerA.team_id).map((c) => c.id).sort();
    const foreign = clients.find((c) => c.team_id !== managerA.team_id) as ClientRow;
    for (const query of ['', `?q=${encodeURIComponent(foreign.first_name)}`, `?teamId=${foreign.team_id}`, `?q=%25`, '?pageSize=200']) {
      const response = await asManagerA.agent.get(`/api/clients${query}`);
      if (query.startsWith('?teamId')) {
        expect(response.status).toBe(400);
        continue;
      }
      expect(response.status).toBe(200);
      const ids = (response.body.items as ClientSummaryResponse[]).map((c) => c.id);
      expect(ids.every((id) => own.includes(id))).toBe(true);
    }
    const all = await asManagerA.agent.get('/api/clients?pageSize=200').expect(200);
    expect(all.body).toEqual({ items: expect.any(Array), total: own.length, nextCursor: own.length > 200 ? expect.any(String) : null });
  });

  it('a manager may change a client of the own caseload (and only with the current version)', async () => {
    const own = clients.find((c) => c.responsible_manager_id === managerA.id && c.support_state !== 'closed') as ClientRow;
    const { agent, csrf } = asManagerA;
    const changed = await agent.patch(`/api/clients/${own.id}`).set(CSRF_HEADER, csrf).send({ version: own.version, firstName: 'Neu' }).expect(200);
    expect(changed.body).toEqual(expect.objectContaining({ firstName: 'Neu', version: own.version + 1 }));
    const stale = await agent.patch(`/api/clients/${own.id}`).set(CSRF_HEADER, csrf).send({ version: own.version, firstName: 'Alt' }).expect(409);
    expect(stale.body).toEqual(expect.objectContaining({ code: 'staleVersion', currentVersion: own.version + 1 }));
  });

  it('every read of a client creates exactly one audit row', async () => {
    const own = clients.find((c) => c.team_id === managerA.team_id) as ClientRow;
    const before = await auditRows(`action = 'read' AND client_id = $1`, [own.id]);
    await asManagerA.agent.get(`/api/clients/${own.id}`).expect(200);
    const after = await auditRows(`action = 'read' AND client_id = $1`, [own.id]);
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toEqual({ action: 'read', outcome: 'success', client_id: own.id, entity_id: own.id, user_id: managerA.id });
  });

  it.each(['admin', 'evaluator'] as const)('%s asking for a client file gets 403', async (role) => {
    const user = pick(users, role, (u) => u.municipality_id === managerA.municipality_id);
    let signed = await signIn(server(), user.email);
    if (role === 'admin') signed = await completeTotpEnrolment(signed);
    const client = clients.find((c) => c.municipality_id === managerA.municipality_id) as ClientRow;
    const response = await signed.agent.get(`/api/clients/${client.id}`).expect(403);
    expect(response.body.code).toBe('forbidden');
    await signed.agent.get('/api/clients').expect(403);
  });
});
