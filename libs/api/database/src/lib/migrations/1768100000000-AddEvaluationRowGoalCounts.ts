import { MigrationInterface, QueryRunner } from 'typeorm';

// Vocabularies as of this migration (a snapshot): the fields of action and the goal states the evaluation reports.
const FIELDS = ['language', 'work', 'apprenticeship', 'education', 'housing', 'health', 'social_participation', 'family', 'legal'];
const STATES = ['achieved', 'not_achieved', 'dropped'];

/**
 * The read model's goal counts as an integer array beside the JSON (issue 20): one entry per field of action and
 * goal state (fields outer, states inner, 0 where none), a stored generated column, so PostgreSQL keeps it with every
 * write of the row. The evaluation sums the array's entries in its one counting pass; expanding every person's JSON
 * into rows was the most expensive part of a report. Adding the column rewrites the table once.
 */
export class AddEvaluationRowGoalCounts1768100000000 implements MigrationInterface {
  name = 'AddEvaluationRowGoalCounts1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const entries = FIELDS.flatMap((f) => STATES.map((s) => `COALESCE((goals #>> '{${f},${s}}')::integer, 0)`));
    await queryRunner.query(`ALTER TABLE evaluation_row ADD COLUMN goal_counts integer[] GENERATED ALWAYS AS (ARRAY[${entries.join(', ')}]) STORED`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evaluation_row DROP COLUMN goal_counts`);
  }
}
