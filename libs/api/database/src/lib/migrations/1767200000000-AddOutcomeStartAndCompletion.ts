import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcome definitions of issue 19:
 * - `present_at_start`: the outcome was already there when support began ("bei Beginn vorhanden", e.g. a B1
 *   certificate brought along). Only such an outcome may be dated before the support start; the evaluation never
 *   counts it as a success. Rows dated before the start so far are marked (they were recorded that way).
 * - `completed`: an apprenticeship or studies that ended with its qualification (true) or was broken off (false);
 *   null while it runs or for other kinds.
 */
export class AddOutcomeStartAndCompletion1767200000000 implements MigrationInterface {
  name = 'AddOutcomeStartAndCompletion1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outcome ADD COLUMN present_at_start boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE outcome ADD COLUMN completed boolean`);
    await queryRunner.query(`
      UPDATE outcome o SET present_at_start = true
        FROM client c
       WHERE c.id = o.client_id AND o.achieved_on < c.support_start`);
    await queryRunner.query(`
      ALTER TABLE outcome ADD CONSTRAINT outcome_completed_kind
        CHECK (completed IS NULL OR (kind IN ('apprenticeship', 'studies') AND ended_on IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outcome DROP CONSTRAINT outcome_completed_kind`);
    await queryRunner.query(`ALTER TABLE outcome DROP COLUMN completed`);
    await queryRunner.query(`ALTER TABLE outcome DROP COLUMN present_at_start`);
  }
}
