import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { apiMain, ApiProcess, freePort, startProcess, stopProcess, waitForReady } from '../support/api-process';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { E2E_FIELD_KEYS } from '../support/field-keys';

/** A minimal browser: cookies and the CSRF token, over real HTTP against the real bundle. */
class Browser {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: object): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(method === 'GET' ? {} : { [CSRF_HEADER]: this.csrf }),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name, value.join('='));
    }
    if (response.headers.get('content-type')?.includes('json') && response.status < 300) {
      const json = (await response.clone().json()) as { csrfToken?: string };
      if (json.csrfToken) this.csrf = json.csrfToken;
    }
    return response;
  }

  async signIn(email: string, password: string): Promise<number> {
    await this.request('GET', '/api/auth/csrf');
    return (await this.request('POST', '/api/auth/login', { email, password })).status;
  }
}

/** Acceptance 6: argon2id with m ≥ 19456, t ≥ 2; a canary password appears in no table and no log line. */
describe('password secrecy', () => {
  const canary = 'Kanarienvogel-zwitschert-7319';
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    api = startProcess(
      [apiMain],
      {
        PORT: String(port),
        LOG_LEVEL: 'trace',
        DATABASE_URL: db.ownerUrl,
        DATABASE_APP_ROLE: db.appRole,
        DATABASE_APP_PASSWORD: db.appPassword,
        SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
        ...E2E_FIELD_KEYS,
        DEMO_DATA: 'true',
        DEMO_CLIENTS: '20',
      },
      port,
    );
    await waitForReady(api);
  });

  afterAll(async () => {
    if (api) await stopProcess(api);
    await db?.drop();
  });

  it('stores argon2id hashes with memory >= 19 MiB and >= 2 iterations', async () => {
    const hashes = await adminQuery<{ password_hash: string }>('SELECT password_hash FROM app_user', [], db.ownerUrl);
    expect(hashes.length).toBeGreaterThan(0);
    for (const { password_hash } of hashes) {
      expect(password_hash.startsWith('$argon2id$')).toBe(true);
      const params = Object.fromEntries((password_hash.split('$')[3] ?? '').split(',').map((kv) => kv.split('=')));
      expect(Number(params['m'])).toBeGreaterThanOrEqual(19456);
      expect(Number(params['t'])).toBeGreaterThanOrEqual(2);
    }
  });

  it('never writes a password to any table or log line', async () => {
    const [manager] = await adminQuery<{ email: string }>(`SELECT email FROM app_user WHERE role = 'manager' ORDER BY email LIMIT 1`, [], db.ownerUrl);
    const email = manager?.email ?? '';
    const browser = new Browser(api.baseUrl);
    expect(await browser.signIn(email, canary)).toBe(401);
    expect(await browser.signIn('unbekannt@ms.wegweiser.example', canary)).toBe(401);
    expect(await browser.signIn(email, 'Wegweiser-Demo-2026')).toBe(200);
    expect((await browser.request('POST', '/api/auth/password', { currentPassword: 'Wegweiser-Demo-2026', newPassword: canary })).status).toBe(200);
    expect((await browser.request('POST', '/api/auth/logout')).status).toBe(204);
    expect(await new Browser(api.baseUrl).signIn(email, canary)).toBe(200);

    const tables = await adminQuery<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`, [], db.ownerUrl);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['app_user', 'audit_event', 'user_session', 'client']));
    for (const { table_name } of tables) {
      const [hit] = await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}" t WHERE t::text ILIKE $1`, [`%${canary}%`], db.ownerUrl);
      expect({ table: table_name, rows: Number(hit?.n) }).toEqual({ table: table_name, rows: 0 });
    }
    expect(api.output()).toContain('request completed');
    expect(api.output()).not.toContain(canary);
    expect(api.output()).not.toContain('Wegweiser-Demo-2026');
  });
});
