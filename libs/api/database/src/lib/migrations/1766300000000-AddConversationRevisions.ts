import { MigrationInterface, QueryRunner } from 'typeorm';

/** `v1:<keyId>:<iv>:<tag>:<ciphertext>` (AES-256-GCM, see @wegweiser/api/crypto): the column refuses plain text. */
const CIPHERTEXT = `'^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$'`;

/**
 * Earlier versions of corrected conversations (`conversation_revision`): a
 * correction writes the version it replaces here, in the same transaction
 * as the update, with who corrected it and when. Note and agreements stay
 * encrypted (AAD `conversation_revision:<id>:<field>`). Append-only for the
 * application role (SELECT, INSERT: see RESTRICTED_TABLE_GRANTS); rows go
 * with their conversation and client (cascade). Under row-level security
 * like the conversation, with the owner policies `keys:rotate` needs.
 */
export class AddConversationRevisions1766300000000 implements MigrationInterface {
  name = 'AddConversationRevisions1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE conversation_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        held_at timestamptz NOT NULL,
        duration_minutes smallint NOT NULL,
        form varchar(16) NOT NULL,
        interpreter varchar(16) NOT NULL,
        language varchar(3) NOT NULL,
        topics varchar(32)[] NOT NULL DEFAULT '{}',
        note_ciphertext text NOT NULL CHECK (note_ciphertext ~ ${CIPHERTEXT}),
        agreements_ciphertext text CHECK (agreements_ciphertext ~ ${CIPHERTEXT}),
        next_appointment_at timestamptz,
        replaced_at timestamptz NOT NULL DEFAULT now(),
        replaced_by uuid NOT NULL REFERENCES app_user (id),
        CONSTRAINT conversation_revision_version_key UNIQUE (conversation_id, version)
      )`);
    await queryRunner.query(`CREATE INDEX conversation_revision_client_idx ON conversation_revision (client_id, conversation_id, version)`);
    await queryRunner.query(`ALTER TABLE conversation_revision ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE conversation_revision FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY conversation_revision_tenant ON conversation_revision
         USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
    const ownerOnly = `pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'conversation_revision'::regclass), 'USAGE')`;
    await queryRunner.query(`CREATE POLICY conversation_revision_owner_key_rotation ON conversation_revision FOR SELECT USING (${ownerOnly})`);
    await queryRunner.query(
      `CREATE POLICY conversation_revision_owner_key_rotation_update ON conversation_revision FOR UPDATE USING (${ownerOnly}) WITH CHECK (${ownerOnly})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE conversation_revision`);
  }
}
