import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { E2E_FIELD_KEYS } from '../support/field-keys';
import { freePort, startProcess, workspaceRoot } from '../support/api-process';
import { csrfToken, demoUsers, DemoUser, pick, signIn } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { join } from 'node:path';

interface AuditRow {
  action: string;
  outcome: string;
  entity_type: string | null;
  entity_id: string | null;
  client_id: string | null;
  user_id: string | null;
  municipality_id: string | null;
}

/**
 * What an outside probe found missing in the trail: refused requests name the
 * client and entity they were aimed at; CSRF refusals of a signed-in session
 * are audited; failed sign-ins with an unknown e-mail address reach the
 * operator through `audit:system`.
 */
describe('audit completeness', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let clientOfTeam: { id: string; team_id: string; municipality_id: string };
  const server = () => api.app.getHttpServer();

  const newEvents = async (sinceId: string): Promise<AuditRow[]> =>
    adminQuery<AuditRow>(
      'SELECT action, outcome, entity_type, entity_id, client_id::text, user_id::text, municipality_id::text FROM audit_event WHERE id > $1::bigint ORDER BY id',
      [sinceId],
      db.ownerUrl,
    );
  const lastId = async (): Promise<string> => (await adminQuery<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM audit_event', [], db.ownerUrl))[0]?.id ?? '0';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    const [client] = await adminQuery<{ id: string; team_id: string; municipality_id: string }>(
      `SELECT c.id, c.team_id, c.municipality_id FROM client c
        WHERE EXISTS (SELECT 1 FROM app_user u WHERE u.role = 'manager' AND u.municipality_id = c.municipality_id AND u.team_id <> c.team_id)
        ORDER BY c.id LIMIT 1`,
      [],
      db.ownerUrl,
    );
    if (!client) throw new Error('The demo data has no municipality with two teams.');
    clientOfTeam = client;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it("records the client of another team's file that a manager was refused", async () => {
    const stranger = pick(users, 'manager', (u) => u.municipality_id === clientOfTeam.municipality_id && u.team_id !== clientOfTeam.team_id);
    const session = await signIn(server(), stranger.email);
    const before = await lastId();
    await session.agent.get(`/api/clients/${clientOfTeam.id}`).set(CSRF_HEADER, session.csrf).expect(404);
    expect(await newEvents(before)).toContainEqual(
      expect.objectContaining({ action: 'denied', outcome: 'denied', user_id: stranger.id, client_id: clientOfTeam.id, entity_id: clientOfTeam.id }),
    );
  });

  it('records route, entity and client of a request refused for lack of permission', async () => {
    const evaluator = pick(users, 'evaluator', (u) => u.municipality_id === clientOfTeam.municipality_id);
    const session = await signIn(server(), evaluator.email);
    const before = await lastId();
    await session.agent.get(`/api/clients/${clientOfTeam.id}/plan`).set(CSRF_HEADER, session.csrf).expect(403);
    expect(await newEvents(before)).toEqual([
      expect.objectContaining({ action: 'denied', outcome: 'denied', user_id: evaluator.id, entity_type: 'clients_plan', entity_id: clientOfTeam.id, client_id: clientOfTeam.id }),
    ]);
  });

  it('audits a refused CSRF token of a signed-in session as that account, and only counts anonymous ones', async () => {
    const manager = pick(users, 'manager', (u) => u.team_id === clientOfTeam.team_id);
    const session = await signIn(server(), manager.email);
    const before = await lastId();
    const refused = await session.agent.post('/api/auth/logout').set(CSRF_HEADER, 'forged-token').send({});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrfTokenInvalid');
    expect(await newEvents(before)).toEqual([
      expect.objectContaining({ action: 'denied', outcome: 'denied', entity_type: 'csrf_token', user_id: manager.id, municipality_id: manager.municipality_id }),
    ]);

    const anonymousBefore = await lastId();
    const anonymous = await request(server()).post('/api/clients').send({});
    expect(anonymous.status).toBe(403);
    expect(await newEvents(anonymousBefore)).toEqual([]);
  });

  it('lists a failed sign-in with an unknown e-mail address for the operator (`audit:system`), without the address', async () => {
    const email = 'niemand-bekannt@ms.wegweiser.example';
    const agent = request.agent(server());
    const csrf = await csrfToken(agent);
    await agent.post('/api/auth/login').set(CSRF_HEADER, csrf).send({ email, password: 'Irgendein-Passwort-1' }).expect(401);

    const run = startProcess(
      [join(workspaceRoot, 'dist/apps/api/cli.js'), 'audit:system', '--since', '2000-01-01', '--limit', '5'],
      {
        DATABASE_URL: db.ownerUrl,
        DATABASE_APP_ROLE: db.appRole,
        DATABASE_APP_PASSWORD: db.appPassword,
        SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
        ...E2E_FIELD_KEYS,
      },
      await freePort(),
    );
    const result = await run.exited;
    const output = run.output();
    expect(result.code).toBe(0);
    expect(output).toMatch(/Events without a municipality since 2000-01-01T00:00:00Z: .*login_failed\/failure [1-9]/);
    expect(output).toMatch(/\d{4}-\d{2}-\d{2}T[\d:.]+Z {2}login_failed {2}failure/);
    expect(output).not.toContain(email);
  });
});
