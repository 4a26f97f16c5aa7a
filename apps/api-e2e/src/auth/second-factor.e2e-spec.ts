import { TotpService } from '@wegweiser/api/auth';
import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { completeTotpEnrolment } from '../support/second-factor';
import { csrfToken, demoUsers, DemoUser, pick, signIn } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** TOTP: mandatory for admin and dpo, optional for others; recovery codes (acceptance 9). */
describe('second factor', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  const totp = new TotpService();
  const server = () => api.app.getHttpServer();

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it.each(['admin', 'dpo'] as const)('%s without completed TOTP reaches nothing but the enrolment', async (role) => {
    const signed = await signIn(server(), pick(users, role).email);
    expect(signed.session.me.stage).toBe('totp_enrol');
    const target = role === 'admin' ? '/api/users' : '/api/audit';
    const refused = await signed.agent.get(target).expect(403);
    expect(refused.body.code).toBe('secondFactorRequired');
    await signed.agent.get('/api/auth/me').expect(200);
  });

  it('enrols with a QR code, refuses a wrong code, then requires the code at every sign-in', async () => {
    const admin = pick(users, 'admin');
    const signed = await signIn(server(), admin.email);
    const enrolment = await signed.agent.post('/api/auth/totp/enrol').set(CSRF_HEADER, signed.csrf).expect(200);
    expect(enrolment.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Wegweiser/);
    const wrong = await signed.agent.post('/api/auth/totp/confirm').set(CSRF_HEADER, signed.csrf).send({ code: '000000' }).expect(401);
    expect(wrong.body.code).toBe('invalidTotpCode');
    await signed.agent.get('/api/users').expect(403);
    // The replay below must send the very code used here, even if a 30-second step has begun since.
    const confirmationCode = await totp.generate(enrolment.body.secret);
    const confirmed = await signed.agent
      .post('/api/auth/totp/confirm')
      .set(CSRF_HEADER, signed.csrf)
      .send({ code: confirmationCode })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    await signed.agent.get('/api/users').expect(200);

    const next = await signIn(server(), admin.email);
    expect(next.session.me.stage).toBe('totp_verify');
    await next.agent.get('/api/users').expect(403);
    await next.agent.post('/api/auth/totp/verify').set(CSRF_HEADER, next.csrf).send({ code: '123456' }).expect(401);
    const replay = await next.agent.post('/api/auth/totp/verify').set(CSRF_HEADER, next.csrf).send({ code: confirmationCode }).expect(401);
    expect(replay.body.code).toBe('invalidTotpCode');
    const verified = await next.agent
      .post('/api/auth/totp/verify')
      .set(CSRF_HEADER, next.csrf)
      .send({ code: await totp.generate(enrolment.body.secret, new Date(Date.now() + 30_000)) })
      .expect(200);
    expect(verified.body.me.stage).toBe('active');
    await next.agent.get('/api/users').expect(200);

    const [recoveryCode] = confirmed.body.recoveryCodes as string[];
    const withCode = await signIn(server(), admin.email);
    await withCode.agent.post('/api/auth/totp/recover').set(CSRF_HEADER, withCode.csrf).send({ recoveryCode }).expect(200);
    await withCode.agent.get('/api/users').expect(200);
    const again = await signIn(server(), admin.email);
    await again.agent.post('/api/auth/totp/recover').set(CSRF_HEADER, again.csrf).send({ recoveryCode }).expect(401);
  });

  it('is optional for managers: without it they work; once enrolled it is asked for', async () => {
    const manager = pick(users, 'manager');
    const signed = await signIn(server(), manager.email);
    expect(signed.session.me.stage).toBe('active');
    await signed.agent.get('/api/clients').expect(200);
    const enrolled = await completeTotpEnrolment(signed);
    await enrolled.agent.get('/api/clients').expect(200);
    const next = await signIn(server(), manager.email);
    expect(next.session.me.stage).toBe('totp_verify');
    await next.agent.get('/api/clients').expect(403);
  });

  it('rate-limits sign-in per IP address (429 with Retry-After), across accounts', async () => {
    // The counters live in the database, shared with the app above: 127.0.0.1 already holds this suite's sign-ins.
    // The attempts come from an address of their own (through the proxy this app trusts).
    const limited = await createTestApp(db, [], { DEMO_DATA: 'false', LOGIN_RATE_LIMIT_PER_IP: '5', TRUST_PROXY: 'true' });
    try {
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 6; i++) {
        const agent = request.agent(limited.app.getHttpServer());
        const token = await csrfToken(agent);
        const response = await agent
          .post('/api/auth/login')
          .set('X-Forwarded-For', '203.0.113.25')
          .set(CSRF_HEADER, token)
          .send({ email: `person${i}@ms.wegweiser.example`, password: 'Nicht-bekannt-123' });
        statuses.push(response.status);
        retryAfter = response.headers['retry-after'];
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
