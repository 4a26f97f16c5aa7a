import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evaluation publishes gender as weiblich or männlich only (issue 19, as official statistics do): persons with
 * "divers" or "keine Angabe" are assigned to one of the two by a pseudo-random bit (evaluation
 * `published-gender.ts`), and the anonymous record of an erased client stores the assigned value from now on.
 *
 * Records made before hold the gender as entered. They have no key, so each is assigned by the same bit of md5 of
 * the row's own content (deterministic: the same row gets the same value on every database), and the column
 * then accepts female and male only. The record keeps no more than is published (the entered "divers" / "keine
 * Angabe" is not kept); `down` widens the check again but cannot bring the entered values back.
 */
export class AssignEvaluationRecordGender1767600000000 implements MigrationInterface {
  name = 'AssignEvaluationRecordGender1767600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE evaluation_record r
         SET gender = CASE WHEN get_byte(decode(md5(r::text), 'hex'), 0) % 2 = 0 THEN 'female' ELSE 'male' END
       WHERE gender NOT IN ('female', 'male')`);
    await queryRunner.query(`
      ALTER TABLE evaluation_record
        DROP CONSTRAINT evaluation_record_gender_check,
        ADD CONSTRAINT evaluation_record_gender_check CHECK (gender IN ('female', 'male'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE evaluation_record
        DROP CONSTRAINT evaluation_record_gender_check,
        ADD CONSTRAINT evaluation_record_gender_check CHECK (gender IN ('female', 'male', 'diverse', 'unspecified'))`);
  }
}
