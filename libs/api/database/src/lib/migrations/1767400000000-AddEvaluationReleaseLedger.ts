import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The release ledger of the evaluation (issue 19): every aggregate figure a
 * report or preview has published, so that later releases of overlapping
 * quarters are audited against it (nothing hidden may be narrowed by
 * combining releases).
 *
 * One row per figure and municipality: `scope` (family, quarter cohorts, row
 * and column members — see `FigureScope`), its text key `scope_key` (unique
 * per municipality: a figure published again adds nothing), `value` (null =
 * suppressed; a suppressed figure published later gets its value, nothing
 * else is ever changed) and when it was first published. Only aggregates,
 * never anything per person. Row-level security by municipality.
 *
 * `municipality.evaluation_releases` counts the releases: each release bumps
 * it under an advisory lock, so a REPEATABLE READ release whose snapshot
 * predates another committed release fails (serialisation failure) instead
 * of being audited against a stale ledger.
 */
export class AddEvaluationReleaseLedger1767400000000 implements MigrationInterface {
  name = 'AddEvaluationReleaseLedger1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE municipality ADD COLUMN evaluation_releases integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE TABLE evaluation_release_figure (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        scope_key text NOT NULL CHECK (length(scope_key) BETWEEN 1 AND 20000),
        scope jsonb NOT NULL CHECK (jsonb_typeof(scope) = 'object'),
        quarters text[] NOT NULL CHECK (cardinality(quarters) >= 1),
        value integer CHECK (value >= 0),
        first_published_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evaluation_release_figure_unique UNIQUE (municipality_id, scope_key)
      )`);
    await queryRunner.query(`CREATE INDEX evaluation_release_figure_quarters_idx ON evaluation_release_figure USING gin (quarters)`);
    await queryRunner.query(`ALTER TABLE evaluation_release_figure ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE evaluation_release_figure FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY evaluation_release_figure_tenant ON evaluation_release_figure USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE evaluation_release_figure`);
    await queryRunner.query(`ALTER TABLE municipality DROP COLUMN evaluation_releases`);
  }
}
