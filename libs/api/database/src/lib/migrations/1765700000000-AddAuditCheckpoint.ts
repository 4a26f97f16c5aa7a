import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit retention (issue 8): the oldest audit rows of a chain are deleted
 * after the municipality's `audit_retention_months`, without losing the
 * ability to verify what remains.
 *
 * - `audit_checkpoint`: one row per cut of a chain (municipality, or NULL for
 *   the unknown-municipality chain): the id, hash and time of the last deleted
 *   row and how many rows went. The verifier starts each chain at its latest
 *   checkpoint's hash instead of 'genesis'. Ids and hashes only.
 * - Written only by the owning role (the retention job); the application role
 *   may read its own municipality's checkpoints (RESTRICTED_TABLE_GRANTS).
 *   Never updated or deleted (no policy allows it).
 * - `audit_event_owner_purge`: the owner may delete an audit row only if a
 *   checkpoint of its chain already covers it (same transaction is fine), so
 *   no row can go without the cut being recorded first.
 */
export class AddAuditCheckpoint1765700000000 implements MigrationInterface {
  name = 'AddAuditCheckpoint1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_checkpoint (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        municipality_id uuid,
        last_id bigint NOT NULL,
        last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$'),
        last_occurred_at timestamptz NOT NULL,
        deleted bigint NOT NULL CHECK (deleted > 0),
        cutoff timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX audit_checkpoint_chain_idx ON audit_checkpoint (municipality_id, last_id)`);
    await queryRunner.query(`ALTER TABLE audit_checkpoint ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE audit_checkpoint FORCE ROW LEVEL SECURITY`);
    const ownerOnly = (table: string) => `pg_has_role((SELECT relowner FROM pg_class WHERE oid = '${table}'::regclass), 'USAGE')`;
    await queryRunner.query(`CREATE POLICY audit_checkpoint_tenant_read ON audit_checkpoint FOR SELECT USING (municipality_id = current_municipality_id())`);
    await queryRunner.query(`CREATE POLICY audit_checkpoint_owner_read ON audit_checkpoint FOR SELECT USING (${ownerOnly('audit_checkpoint')})`);
    await queryRunner.query(`CREATE POLICY audit_checkpoint_owner_insert ON audit_checkpoint FOR INSERT WITH CHECK (${ownerOnly('audit_checkpoint')})`);
    await queryRunner.query(
      `CREATE POLICY audit_event_owner_purge ON audit_event FOR DELETE
         USING (${ownerOnly('audit_event')}
                AND id <= (SELECT max(c.last_id) FROM audit_checkpoint c WHERE c.municipality_id IS NOT DISTINCT FROM audit_event.municipality_id))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY audit_event_owner_purge ON audit_event`);
    await queryRunner.query(`DROP TABLE audit_checkpoint`);
  }
}
