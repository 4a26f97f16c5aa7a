import { join } from 'node:path';
import { freePort, startProcess, workspaceRoot } from '../support/api-process';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { E2E_FIELD_KEYS } from '../support/field-keys';

const cli = join(workspaceRoot, 'dist/apps/api/cli.js');

/** `npm run seed` (the built CLI): deterministic synthetic data through COPY. */
describe('seed CLI', () => {
  const databases: TestDatabase[] = [];

  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  async function seed(db: TestDatabase, args: string[]) {
    const run = startProcess(
      [cli, 'seed', ...args],
      { DATABASE_URL: db.ownerUrl, DATABASE_APP_ROLE: db.appRole, DATABASE_APP_PASSWORD: db.appPassword, SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters', ...E2E_FIELD_KEYS },
      await freePort(),
    );
    const result = await run.exited;
    return { code: result.code, output: run.output() };
  }

  const fingerprint = async (db: TestDatabase) =>
    (
      await adminQuery<{ digest: string; n: string }>(
        `SELECT md5(string_agg(concat_ws('|', c.id, m.code, t.name, case_number, first_name, last_name, first_name_original,
                last_name_original, date_of_birth, gender, country_of_origin, arrival_date, support_start), ',' ORDER BY case_number)) AS digest,
                count(*) AS n
           FROM client c JOIN team t ON t.id = c.team_id JOIN municipality m ON m.id = c.municipality_id`,
        [],
        db.ownerUrl,
      )
    )[0];

  it('loads N clients, the same data for the same seed, other data for another seed', async () => {
    const [a, b, c] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    databases.push(a, b, c);
    expect((await seed(a, ['--clients', '250', '--seed', '7'])).code).toBe(0);
    expect((await seed(b, ['--clients', '250', '--seed', '7'])).code).toBe(0);
    expect((await seed(c, ['--clients', '250', '--seed', '8'])).code).toBe(0);
    const [fa, fb, fc] = [await fingerprint(a), await fingerprint(b), await fingerprint(c)];
    expect(fa?.n).toBe('250');
    expect(fa?.digest).toBe(fb?.digest);
    expect(fc?.digest).not.toBe(fa?.digest);
    const scripts = await adminQuery<{ arabic: string; cyrillic: string }>(
      `SELECT count(*) FILTER (WHERE last_name_original ~ '[\\u0600-\\u06FF]') AS arabic,
              count(*) FILTER (WHERE last_name_original ~ '[\\u0400-\\u04FF]') AS cyrillic FROM client`,
      [],
      a.ownerUrl,
    );
    expect(Number(scripts[0]?.arabic)).toBeGreaterThan(0);
    expect(Number(scripts[0]?.cyrillic)).toBeGreaterThan(0);
  });

  it('refuses to seed over existing data unless --reset', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    expect((await seed(db, ['--clients', '20'])).code).toBe(0);
    const refused = await seed(db, ['--clients', '30']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--reset');
    expect((await fingerprint(db))?.n).toBe('20');
    expect((await seed(db, ['--clients', '30', '--reset'])).code).toBe(0);
    expect((await fingerprint(db))?.n).toBe('30');
  });

  it('rejects a malformed --clients value', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const result = await seed(db, ['--clients', 'viele']);
    expect(result.code).toBe(1);
    expect(result.output).toContain('--clients');
  });
});
