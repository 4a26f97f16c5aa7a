import { CSRF_HEADER, SupportExtensionResponse, SupportResponse } from '@wegweiser/shared/contracts';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { createClient, rowCounts } from './client-fixtures';

const JUSTIFICATION = 'Die Ausbildung endet erst vier Monate nach dem regulären Ende; Begleitung bis zur Prüfung nötig.';

/** The support period: states, history, reopening within the window, extensions approved by the team lead. */
describe('client file: support period', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let manager: DemoUser;
  let asManager: SignedInAgent;
  let asLead: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const post = (who: SignedInAgent, path: string, body: object = {}) => who.agent.post(path).set(CSRF_HEADER, who.csrf).send(body);
  const support = async (clientId: string) => (await asManager.agent.get(`/api/clients/${clientId}/support`).expect(200)).body as SupportResponse;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    manager = pick(users, 'manager');
    asManager = await signIn(server(), manager.email);
    asLead = await signIn(server(), pick(users, 'team_lead', (u) => u.team_id === manager.team_id).email);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('pauses, resumes, closes with a reason and reopens within the window, keeping the history', async () => {
    const client = await createClient(asManager, { supportStart: '2026-01-12' });
    await post(asManager, `/api/clients/${client.id}/support/pause`, { on: '2026-03-02', note: 'x'.repeat(501) })
      .expect(400)
      .expect((r) => expect(r.body.errors).toEqual({ note: 'maxLength' }));
    await post(asManager, `/api/clients/${client.id}/support/pause`, { on: '2026-03-02', note: ' Krankenhausaufenthalt bis Ende März ' }).expect(200);
    await post(asManager, `/api/clients/${client.id}/support/pause`).expect(409).expect((r) => expect(r.body.code).toBe('invalidSupportTransition'));
    await post(asManager, `/api/clients/${client.id}/support/resume`, { on: '2026-04-01' }).expect(200);
    await post(asManager, `/api/clients/${client.id}/support/close`, { on: '2026-03-31', reason: 'moved_away' }).expect(400).expect((r) => expect(r.body.errors).toEqual({ on: 'beforeLastChange' }));
    await post(asManager, `/api/clients/${client.id}/support/close`, { on: '2026-06-30' }).expect(400).expect((r) => expect(r.body.errors).toEqual({ reason: 'isIn' }));
    const closed = (await post(asManager, `/api/clients/${client.id}/support/close`, { on: '2026-06-30', reason: 'moved_away' }).expect(200)).body as SupportResponse;
    expect(closed).toEqual(expect.objectContaining({ state: 'closed', closedOn: '2026-06-30', closureReason: 'moved_away', pausedOn: null }));
    const reopened = (await post(asManager, `/api/clients/${client.id}/support/reopen`).expect(200)).body as SupportResponse;
    expect(reopened).toEqual(expect.objectContaining({ state: 'active', closedOn: null, closureReason: null, windowEnd: '2029-01-12' }));
    expect(reopened.history.map((e) => [e.fromState, e.toState, e.reason, e.on])).toEqual([
      [null, 'active', null, '2026-01-12'],
      ['active', 'paused', null, '2026-03-02'],
      ['paused', 'active', null, '2026-04-01'],
      ['active', 'closed', 'moved_away', '2026-06-30'],
      ['closed', 'active', null, expect.any(String)],
    ]);
    expect(reopened.history.map((e) => e.note)).toEqual([null, 'Krankenhausaufenthalt bis Ende März', null, null, null]);
    expect(reopened.history.every((e) => e.byUserId === manager.id)).toBe(true);
  });

  it('a closed case is read-only (409 caseClosed) except for reopening', async () => {
    const client = await createClient(asManager);
    await post(asManager, `/api/clients/${client.id}/support/close`, { on: '2026-02-01', reason: 'declined' }).expect(200);
    const counts = await rowCounts(db.ownerUrl);
    const [{ version }] = await adminQuery<{ version: number }>('SELECT version FROM client WHERE id = $1', [client.id], db.ownerUrl);
    const patch = await asManager.agent.patch(`/api/clients/${client.id}`).set(CSRF_HEADER, asManager.csrf).send({ version, lastName: 'Neu' }).expect(409);
    expect(patch.body.code).toBe('caseClosed');
    for (const path of ['pause', 'resume']) await post(asManager, `/api/clients/${client.id}/support/${path}`).expect(409).expect((r) => expect(r.body.code).toBe('caseClosed'));
    await post(asManager, `/api/clients/${client.id}/support/extensions`, { requestedUntil: '2029-06-01', justification: JUSTIFICATION }).expect(409);
    expect(await rowCounts(db.ownerUrl)).toEqual(counts);
    await post(asManager, `/api/clients/${client.id}/support/reopen`).expect(200);
  });

  it('reopening after the window has ended → 409 windowEnded', async () => {
    const client = await createClient(asManager, { supportStart: '2022-10-04', arrivalDate: '2022-09-01' });
    expect(client.supportWindowEnd).toBe('2025-10-04');
    await post(asManager, `/api/clients/${client.id}/support/close`, { on: '2025-10-04', reason: 'window_ended' }).expect(200);
    const refused = await post(asManager, `/api/clients/${client.id}/support/reopen`).expect(409);
    expect(refused.body.code).toBe('windowEnded');
    expect((await support(client.id)).state).toBe('closed');
  });

  it('an extension beyond four years → 400; a valid one stays pending and leaves the window; the team lead approves and the window moves', async () => {
    const client = await createClient(asManager, { supportStart: '2024-02-29', arrivalDate: '2024-01-15' });
    expect(client.supportWindowEnd).toBe('2027-02-28');
    const counts = await rowCounts(db.ownerUrl);
    const tooLong = await post(asManager, `/api/clients/${client.id}/support/extensions`, { requestedUntil: '2028-03-01', justification: JUSTIFICATION }).expect(400);
    expect(tooLong.body.errors).toEqual({ requestedUntil: 'beyondMaximumWindow' });
    const unjustified = await post(asManager, `/api/clients/${client.id}/support/extensions`, { requestedUntil: '2027-12-31', justification: 'weil' }).expect(400);
    expect(unjustified.body.errors).toEqual({ justification: 'minLength' });
    const notLonger = await post(asManager, `/api/clients/${client.id}/support/extensions`, { requestedUntil: '2027-02-28', justification: JUSTIFICATION }).expect(400);
    expect(notLonger.body.errors).toEqual({ requestedUntil: 'notAfterWindowEnd' });
    expect(await rowCounts(db.ownerUrl)).toEqual(counts);

    const requested = (await post(asManager, `/api/clients/${client.id}/support/extensions`, { requestedUntil: '2028-02-29', justification: JUSTIFICATION }).expect(201))
      .body as SupportExtensionResponse;
    expect(requested).toEqual(expect.objectContaining({ state: 'pending', requestedBy: manager.id, decidedBy: null, version: 1 }));
    await post(asManager, `/api/clients/${client.id}/support/extensions`, { requestedUntil: '2027-12-31', justification: JUSTIFICATION })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('extensionPending'));
    expect(await support(client.id)).toEqual(expect.objectContaining({ windowEnd: '2027-02-28', maximumWindowEnd: '2028-02-29', extensions: [requested] }));

    const byManager = await post(asManager, `/api/support-extensions/${requested.id}/approve`, { version: 1 }).expect(403);
    expect(byManager.body.code).toBe('forbidden');
    expect((await support(client.id)).windowEnd).toBe('2027-02-28');

    const approved = (await post(asLead, `/api/support-extensions/${requested.id}/approve`, { version: 1, comment: 'Einverstanden.' }).expect(200)).body;
    expect(approved).toEqual(expect.objectContaining({ state: 'approved', decidedBy: asLead.session.me.id, comment: 'Einverstanden.', version: 2 }));
    expect(await support(client.id)).toEqual(expect.objectContaining({ windowEnd: '2028-02-29', extensions: [approved] }));
    await post(asLead, `/api/support-extensions/${requested.id}/reject`, { version: 2, comment: 'Zu spät.' }).expect(409).expect((r) => expect(r.body.code).toBe('extensionDecided'));
  });

  it('a rejected extension leaves the window; a stale version → 409; a team lead of another team gets 404', async () => {
    const client = await createClient(asManager);
    const requested = (await post(asManager, `/api/clients/${client.id}/support/extensions`, { requestedUntil: '2029-06-30', justification: JUSTIFICATION }).expect(201))
      .body as SupportExtensionResponse;
    const otherLead = pick(users, 'team_lead', (u) => u.municipality_id === manager.municipality_id && u.team_id !== manager.team_id);
    const asOtherLead = await signIn(server(), otherLead.email);
    await post(asOtherLead, `/api/support-extensions/${requested.id}/approve`, { version: 1 }).expect(404);
    await post(asLead, `/api/support-extensions/${requested.id}/reject`, { version: 7, comment: 'Veraltet.' }).expect(409).expect((r) => expect(r.body.code).toBe('staleVersion'));
    const rejected = (await post(asLead, `/api/support-extensions/${requested.id}/reject`, { version: 1, comment: 'Nicht begründet genug.' }).expect(200)).body;
    expect(rejected).toEqual(expect.objectContaining({ state: 'rejected', comment: 'Nicht begründet genug.' }));
    expect((await support(client.id)).windowEnd).toBe(client.supportWindowEnd);
    await post(asManager, `/api/clients/${client.id}/support/extensions`, { requestedUntil: '2029-03-31', justification: JUSTIFICATION }).expect(201);
  });

  it('a manager cannot change the support period of a colleague’s client nor another team’s: both not found (404)', async () => {
    const [colleagues] = await adminQuery<{ id: string }>(
      `SELECT id FROM client WHERE team_id = $1 AND responsible_manager_id <> $2 AND support_state = 'active' LIMIT 1`,
      [manager.team_id, manager.id],
      db.ownerUrl,
    );
    const [foreign] = await adminQuery<{ id: string }>(`SELECT id FROM client WHERE team_id <> $1 AND support_state = 'active' LIMIT 1`, [manager.team_id], db.ownerUrl);
    await post(asManager, `/api/clients/${colleagues?.id}/support/pause`).expect(404).expect((r) => expect(r.body.code).toBe('notFound'));
    await post(asManager, `/api/clients/${foreign?.id}/support/pause`).expect(404);
    await asManager.agent.get(`/api/clients/${foreign?.id}/support`).expect(404);
  });
});
