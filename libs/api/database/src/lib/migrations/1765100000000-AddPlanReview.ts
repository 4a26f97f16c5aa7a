import { MigrationInterface, QueryRunner } from 'typeorm';

// Vocabulary as of this migration (shared/contracts may grow; a later migration widens the check).
const REVIEW_STATES = ['submitted', 'returned', 'approved'];

/**
 * The four-eyes sign-off of integration plans (`plan_review`): the
 * responsible manager submits an agreed version, the team lead approves it or
 * returns it with a comment. One row per submission; a resubmission after a
 * return is a new row, so the history stays. At most one review per client
 * waits at a time (partial unique index), and the agreed version it names must
 * exist for that client (composite foreign key). Under row-level security
 * like every case table; the application role keeps the default grants
 * (decisions update the row).
 */
export class AddPlanReview1765100000000 implements MigrationInterface {
  name = 'AddPlanReview1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE plan_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        agreement_version integer NOT NULL,
        state varchar(16) NOT NULL CHECK (state IN (${REVIEW_STATES.map((s) => `'${s}'`).join(', ')})),
        comment text CHECK (length(comment) BETWEEN 1 AND 2000),
        submitted_by uuid NOT NULL REFERENCES app_user (id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT plan_review_agreement_fk FOREIGN KEY (client_id, agreement_version) REFERENCES plan_agreement (client_id, version) ON DELETE CASCADE,
        CONSTRAINT plan_review_decided CHECK ((state = 'submitted') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)),
        CONSTRAINT plan_review_comment CHECK (state = 'returned' OR comment IS NULL),
        CONSTRAINT plan_review_returned_comment CHECK (state <> 'returned' OR comment IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX plan_review_client_idx ON plan_review (client_id, submitted_at DESC)`);
    await queryRunner.query(`CREATE UNIQUE INDEX plan_review_one_waiting_idx ON plan_review (client_id) WHERE state = 'submitted'`);
    await queryRunner.query(`ALTER TABLE plan_review ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE plan_review FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY plan_review_tenant ON plan_review USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE plan_review`);
  }
}
