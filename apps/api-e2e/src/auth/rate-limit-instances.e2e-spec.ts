import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { Client } from 'pg';
import { apiMain, ApiProcess, freePort, startProcess, stopProcess, waitForReady } from '../support/api-process';
import { E2E_FIELD_KEYS } from '../support/field-keys';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const LIMIT = 6;

/** One sign-in attempt against one instance, as a browser would make it (CSRF cookie and header), from `ip` (through the proxy). */
async function attempt(api: ApiProcess, ip: string, email: string): Promise<{ status: number; retryAfter: string | null }> {
  const csrf = await fetch(`${api.baseUrl}/api/auth/csrf`, { headers: { 'x-forwarded-for': ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, cookie, [CSRF_HEADER]: csrfToken },
    body: JSON.stringify({ email, password: 'Nicht-das-Passwort-123' }),
  });
  await response.arrayBuffer();
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

/** Issue 18, point 8: the sign-in limits hold in total across instances (counters in PostgreSQL), not per instance. */
describe('rate limits across API instances', () => {
  let db: TestDatabase;
  const instances: ApiProcess[] = [];
  let serial = 0;
  const nextEmail = () => `niemand.${++serial}@ms.wegweiser.example`;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.ownerUrl,
      DATABASE_APP_ROLE: db.appRole,
      DATABASE_APP_PASSWORD: db.appPassword,
      SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
      ...E2E_FIELD_KEYS,
      DEMO_DATA: 'false',
      JOBS_ENABLED: 'false',
      REMINDERS_SCHEDULE: 'false',
      REMINDERS_RUN_ON_START: 'false',
      TRUST_PROXY: 'true',
      LOGIN_RATE_LIMIT_PER_IP: String(LIMIT),
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      instances.push(startProcess([apiMain], { ...env, PORT: String(port) }, port));
    }
    await Promise.all(instances.map((api) => waitForReady(api)));
  });

  afterAll(async () => {
    for (const api of instances) await stopProcess(api);
    await db?.drop();
  });

  it('alternating between two instances, an IP address gets 429 after exactly the limit in total', async () => {
    const answers = [];
    for (let i = 0; i < LIMIT + 2; i++) answers.push(await attempt(instances[i % 2] as ApiProcess, '198.51.100.7', nextEmail()));
    expect(answers.map((a) => a.status)).toEqual([...Array.from({ length: LIMIT }, () => 401), 429, 429]);
    expect(Number(answers[LIMIT]?.retryAfter)).toBeGreaterThan(0);
    // Another address is counted on its own.
    expect((await attempt(instances[1] as ApiProcess, '198.51.100.8', nextEmail())).status).toBe(401);
  });

  it('counts concurrent attempts on both instances exactly (one atomic statement per hit)', async () => {
    const answers = await Promise.all(Array.from({ length: 2 * LIMIT }, (_, i) => attempt(instances[i % 2] as ApiProcess, '198.51.100.9', nextEmail())));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array.from({ length: LIMIT }, () => 401), ...Array.from({ length: LIMIT }, () => 429)]);
  });

  it('stores HMAC keys only, and the application role may count but delete nothing live', async () => {
    const rows = await adminQuery<{ bytes: number; text: string }>(`SELECT octet_length(key) AS bytes, t::text AS text FROM rate_limit_counter t`, [], db.ownerUrl);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.bytes).toBe(32);
      expect(row.text).not.toMatch(/198\.51\.100|niemand|wegweiser\.example|127\.0\.0\.1/);
    }
    const privileges = await adminQuery<Record<string, boolean>>(
      `SELECT has_table_privilege($1, 'rate_limit_counter', 'SELECT') AS select,
              has_table_privilege($1, 'rate_limit_counter', 'DELETE') AS delete,
              has_table_privilege($1, 'rate_limit_counter', 'TRUNCATE') AS truncate,
              has_column_privilege($1, 'rate_limit_counter', 'hits', 'UPDATE') AS update_hits,
              has_column_privilege($1, 'rate_limit_counter', 'key', 'UPDATE') AS update_key`,
      [db.appRole],
      db.ownerUrl,
    );
    expect(privileges[0]).toEqual({ select: true, delete: true, truncate: false, update_hits: true, update_key: false });

    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      expect((await app.query(`DELETE FROM rate_limit_counter`)).rowCount).toBe(0);
      await adminQuery(`UPDATE rate_limit_counter SET window_ends_at = now() - interval '1 second', blocked_until = NULL`, [], db.ownerUrl);
      expect((await app.query(`DELETE FROM rate_limit_counter`)).rowCount).toBe(rows.length);
    } finally {
      await app.end();
    }
  });
});
