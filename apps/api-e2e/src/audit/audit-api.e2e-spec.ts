import { Reflector } from '@nestjs/core';
import { AuditController, AuditService } from '@wegweiser/api/audit';
import { PERMISSION_KEY, routeAccess } from '@wegweiser/api/auth';
import { AuditEventResponse, AuditPageResponse, CSRF_HEADER } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { completeTotpEnrolment } from '../support/second-factor';
import { csrfToken, demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const CLIENT_1 = '3c3c3c3c-0000-4000-8000-000000000001';
const CLIENT_2 = '3c3c3c3c-0000-4000-8000-000000000002';

/** `GET /api/audit`: the dpo reads the own municipality's trail, filtered and paged. */
describe('GET /api/audit', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let dpo: DemoUser;
  let manager: DemoUser;
  let otherMunicipalityEvent: string;
  let session: SignedInAgent;
  const server = () => api.app.getHttpServer();

  const get = (query: Record<string, string> = {}) => session.agent.get('/api/audit').query(query).set(CSRF_HEADER, session.csrf);
  const page = async (query: Record<string, string> = {}): Promise<AuditPageResponse> => (await get(query).expect(200)).body;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    dpo = pick(users, 'dpo');
    manager = pick(users, 'manager', (u) => u.municipality_id === dpo.municipality_id);
    const stranger = pick(users, 'manager', (u) => u.municipality_id !== dpo.municipality_id);

    const audit = api.app.get(AuditService);
    const as = (user: DemoUser) => ({ municipalityId: user.municipality_id, userId: user.id, role: user.role });
    for (const clientId of [CLIENT_1, CLIENT_2, CLIENT_1]) {
      await audit.record({ ...as(manager), action: 'read', outcome: 'success', entityType: 'client', entityId: clientId, clientId });
    }
    await audit.record({ ...as(manager), action: 'export', outcome: 'success', entityType: 'client', entityId: CLIENT_2, clientId: CLIENT_2 });
    otherMunicipalityEvent = await audit.record({ ...as(stranger), action: 'read', outcome: 'success', entityType: 'client', entityId: CLIENT_1, clientId: CLIENT_1 });
    await audit.record({ municipalityId: null, userId: null, role: null, action: 'login_failed', outcome: 'failure' });

    session = await completeTotpEnrolment(await signIn(server(), dpo.email));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('requires the audit:read permission (the guard reads the same metadata as @RequirePermission of api-auth)', () => {
    const reflector = api.app.get(Reflector);
    expect(reflector.get(PERMISSION_KEY, AuditController.prototype.list)).toBe('audit:read');
    expect(routeAccess(reflector, [AuditController.prototype.list, AuditController])).toEqual({ kind: 'permission', permission: 'audit:read' });
  });

  it('lists the own municipality’s events, newest first: ids and vocabulary only', async () => {
    const { items, nextBefore } = await page();
    expect(nextBefore).toBeNull();
    const ids = items.map((item) => Number(item.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(items.map((item) => item.id)).not.toContain(otherMunicipalityEvent);
    expect(items.filter((item) => item.action === 'login_failed' && item.userId === null)).toEqual([]);
    const login = items.find((item) => item.action === 'login' && item.userId === dpo.id);
    expect(login).toEqual(
      expect.objectContaining<Partial<AuditEventResponse>>({ role: 'dpo', outcome: 'success', requestId: expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/) }),
    );
    expect(new Date(login?.occurredAt ?? '').toISOString()).toBe(login?.occurredAt);
    const text = JSON.stringify(items);
    for (const user of users.filter((u) => u.municipality_id === dpo.municipality_id)) expect(text).not.toContain(user.email);
  });

  it('filters by client, user, action and time', async () => {
    const byClient = await page({ clientId: CLIENT_1 });
    expect(byClient.items.map((item) => [item.action, item.clientId, item.userId])).toEqual([
      ['read', CLIENT_1, manager.id],
      ['read', CLIENT_1, manager.id],
    ]);
    expect((await page({ userId: manager.id })).items).toHaveLength(4);
    expect((await page({ action: 'export' })).items.map((item) => item.clientId)).toEqual([CLIENT_2]);
    const all = (await page()).items;
    const exported = all.find((item) => item.action === 'export') as AuditEventResponse;
    const inWindow = await page({ from: exported.occurredAt, to: new Date(Date.parse(exported.occurredAt) + 1).toISOString() });
    expect(inWindow.items.map((item) => item.id)).toContain(exported.id);
    expect((await page({ to: '2000-01-01T00:00:00Z' })).items).toEqual([]);
    expect((await page({ from: '2999-01-01T00:00:00+01:00' })).items).toEqual([]);
  });

  it('pages with a keyset cursor', async () => {
    const all = (await page()).items.map((item) => item.id);
    const first = await page({ limit: '2' });
    expect(first.items.map((item) => item.id)).toEqual(all.slice(0, 2));
    expect(first.nextBefore).toBe(all[1]);
    const second = await page({ limit: '2', before: first.nextBefore ?? '' });
    expect(second.items.map((item) => item.id)).toEqual(all.slice(2, 4));
    const rest = await page({ limit: '200', before: second.nextBefore ?? '' });
    expect(rest.items.map((item) => item.id)).toEqual(all.slice(4));
    expect(rest.nextBefore).toBeNull();
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '201' }, 'limit'],
    [{ action: 'view' }, 'action'],
    [{ clientId: 'Ayşe Yılmaz' }, 'clientId'],
    [{ from: 'gestern' }, 'from'],
    [{ before: 'abc' }, 'before'],
    [{ search: 'Yılmaz' }, 'search'],
  ])('answers %j with 400 naming the field', async (query, field) => {
    const response = await get(query).expect(400);
    expect(response.body.code).toBe('validationFailed');
    expect(Object.keys(response.body.errors)).toEqual([field]);
  });

  it('refuses callers without a session (401) and roles without audit:read (403)', async () => {
    const anonymous = request.agent(server());
    await anonymous.get('/api/audit').set(CSRF_HEADER, await csrfToken(anonymous)).expect(401);
    const signedIn = await signIn(server(), manager.email);
    const response = await signedIn.agent.get('/api/audit').set(CSRF_HEADER, signedIn.csrf).expect(403);
    expect(response.body.code).toBe('forbidden');
  });
});
