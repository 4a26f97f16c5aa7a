import { MigrationInterface, QueryRunner } from 'typeorm';

// Kept literal (not imported from the contracts): a migration is a snapshot of the schema at its time.
const REASON_MAX_LENGTH = 500;

/**
 * The history of a client's responsible manager (`client_assignment`): one
 * row per reassignment by a team lead, with the reason. Append-only like the
 * support history (the application role may only read and insert, see
 * RESTRICTED_TABLE_GRANTS); removed only with its client (cascade). Under
 * row-level security like every table with municipality data. The history
 * starts with the first reassignment: the manager a client was created with
 * is the `from_manager_id` of its first row.
 */
export class AddClientAssignmentHistory1765000000000 implements MigrationInterface {
  name = 'AddClientAssignmentHistory1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE client_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        from_manager_id uuid REFERENCES app_user (id),
        to_manager_id uuid NOT NULL REFERENCES app_user (id),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND ${REASON_MAX_LENGTH}),
        assigned_by uuid NOT NULL REFERENCES app_user (id),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT client_assignment_changes_manager CHECK (from_manager_id IS DISTINCT FROM to_manager_id)
      )`);
    await queryRunner.query(`CREATE INDEX client_assignment_client_idx ON client_assignment (client_id, assigned_at DESC)`);
    await queryRunner.query(`ALTER TABLE client_assignment ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE client_assignment FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY client_assignment_tenant ON client_assignment USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE client_assignment`);
  }
}
