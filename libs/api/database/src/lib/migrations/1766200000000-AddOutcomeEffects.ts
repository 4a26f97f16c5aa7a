import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What recording an outcome changed besides itself (the language goals it
 * closed with their previous state, the German level it raised and the entry
 * before), so that "Rückgängig" can restore exactly that. Ids, codes and
 * levels only.
 */
export class AddOutcomeEffects1766200000000 implements MigrationInterface {
  name = 'AddOutcomeEffects1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outcome ADD COLUMN effects jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outcome DROP COLUMN effects`);
  }
}
