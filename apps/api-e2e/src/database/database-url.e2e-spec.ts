import { apiMain, freePort, startProcess, stopProcess, waitForReady } from '../support/api-process';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { E2E_FIELD_KEYS } from '../support/field-keys';

/** DATABASE_URL switches the real bundle to an external PostgreSQL server. */
describe('DATABASE_URL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('migrates, creates the application role and serves from that server; no embedded cluster', async () => {
    const port = await freePort();
    const api = startProcess(
      [apiMain],
      {
        PORT: String(port),
        DATABASE_URL: db.ownerUrl,
        DATABASE_APP_ROLE: db.appRole,
        DATABASE_APP_PASSWORD: db.appPassword,
        SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
        ...E2E_FIELD_KEYS,
        DEMO_DATA: 'true',
        DEMO_CLIENTS: '30',
        EMBEDDED_PG_DATA_DIR: '/nonexistent/must-not-be-used',
      },
      port,
    );
    try {
      await waitForReady(api);
      const sessions = await adminQuery<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = $1 AND application_name = 'wegweiser-api'`,
        [db.name],
      );
      expect(sessions.map((s) => s.usename)).toEqual([db.appRole]);
      const [clients] = await adminQuery<{ n: string }>('SELECT count(*) AS n FROM client', [], db.ownerUrl);
      expect(clients?.n).toBe('30');
    } finally {
      expect(await stopProcess(api)).toEqual({ code: 0, signal: null });
    }
  });
});
