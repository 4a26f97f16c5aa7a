import { clientSearchText, clientSortKey } from '@wegweiser/api/database';
import { Client } from 'pg';
import { migrate } from '../support/migrations';
import { adminQuery, ownerSeparatedDatabase } from '../support/test-database';

const MUNICIPALITY = '11111111-1111-4111-8111-111111111111';
const TEAM = '22222222-2222-4222-8222-222222222222';
const NEW_TABLES = ['case_number_counter', 'support_event', 'support_extension'];

/**
 * Migration AddSupportHistoryAndExtensions on a database that already holds
 * clients, run by an owner that is not a superuser (as in production): it
 * creates pg_trgm (a trusted extension), backfills the search columns past
 * FORCE ROW LEVEL SECURITY, and starts the case-number counters after the
 * existing numbers.
 */
describe('migration AddSupportHistoryAndExtensions on existing data', () => {
  const db = ownerSeparatedDatabase();
  const ownerUrl = db.ownerUrl;
  const MIGRATION = 'AddSupportHistoryAndExtensions1764500000000';

  beforeAll(async () => {
    await db.create();
    await migrate(ownerUrl, MIGRATION, 'before');
    // Data as the application would have written it: under row-level security, with the municipality set.
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.municipality_id', $1, true)`, [MUNICIPALITY]);
      await client.query(`INSERT INTO municipality (id, code, name) VALUES ($1, 'ES', 'Eschenstadt')`, [MUNICIPALITY]);
      await client.query(`INSERT INTO team (id, municipality_id, name) VALUES ($1, $2, 'Team 1')`, [TEAM, MUNICIPALITY]);
      await client.query(
        `INSERT INTO client (municipality_id, team_id, case_number, first_name, last_name, first_name_original, last_name_original, date_of_birth, gender, country_of_origin, support_start, support_window_end)
         VALUES ($1, $2, 'ES-2025-00007', 'Jörg', 'Müller', NULL, NULL, '1980-01-01', 'male', 'DE', '2025-02-01', '2028-02-01'),
                ($1, $2, 'ES-2025-00012', 'Achmed', 'Achmedow', 'Ахмед', 'Ахмедов', '1990-01-01', 'male', 'RU', '2025-03-01', '2028-03-01'),
                ($1, $2, 'ES-2026-00003', 'Yusuf', 'Ahmad', 'يوسف', 'أحمد', '1995-01-01', 'male', 'SY', '2026-01-05', '2029-01-05')`,
        [MUNICIPALITY, TEAM],
      );
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

  it('fills search text and sort key of the existing clients as the application computes them', async () => {
    const rows = await query<{ case_number: string; first_name: string; last_name: string; first_name_original: string | null; last_name_original: string | null; search_text: string; sort_key: string }>(
      'SELECT case_number, first_name, last_name, first_name_original, last_name_original, search_text, sort_key FROM client ORDER BY case_number',
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const names = { caseNumber: row.case_number, firstName: row.first_name, lastName: row.last_name, firstNameOriginal: row.first_name_original, lastNameOriginal: row.last_name_original };
      expect(row.search_text).toBe(clientSearchText(names));
      expect(row.sort_key).toBe(clientSortKey(names));
    }
    expect(rows[0]?.search_text).toContain('mueller');
  });

  it('starts the case-number counters after the highest existing number per municipality and year', async () => {
    expect(await query('SELECT year, last_value FROM case_number_counter ORDER BY year')).toEqual([
      { year: 2025, last_value: 12 },
      { year: 2026, last_value: 3 },
    ]);
  });

  it('puts the new tables under forced row-level security and keeps the client table forced', async () => {
    const tables = await query<{ relname: string; enabled: boolean; forced: boolean }>(
      `SELECT relname, relrowsecurity AS enabled, relforcerowsecurity AS forced FROM pg_class WHERE relname IN ('client', ${NEW_TABLES.map((t) => `'${t}'`).join(', ')}) ORDER BY relname`,
    );
    expect(tables).toEqual(['case_number_counter', 'client', 'support_event', 'support_extension'].map((relname) => ({ relname, enabled: true, forced: true })));
    const policies = await query<{ tablename: string }>(`SELECT tablename FROM pg_policies WHERE policyname = tablename || '_tenant' AND tablename IN (${NEW_TABLES.map((t) => `'${t}'`).join(', ')}) ORDER BY tablename`);
    expect(policies.map((p) => p.tablename)).toEqual(NEW_TABLES);
    expect(await query(`SELECT indexname FROM pg_indexes WHERE indexname = 'client_search_text_trgm_idx'`)).toEqual([{ indexname: 'client_search_text_trgm_idx' }]);
  });
});
