import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { verifyAuditChain } from '@wegweiser/api/audit';
import { JobRunner } from '@wegweiser/api/jobs';
import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { completeTotpEnrolment } from '../support/second-factor';
import {
  demoUsers,
  DemoUser,
  pick,
  signIn,
  SignedInAgent,
} from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import {
  adminQuery,
  createTestDatabase,
  TestDatabase,
} from '../support/test-database';

/** Within this long of the change committing, the other instance must refuse (issue 20, acceptance 3). */
const WITHIN_MS = 1_000;

/** Which instance worked each probe job (the same jest process holds both instances). */
const worked: { instance: string; n: number }[] = [];

/** A job kind defined on an instance named by `instance` (both define it, as every API process defines its jobs). */
function probeJobs(instance: string) {
  @Injectable()
  class ProbeJob implements OnModuleInit {
    constructor(private readonly jobs: JobRunner) {}
    onModuleInit(): void {
      this.jobs.define<{ n: number }>({
        name: 'two-instances-probe',
        pollingIntervalSeconds: 0.5,
        work: async ({ n }) => {
          worked.push({ instance, n });
        },
      });
    }
  }
  @Module({ providers: [ProbeJob] })
  class ProbeJobsModule {}
  return ProbeJobsModule;
}

/**
 * Issue 20, acceptance 3: two API instances on one database, each remembering sessions and accounts for
 * AUTH_CACHE_SECONDS (here 30 s, so that only the announcement can end them in time). A deactivated account's next
 * request on the other instance is refused within a second, and so is an ended session's.
 */
