import { Client } from 'pg';
import { migrate } from '../support/migrations';
import { adminQuery, ownerSeparatedDatabase } from '../support/test-database';

const MUNICIPALITY = '11111111-1111-4111-8111-111111111111';
const TEAM = '22222222-2222-4222-8222-222222222222';
const STAFF = '33333333-3333-4333-8333-333333333333';
const CONTACTED = '44444444-4444-4444-8444-444444444444';
const NEVER = '55555555-5555-4555-8555-555555555555';
const CIPHERTEXT = 'v1:k1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA';

/**
 * Migration AddClientLastContact on a database that already holds clients
 * and conversations, run by an owner that is not a superuser (as in
 * production): the last-contact day is backfilled past FORCE ROW LEVEL
 * SECURITY (German calendar day of the latest conversation), which stays
 * forced, and the keyset indexes exist.
 */
describe('migration AddClientLastContact on existing data', () => {
  const db = ownerSeparatedDatabase();
  const ownerUrl = db.ownerUrl;
  const MIGRATION = 'AddClientLastContact1764900000000';

  beforeAll(async () => {
    await db.create();
    await migrate(ownerUrl, MIGRATION, 'before');
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.municipality_id', $1, true)`, [MUNICIPALITY]);
      await client.query(`INSERT INTO municipality (id, code, name) VALUES ($1, 'ES', 'Eschenstadt')`, [MUNICIPALITY]);
      await client.query(`INSERT INTO team (id, municipality_id, name) VALUES ($1, $2, 'Team 1')`, [TEAM, MUNICIPALITY]);
      await client.query(
        `INSERT INTO app_user (id, municipality_id, team_id, email, first_name, last_name, role, password_hash) VALUES ($1, $2, $3, 'im@es.example', 'Ina', 'Meyer', 'manager', 'x')`,
        [STAFF, MUNICIPALITY, TEAM],
      );
      await client.query(
        `INSERT INTO client (id, municipality_id, team_id, case_number, first_name, last_name, date_of_birth, gender, country_of_origin, support_start, support_window_end)
         VALUES ($1, $3, $4, 'ES-2025-00001', 'Jörg', 'Müller', '1980-01-01', 'male', 'DE', '2025-02-01', '2028-02-01'),
                ($2, $3, $4, 'ES-2025-00002', 'Yusuf', 'Ahmad', '1995-01-01', 'male', 'SY', '2025-03-01', '2028-03-01')`,
        [CONTACTED, NEVER, MUNICIPALITY, TEAM],
      );
      // The latest conversation: 22:30 UTC on 30 April is 1 May in Germany.
      for (const heldAt of ['2026-03-02T09:30:00+01:00', '2026-04-30T22:30:00Z', '2026-01-15T10:00:00+01:00']) {
        await client.query(
          `INSERT INTO conversation (municipality_id, client_id, staff_id, held_at, duration_minutes, form, language, note_ciphertext) VALUES ($1, $2, $3, $4, 30, 'office', 'de', $5)`,
          [MUNICIPALITY, CONTACTED, STAFF, heldAt, CIPHERTEXT],
        );
      }
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    await migrate(ownerUrl, MIGRATION, 'through');
  });

  afterAll(async () => {
    await db.drop();
  });

  const query = <T extends object>(sql: string) => adminQuery<T>(sql, [], db.superuserUrl);

  it('fills the day of the latest conversation (German calendar), null for clients never contacted', async () => {
    expect(await query(`SELECT id, last_contact_on::text AS last_contact_on FROM client ORDER BY case_number`)).toEqual([
      { id: CONTACTED, last_contact_on: '2026-05-01' },
      { id: NEVER, last_contact_on: null },
    ]);
  });

  it('keeps client and conversation under forced row-level security and adds the keyset indexes', async () => {
    expect(await query(`SELECT relname, relforcerowsecurity AS forced FROM pg_class WHERE relname IN ('client', 'conversation') ORDER BY relname`)).toEqual([
      { relname: 'client', forced: true },
      { relname: 'conversation', forced: true },
    ]);
    expect(
      await query(`SELECT indexname FROM pg_indexes WHERE indexname IN ('client_team_window_sort_idx', 'client_team_last_contact_sort_idx') ORDER BY indexname`),
    ).toEqual([{ indexname: 'client_team_last_contact_sort_idx' }, { indexname: 'client_team_window_sort_idx' }]);
  });
});
