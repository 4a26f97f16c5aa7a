import { MigrationInterface, QueryRunner } from 'typeorm';
import { clientSearchText, clientSortKey } from '../search/client-search';

// Kept literal (not imported from the contracts): a migration is a snapshot of the schema at its time.
const STATES = `'active', 'paused', 'closed'`;
const CLOSURE_REASONS = `'goals_reached', 'moved_away', 'window_ended', 'no_contact', 'declined', 'other'`;
const EXTENSION_STATES = `'pending', 'approved', 'rejected'`;
const NEW_TENANT_TABLES = ['case_number_counter', 'support_event', 'support_extension'];
const BACKFILL_BATCH = 5_000;

interface ClientNamesRow {
  id: string;
  case_number: string;
  first_name: string;
  last_name: string;
  first_name_original: string | null;
  last_name_original: string | null;
}

/**
 * The support period's history and extensions, case numbers allocated per
 * municipality and year, and the normalised columns behind client search
 * and keyset pagination.
 *
 * - `case_number_counter`: one row per municipality and year, advanced with
 *   `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` (the row lock serialises
 *   concurrent allocations); initialised from the existing case numbers.
 * - `support_event`: append-only history of state changes (the application
 *   role may only read and insert, see RESTRICTED_TABLE_GRANTS).
 * - `support_extension`: requests to extend the window beyond 36 months (at
 *   most 48, checked by the service against the client's start and by the
 *   client table's own constraint), at most one pending per client.
 * - `client.search_text` / `client.sort_key`: maintained by the application
 *   (see search/client-search.ts: PostgreSQL's lower() in a C-locale cluster
 *   does not fold non-ASCII letters). Trigram index if pg_trgm is available.
 */
export class AddSupportHistoryAndExtensions1764500000000 implements MigrationInterface {
  name = 'AddSupportHistoryAndExtensions1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_number_counter (
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        last_value integer NOT NULL CHECK (last_value > 0),
        PRIMARY KEY (municipality_id, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE support_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        from_state varchar(16) CHECK (from_state IN (${STATES})),
        to_state varchar(16) NOT NULL CHECK (to_state IN (${STATES})),
        reason varchar(32) CHECK (reason IN (${CLOSURE_REASONS})),
        on_date date NOT NULL,
        by_user_id uuid REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT support_event_changes_state CHECK (from_state IS DISTINCT FROM to_state),
        CONSTRAINT support_event_closed_has_reason CHECK ((to_state = 'closed') = (reason IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX support_event_client_idx ON support_event (client_id, recorded_at)`);
    await queryRunner.query(`
      CREATE TABLE support_extension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        requested_until date NOT NULL,
        justification text NOT NULL CHECK (char_length(justification) BETWEEN 20 AND 4000),
        state varchar(16) NOT NULL DEFAULT 'pending' CHECK (state IN (${EXTENSION_STATES})),
        requested_by uuid NOT NULL REFERENCES app_user (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES app_user (id),
        decided_on date,
        comment text CHECK (char_length(comment) <= 4000),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT support_extension_decision CHECK ((state = 'pending') = (decided_by IS NULL AND decided_on IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX support_extension_client_idx ON support_extension (client_id)`);
    await queryRunner.query(`CREATE UNIQUE INDEX support_extension_one_pending ON support_extension (client_id) WHERE state = 'pending'`);

    await queryRunner.query(`ALTER TABLE client ADD COLUMN search_text text NOT NULL DEFAULT '', ADD COLUMN sort_key text COLLATE "C" NOT NULL DEFAULT ''`);
    // The owner is under FORCE ROW LEVEL SECURITY too: lift it for the backfill (DDL is transactional).
    await queryRunner.query(`ALTER TABLE client NO FORCE ROW LEVEL SECURITY`);
    await this.backfillSearchColumns(queryRunner);
    await queryRunner.query(`
      INSERT INTO case_number_counter (municipality_id, year, last_value)
      SELECT municipality_id, parts[1]::smallint, max(parts[2]::integer)
        FROM (SELECT municipality_id, regexp_match(case_number, '^[A-Z0-9]+-(\\d{4})-(\\d{1,9})$') AS parts FROM client) numbered
       WHERE parts IS NOT NULL
       GROUP BY 1, 2`);
    await queryRunner.query(`ALTER TABLE client FORCE ROW LEVEL SECURITY`);
    // Row-level security on the new tables only now: the owner has just filled the counters.
    for (const table of NEW_TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
      );
    }
    await queryRunner.query(`CREATE INDEX client_team_sort_idx ON client (team_id, sort_key, id)`);

    const [trgm] = (await queryRunner.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'`)) as unknown[];
    if (trgm) {
      await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await queryRunner.query(`CREATE INDEX client_search_text_trgm_idx ON client USING gin (search_text gin_trgm_ops)`);
    }
  }

  private async backfillSearchColumns(queryRunner: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT id, case_number, first_name, last_name, first_name_original, last_name_original FROM client WHERE id > $1 ORDER BY id LIMIT ${BACKFILL_BATCH}`,
        [after],
      )) as ClientNamesRow[];
      if (!rows.length) return;
      await queryRunner.query(
        `UPDATE client c SET search_text = v.search_text, sort_key = v.sort_key
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v (id, search_text, sort_key)
          WHERE c.id = v.id`,
        [
          rows.map((r) => r.id),
          rows.map((r) =>
            clientSearchText({
              caseNumber: r.case_number,
              firstName: r.first_name,
              lastName: r.last_name,
              firstNameOriginal: r.first_name_original,
              lastNameOriginal: r.last_name_original,
            }),
          ),
          rows.map((r) => clientSortKey({ firstName: r.first_name, lastName: r.last_name })),
        ],
      );
      after = rows[rows.length - 1]?.id ?? after;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS client_search_text_trgm_idx`);
    await queryRunner.query(`DROP INDEX client_team_sort_idx`);
    await queryRunner.query(`ALTER TABLE client DROP COLUMN search_text, DROP COLUMN sort_key`);
    await queryRunner.query(`DROP TABLE support_extension`);
    await queryRunner.query(`DROP TABLE support_event`);
    await queryRunner.query(`DROP TABLE case_number_counter`);
  }
}