describe('two instances, one database: sessions and accounts remembered, changes heard at once', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let users: DemoUser[];
  let asAdmin: SignedInAgent;

  /** The session cookie of an agent signed in on instance A, sent as is to instance B. */
  const cookieOf = async (signed: SignedInAgent) => {
    const jar = (
      signed.agent as unknown as {
        jar: { getCookies(access: unknown): { toValueString(): string }[] };
      }
    ).jar;
    return jar
      .getCookies({
        domain: '127.0.0.1',
        path: '/',
        secure: false,
        script: false,
      })
      .map((c) => c.toValueString())
      .join('; ');
  };
  const onB = (cookie: string) =>
    request(b.app.getHttpServer()).get('/api/auth/me').set('Cookie', cookie);
  /** Asks B until it answers 401; the time from `since` until then. */
  const refusedAfter = async (cookie: string, since: number) => {
    for (;;) {
      const response = await onB(cookie);
      if (response.status === 401) return Date.now() - since;
      expect(response.status).toBe(200);
      if (Date.now() - since > 10_000) return Infinity;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { AUTH_CACHE_SECONDS: '30', LOGIN_RATE_LIMIT_PER_IP: '1000' };
    a = await createTestApp(db, [probeJobs('A')], {
      ...env,
      DEMO_DATA: 'true',
      DEMO_CLIENTS: '20',
    });
    b = await createTestApp(db, [probeJobs('B')], env);
    users = await demoUsers(db.ownerUrl);
    asAdmin = await completeTotpEnrolment(
      await signIn(a.app.getHttpServer(), pick(users, 'admin').email),
    );
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('B answers from memory: a change made behind its back (no announcement) is not seen; an announced one at once', async () => {
    const manager = pick(users, 'manager', (u) => u.team_id !== null);
    const cookie = await cookieOf(
      await signIn(a.app.getHttpServer(), manager.email),
    );
    expect((await onB(cookie)).status).toBe(200);
    // Without the trigger (disabled for this one statement), B keeps the account it remembers: the cache is real.
    await adminQuery(
      `BEGIN; ALTER TABLE app_user DISABLE TRIGGER app_user_notify_change; UPDATE app_user SET role = 'team_lead' WHERE id = '${manager.id}';
       ALTER TABLE app_user ENABLE TRIGGER app_user_notify_change; COMMIT`,
      [],
      db.ownerUrl,
    );
    // The database says team lead now; B still decides by the remembered role (a manager has no team dashboard).
    expect(
      (
        await request(b.app.getHttpServer())
          .get('/api/team/dashboard')
          .set('Cookie', cookie)
      ).status,
    ).toBe(403);
    // Announced (the trigger is back): B reads the account again at once.
    await adminQuery(
      `UPDATE app_user SET first_name = first_name WHERE id = $1`,
      [manager.id],
      db.ownerUrl,
    );
    const since = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - since < 10_000) {
      status = (
        await request(b.app.getHttpServer())
          .get('/api/team/dashboard')
          .set('Cookie', cookie)
      ).status;
      if (status !== 200)
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(200);
    expect(Date.now() - since).toBeLessThanOrEqual(WITHIN_MS);
    await adminQuery(
      `UPDATE app_user SET role = 'manager' WHERE id = $1`,
      [manager.id],
      db.ownerUrl,
    );
  });

  it('a deactivated account (by the admin on A) is refused on B within a second', async () => {
    const manager = pick(
      users,
      'manager',
      (u) =>
        u.team_id !== null &&
        u.email !== users.find((x) => x.role === 'manager')?.email,
    );
    const cookie = await cookieOf(
      await signIn(a.app.getHttpServer(), manager.email),
    );
    expect((await onB(cookie)).status).toBe(200);
    expect((await onB(cookie)).status).toBe(200);
    const deactivate = await asAdmin.agent
      .patch(`/api/users/${manager.id}`)
      .set(CSRF_HEADER, asAdmin.csrf)
      .send({ active: false });
    expect(deactivate.status).toBe(200);
    const committed = Date.now();
    expect(await refusedAfter(cookie, committed)).toBeLessThanOrEqual(
      WITHIN_MS,
    );
  });

  it('a session ended on A (sign-out) is refused on B within a second', async () => {
    const lead = pick(users, 'team_lead');
    const signed = await signIn(a.app.getHttpServer(), lead.email);
    const cookie = await cookieOf(signed);
    expect((await onB(cookie)).status).toBe(200);
    expect(
      (
        await signed.agent
          .post('/api/auth/logout')
          .set(CSRF_HEADER, signed.csrf)
      ).status,
    ).toBeLessThan(300);
    const ended = Date.now();
    expect(await refusedAfter(cookie, ended)).toBeLessThanOrEqual(WITHIN_MS);
  });

  it('a session begun on A works on B, writes included (its CSRF token too); a forged token is refused there', async () => {
    const manager = pick(users, 'manager', (u) => u.team_id !== null);
    const signed = await signIn(a.app.getHttpServer(), manager.email);
    const cookie = await cookieOf(signed);
    const write = (token: string) =>
      request(b.app.getHttpServer())
        .patch('/api/auth/preferences')
        .set('Cookie', cookie)
        .set(CSRF_HEADER, token)
        .send({ locale: 'en' });
    expect((await write(signed.csrf)).status).toBe(200);
    const forged = await write(`${signed.csrf.slice(0, -2)}xx`);
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrfTokenInvalid');
    // And the write made through B is what A reads.
    expect((await signed.agent.get('/api/auth/me')).body.me.locale).toBe('en');
  });

  it('failed sign-ins are counted across instances: the account limit (10) holds whichever instance is asked', async () => {
    const target =
      [...users].reverse().find((u) => u.role === 'manager') ??
      pick(users, 'manager');
    const attempt = async (server: 'A' | 'B', i: number) => {
      const agent = request.agent((server === 'A' ? a : b).app.getHttpServer());
      const csrf = (await agent.get('/api/auth/csrf')).body.csrfToken as string;
      return (
        await agent
          .post('/api/auth/login')
          .set(CSRF_HEADER, csrf)
          .send({ email: target.email, password: `Falsch-${i}` })
      ).status;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(await attempt(i % 2 === 0 ? 'A' : 'B', i));
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('reads audited through both instances at once go into one unbroken hash chain', async () => {
    const lead = pick(users, 'team_lead');
    const onA = await signIn(a.app.getHttpServer(), lead.email);
    const cookie = await cookieOf(onA);
    const [{ count: before }] = await adminQuery<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_event`,
      [],
      db.ownerUrl,
    );
    const reads = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? onA.agent.get('/api/team/dashboard')
        : request(b.app.getHttpServer())
            .get('/api/team/dashboard')
            .set('Cookie', cookie),
    );
    expect((await Promise.all(reads)).map((r) => r.status)).toEqual(
      Array(20).fill(200),
    );
    const [{ count: after }] = await adminQuery<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_event`,
      [],
      db.ownerUrl,
    );
    expect(after - before).toBeGreaterThanOrEqual(20);
    const verification = await verifyAuditChain(db.ownerUrl);
    expect(verification.brokenAt).toBeUndefined();
    expect(verification.checked).toBe(after);
  });

  it('jobs queued on either instance are worked once each, by whichever instance is free', async () => {
    worked.length = 0;
    for (let n = 0; n < 12; n++)
      await (n % 2 === 0 ? a : b).app
        .get(JobRunner)
        .send('two-instances-probe', { n });
    const since = Date.now();
    while (worked.length < 12 && Date.now() - since < 20_000)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(worked.map((w) => w.n).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 12 }, (_, n) => n),
    );
  });
});
