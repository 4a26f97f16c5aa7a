import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) =>
  values.map((v) => `'${v}'`).join(', ');

// Vocabularies as of this migration (a snapshot: a later migration widens the checks).
const GENDERS = ['female', 'male', 'diverse', 'unspecified'];
const AGE_BANDS = ['under_18', '18_24', '25_34', '35_44', '45_plus'];
const REGIONS = [
  'middle_east',
  'north_africa',
  'sub_saharan_africa',
  'eastern_europe',
  'south_central_asia',
  'other',
];
const CLOSURE_REASONS = [
  'goals_reached',
  'moved_away',
  'window_ended',
  'no_contact',
  'declined',
  'other',
];
const MONTH_COLUMNS = [
  'b1_months',
  'employment_months',
  'employment_social_insurance_months',
  'employment_mini_job_months',
  'employment_self_employed_months',
  'employment_full_time_months',
  'employment_part_time_months',
  'employment_matching_months',
  'apprenticeship_months',
  'studies_months',
];
const CHANGE_COLUMNS = [
  'health_change',
  'social_environment_change',
  'employment_quality_change',
];

/**
 * The anonymous outcome record (issue 7, "Metrics"): when a client's personal
 * data is erased, one row keeps what the evaluation counts about them, so that
 * figures of past cohorts stay as published. No identifiers, no exact dates:
 * the quarter of support start, banded attributes, whole months from start to
 * each first outcome (null = not reached), goal counts per field of action and
 * state (`{"language": {"achieved": 1}}`), the sign of the change between the
 * first and the latest soft rating per factor, and the closure reason. No key
 * and no creation time either (either could link the row to the audit trail
 * of the erasure). The application role may only insert and read
 * (RESTRICTED_TABLE_GRANTS).
 *
 * `evaluation_months(start, at)`: whole months completed from `start` to `at`
 * (the largest m with start + m months <= at; 0 for an outcome before the
 * start), so that "reached within N months" (at < start + N months) is exactly
 * `evaluation_months(start, at) < N` for live clients and records alike.
 */
export class AddEvaluationRecord1765400000000 implements MigrationInterface {
  name = 'AddEvaluationRecord1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION evaluation_months(start date, at date) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$
          SELECT GREATEST(0, m - CASE WHEN (start + make_interval(months => m))::date > at THEN 1 ELSE 0 END)
            FROM (SELECT ((date_part('year', at) - date_part('year', start)) * 12 + date_part('month', at) - date_part('month', start))::int AS m) months
        $$`);
    await queryRunner.query(`
      CREATE TABLE evaluation_record (
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        cohort_quarter date NOT NULL CHECK (date_trunc('quarter', cohort_quarter::timestamp)::date = cohort_quarter),
        gender varchar(16) NOT NULL CHECK (gender IN (${list(GENDERS)})),
        age_band varchar(8) NOT NULL CHECK (age_band IN (${list(AGE_BANDS)})),
        region varchar(24) NOT NULL CHECK (region IN (${list(REGIONS)})),
        ${MONTH_COLUMNS.map((c) => `${c} smallint CHECK (${c} BETWEEN 0 AND 1200)`).join(',\n        ')},
        goals jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(goals) = 'object'),
        ${CHANGE_COLUMNS.map((c) => `${c} smallint CHECK (${c} IN (-1, 0, 1))`).join(',\n        ')},
        closure_reason varchar(32) CHECK (closure_reason IN (${list(CLOSURE_REASONS)}))
      )`);
    await queryRunner.query(
      `CREATE INDEX evaluation_record_cohort_idx ON evaluation_record (municipality_id, cohort_quarter)`,
    );
    await queryRunner.query(
      `ALTER TABLE evaluation_record ENABLE ROW LEVEL SECURITY`,
    );
    await queryRunner.query(
      `ALTER TABLE evaluation_record FORCE ROW LEVEL SECURITY`,
    );
    await queryRunner.query(
      `CREATE POLICY evaluation_record_tenant ON evaluation_record USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE evaluation_record`);
    await queryRunner.query(`DROP FUNCTION evaluation_months(date, date)`);
  }
}
