import { CSRF_HEADER, UserResponse } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { sealedTotpSecret } from '../support/field-keys';
import { completeTotpEnrolment } from '../support/second-factor';
import { csrfToken, demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

interface SecurityRow {
  failed_attempts: number;
  locked_until: Date | null;
  totp_enabled: boolean;
  totp_secret: string | null;
  totp_last_step: string | null;
  recovery_code_hashes: string[];
  version: number;
}

/** `POST /api/users/:id/unlock` and `/reset-second-factor` (issue 17): the administrator's help for a locked-out account. */
describe('unlocking an account and resetting its second factor', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let adminA: DemoUser;
  let asAdminA: SignedInAgent;
  let municipalityA: string;
  let municipalityB: string;
  const server = () => api.app.getHttpServer();
  const security = async (id: string) =>
    (
      await adminQuery<SecurityRow>(
        'SELECT failed_attempts, locked_until, totp_enabled, totp_secret, totp_last_step, recovery_code_hashes, version FROM app_user WHERE id = $1',
        [id],
        db.ownerUrl,
      )
    )[0] as SecurityRow;
  const auditRows = (entityId: string) =>
    adminQuery<{ action: string; outcome: string; entity_type: string; user_id: string | null }>(
      'SELECT action, outcome, entity_type, user_id FROM audit_event WHERE entity_id = $1 ORDER BY id',
      [entityId],
      db.ownerUrl,
    );
  const post = (path: string) => asAdminA.agent.post(path).set(CSRF_HEADER, asAdminA.csrf).send({});
  const sessionCount = async (userId: string) =>
    Number((await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM user_session WHERE sess ->> 'userId' = $1`, [userId], db.ownerUrl))[0]?.n);
  const wrongSignIn = async (email: string) => {
    const agent = request.agent(server());
    const csrf = await csrfToken(agent);
    await agent.post('/api/auth/login').set(CSRF_HEADER, csrf).send({ email, password: 'Falsches-Passwort-123' }).expect(401);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '10000', LOGIN_RATE_LIMIT_PER_ACCOUNT: '1000' });
    users = await demoUsers(db.ownerUrl);
    adminA = pick(users, 'admin');
    municipalityA = adminA.municipality_id;
    municipalityB = pick(users, 'admin', (u) => u.municipality_id !== municipalityA).municipality_id;
    asAdminA = await completeTotpEnrolment(await signIn(server(), adminA.email));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('unlock: an account locked by five wrong passwords signs in again with the right one', async () => {
    const manager = pick(users, 'manager', (u) => u.municipality_id === municipalityA);
    for (let attempt = 0; attempt < 5; attempt++) await wrongSignIn(manager.email);
    expect((await security(manager.id)).locked_until).not.toBeNull();
    expect(((await asAdminA.agent.get(`/api/users/${manager.id}`).expect(200)).body as UserResponse).locked).toBe(true);
    await expect(signIn(server(), manager.email)).rejects.toThrow(/401/);

    const unlocked = (await post(`/api/users/${manager.id}/unlock`).expect(200)).body as UserResponse;
    expect(unlocked).toEqual(expect.objectContaining({ id: manager.id, locked: false, active: true }));
    expect(await security(manager.id)).toEqual(expect.objectContaining({ failed_attempts: 0, locked_until: null }));
    expect((await signIn(server(), manager.email)).session.me.stage).toBe('active');
    expect((await auditRows(manager.id)).filter((r) => r.entity_type === 'user_lock')).toEqual([
      { action: 'update', outcome: 'success', entity_type: 'user_lock', user_id: adminA.id },
    ]);
  });

  it('unlock also clears failed attempts below the threshold', async () => {
    const lead = pick(users, 'team_lead', (u) => u.municipality_id === municipalityA);
    for (let attempt = 0; attempt < 3; attempt++) await wrongSignIn(lead.email);
    expect((await security(lead.id)).failed_attempts).toBe(3);
    await post(`/api/users/${lead.id}/unlock`).expect(200);
    expect((await security(lead.id)).failed_attempts).toBe(0);
  });

  it('reset-second-factor: a DPO loses the factor, the sessions end, and sets it up again at the next sign-in', async () => {
    const dpo = pick(users, 'dpo', (u) => u.municipality_id === municipalityA);
    const asDpo = await completeTotpEnrolment(await signIn(server(), dpo.email));
    await asDpo.agent.get('/api/audit').expect(200);
    const before = await security(dpo.id);
    expect(before.totp_enabled).toBe(true);
    expect(before.recovery_code_hashes.length).toBeGreaterThan(0);

    const reset = (await post(`/api/users/${dpo.id}/reset-second-factor`).expect(200)).body as UserResponse;
    expect(reset).toEqual(expect.objectContaining({ id: dpo.id, totpEnabled: false, version: before.version + 1 }));
    expect(await security(dpo.id)).toEqual(expect.objectContaining({ totp_enabled: false, totp_secret: null, totp_last_step: null, recovery_code_hashes: [] }));
    expect(await sessionCount(dpo.id)).toBe(0);
    await asDpo.agent.get('/api/auth/me').expect(401);

    const again = await signIn(server(), dpo.email);
    expect(again.session.me.stage).toBe('totp_enrol');
    await again.agent.get('/api/audit').expect(403);
    const enrolled = await completeTotpEnrolment(again);
    expect(enrolled.secret).not.toBe(asDpo.secret);
    await enrolled.agent.get('/api/audit').expect(200);
    // Enrolment (by the DPO), the reset (by the administrator), enrolment again.
    expect((await auditRows(dpo.id)).filter((r) => r.entity_type === 'user_totp')).toEqual([
      { action: 'update', outcome: 'success', entity_type: 'user_totp', user_id: dpo.id },
      { action: 'update', outcome: 'success', entity_type: 'user_totp', user_id: adminA.id },
      { action: 'update', outcome: 'success', entity_type: 'user_totp', user_id: dpo.id },
    ]);
  });

  it('reset-second-factor: for a role without the requirement the factor is simply off', async () => {
    const evaluator = pick(users, 'evaluator', (u) => u.municipality_id === municipalityA);
    await adminQuery(`UPDATE app_user SET totp_enabled = true, totp_secret = $2 WHERE id = $1`, [evaluator.id, sealedTotpSecret(evaluator.id, 'JBSWY3DPEHPK3PXP')], db.ownerUrl);
    const withFactor = await signIn(server(), evaluator.email);
    expect(withFactor.session.me.stage).toBe('totp_verify');

    await post(`/api/users/${evaluator.id}/reset-second-factor`).expect(200);
    await withFactor.agent.get('/api/auth/me').expect(401);
    expect((await signIn(server(), evaluator.email)).session.me.stage).toBe('active');
  });

  it('refuses both on the own account with 409 cannotChangeOwnAccount, changing nothing', async () => {
    await adminQuery(`UPDATE app_user SET failed_attempts = 2 WHERE id = $1`, [adminA.id], db.ownerUrl);
    const before = await security(adminA.id);
    for (const action of ['unlock', 'reset-second-factor']) {
      expect((await post(`/api/users/${adminA.id}/${action}`).expect(409)).body.code).toBe('cannotChangeOwnAccount');
    }
    expect(await security(adminA.id)).toEqual(before);
    await asAdminA.agent.get('/api/users').expect(200);
  });

  it('answers 404 for an account of another municipality (audited as denied) and 400 for a malformed id', async () => {
    const foreign = pick(users, 'dpo', (u) => u.municipality_id === municipalityB);
    await adminQuery(`UPDATE app_user SET totp_enabled = true, totp_secret = $2, failed_attempts = 2 WHERE id = $1`, [foreign.id, sealedTotpSecret(foreign.id, 'JBSWY3DPEHPK3PXP')], db.ownerUrl);
    const before = await security(foreign.id);
    for (const action of ['unlock', 'reset-second-factor']) {
      const response = await post(`/api/users/${foreign.id}/${action}`).expect(404);
      expect(response.body.code).toBe('notFound');
      await post(`/api/users/kein-konto/${action}`).expect(400);
    }
    expect(await security(foreign.id)).toEqual(before);
    expect((await auditRows(foreign.id)).map((r) => [r.action, r.outcome, r.entity_type])).toEqual([
      ['denied', 'denied', 'user'],
      ['denied', 'denied', 'user'],
    ]);
  });

  it('refuses every other role (403) and anonymous callers (401)', async () => {
    const target = pick(users, 'manager', (u) => u.municipality_id === municipalityA);
    await adminQuery(`UPDATE app_user SET failed_attempts = 4 WHERE id = $1`, [target.id], db.ownerUrl);
    for (const role of ['manager', 'team_lead', 'evaluator'] as const) {
      const caller = await signIn(server(), pick(users, role, (u) => u.municipality_id === municipalityA && u.id !== target.id).email);
      for (const action of ['unlock', 'reset-second-factor']) {
        const response = await caller.agent.post(`/api/users/${target.id}/${action}`).set(CSRF_HEADER, caller.csrf).send({}).expect(403);
        expect(response.body.code).toBe('forbidden');
      }
    }
    const anonymous = request.agent(server());
    const csrf = await csrfToken(anonymous);
    await anonymous.post(`/api/users/${target.id}/unlock`).set(CSRF_HEADER, csrf).send({}).expect(401);
    await anonymous.post(`/api/users/${target.id}/reset-second-factor`).set(CSRF_HEADER, csrf).send({}).expect(401);
    expect((await security(target.id)).failed_attempts).toBe(4);
  });
});
