import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) =>
  values.map((v) => `'${v}'`).join(', ');

// Vocabularies as of this migration (a snapshot, like the record's other checks).
const EMPLOYMENT_STATUSES = [
  'social_insurance',
  'self_employed',
  'mini_job',
  'not_employed',
];
const TRAINING_STATUSES = ['completed', 'ongoing', 'broken_off', 'not_started'];
const HEADLINE = ['b1', 'employment', 'apprenticeship', 'studies'];
const STATUS_MONTHS = [12, 24, 36];
const TRAINING = ['apprenticeship', 'studies'];

/**
 * The anonymous outcome record keeps the figures of issue 19's definitions (evaluation-person.sql.ts), so that
 * erasing a client still changes no figure. Per person, no dates and nothing identifying:
 * - `<measure>_preexisting` (b1, employment, apprenticeship, studies): the outcome was there at support start
 *   ("bei Beginn vorhanden");
 * - `employment_status_12/24/36`: the employment status at whole month 12/24/36 (one category);
 * - `apprenticeship_status_36`, `studies_status_36`: completed / ongoing / broken off / not started at month 36;
 * - `observed_months`: whole months from the start to the day the record was made, at most 36. The life tables
 *   censor a person without the event there: an erased person leaves the observation at the erasure (lost to
 *   follow-up), which is what the record can honestly say without keeping a date;
 * - `plan_months`: whole months from the start to the first agreed integration plan (null: none).
 *
 * Records made before this migration knew none of this. They are filled with what they hold: nothing at start,
 * the employment status from the kinds of job begun by month m (whether it ended is unknown), an apprenticeship or
 * studies begun within 36 months as ongoing, no plan, and observed for the months from the first day of their
 * cohort quarter to the migration day (at most 36).
 */
export class AddEvaluationRecordDefinitions1767300000000 implements MigrationInterface {
  name = 'AddEvaluationRecordDefinitions1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const status = (m: number) => `employment_status_${m}`;
    await queryRunner.query(`
      ALTER TABLE evaluation_record
        ${HEADLINE.map((h) => `ADD COLUMN ${h}_preexisting boolean NOT NULL DEFAULT false`).join(',\n        ')},
        ${STATUS_MONTHS.map((m) => `ADD COLUMN ${status(m)} varchar(16) CHECK (${status(m)} IN (${list(EMPLOYMENT_STATUSES)}))`).join(',\n        ')},
        ${TRAINING.map((t) => `ADD COLUMN ${t}_status_36 varchar(16) CHECK (${t}_status_36 IN (${list(TRAINING_STATUSES)}))`).join(',\n        ')},
        ADD COLUMN observed_months smallint CHECK (observed_months BETWEEN 0 AND 36),
        ADD COLUMN plan_months smallint CHECK (plan_months BETWEEN 0 AND 1200)`);
    await queryRunner.query(`
      UPDATE evaluation_record SET
        ${STATUS_MONTHS.map(
          (
            m,
          ) => `${status(m)} = CASE WHEN employment_social_insurance_months < ${m} THEN 'social_insurance'
                                WHEN employment_self_employed_months < ${m} THEN 'self_employed'
                                WHEN employment_mini_job_months < ${m} THEN 'mini_job'
                                ELSE 'not_employed' END`,
        ).join(',\n        ')},
        ${TRAINING.map((t) => `${t}_status_36 = CASE WHEN ${t}_months < 36 THEN 'ongoing' ELSE 'not_started' END`).join(',\n        ')},
        observed_months = LEAST(evaluation_months(cohort_quarter, current_date), 36)`);
    await queryRunner.query(`
      ALTER TABLE evaluation_record
        ${[...STATUS_MONTHS.map(status), ...TRAINING.map((t) => `${t}_status_36`), 'observed_months'].map((c) => `ALTER COLUMN ${c} SET NOT NULL`).join(',\n        ')}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE evaluation_record
        ${[
          ...HEADLINE.map((h) => `${h}_preexisting`),
          ...STATUS_MONTHS.map((m) => `employment_status_${m}`),
          ...TRAINING.map((t) => `${t}_status_36`),
          'observed_months',
          'plan_months',
        ]
          .map((c) => `DROP COLUMN ${c}`)
          .join(',\n        ')}`);
  }
}
