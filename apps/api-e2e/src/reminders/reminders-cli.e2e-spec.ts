import { join } from 'node:path';
import { freePort, startProcess, workspaceRoot } from '../support/api-process';
import { E2E_FIELD_KEYS } from '../support/field-keys';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const cli = join(workspaceRoot, 'dist/apps/api/cli.js');

/** `npm run reminders:run` (the built CLI): the daily job's work by hand, for a given day; idempotent. */
describe('reminders CLI', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function run(args: string[]) {
    const env = { DATABASE_URL: db.ownerUrl, DATABASE_APP_ROLE: db.appRole, DATABASE_APP_PASSWORD: db.appPassword, SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters', ...E2E_FIELD_KEYS };
    const child = startProcess([cli, ...args], env, await freePort());
    const result = await child.exited;
    return { code: result.code, output: child.output() };
  }
  const total = async () => (await adminQuery<{ n: number }>('SELECT count(*)::int AS n FROM reminder', [], db.ownerUrl))[0]?.n ?? 0;

  it('creates the reminders due on --as-of once, prints counts per kind, and refuses a malformed day', async () => {
    expect((await run(['seed', '--clients', '60'])).code).toBe(0);
    const first = await run(['reminders:run', '--as-of', '2026-11-10']);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/Reminders for 2026-11-10 in \d+ municipalities, created: window_6m \d+, window_3m \d+, window_1m \d+, goal_overdue \d+/);
    const created = [...first.output.matchAll(/ (\d+)(,|\n)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(created).toBeGreaterThan(0);
    expect(await total()).toBe(created);

    const again = await run(['reminders:run', '--as-of', '2026-11-10']);
    expect(again.code).toBe(0);
    expect(again.output).toContain('created: window_6m 0, window_3m 0, window_1m 0, goal_overdue 0, step_overdue 0, appointment_tomorrow 0, no_contact 0');
    expect(await total()).toBe(created);

    const malformed = await run(['reminders:run', '--as-of', '2026-02-30']);
    expect(malformed.code).toBe(64);
    expect(malformed.output).toContain('--as-of: must be a date YYYY-MM-DD');
  });
});
