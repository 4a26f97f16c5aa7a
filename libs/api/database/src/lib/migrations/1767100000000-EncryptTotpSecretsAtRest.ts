import { MigrationInterface, QueryRunner } from 'typeorm';

/** `v1:<keyId>:<iv>:<tag>:<ciphertext>` (AES-256-GCM, see @wegweiser/api/crypto), as for conversation notes. */
const CIPHERTEXT = `'^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$'`;

/**
 * TOTP secrets (`app_user.totp_secret`) encrypted at rest with the field
 * cipher of the conversation notes (AAD `app_user:<id>:totp_secret`).
 *
 * Migrations have no keys (they come from the configuration only), so the
 * existing plain base32 values cannot be encrypted here. This migration:
 * - adds the check constraint `app_user_totp_secret_ciphertext` NOT VALID:
 *   every write from now on must be ciphertext; the rows already there are
 *   encrypted right after the migrations by the start-up step
 *   `sealPlainTotpSecrets` (API start, every CLI command, restore), which
 *   then validates the constraint, in one transaction;
 * - lets the owning role (and nobody else) past row-level security to read
 *   and update accounts, for that step and for `keys:rotate` — the owner is
 *   not a superuser in production, so FORCE ROW LEVEL SECURITY applies to it.
 *
 * down() cannot decrypt (no keys): the values stay ciphertext, which the
 * code before this migration does not read; reset the second factors.
 */
export class EncryptTotpSecretsAtRest1767100000000 implements MigrationInterface {
  name = 'EncryptTotpSecretsAtRest1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_totp_secret_ciphertext CHECK (totp_secret ~ ${CIPHERTEXT}) NOT VALID`);
    const ownerOnly = `pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'app_user'::regclass), 'USAGE')`;
    await queryRunner.query(`CREATE POLICY app_user_owner_field_keys ON app_user FOR SELECT USING (${ownerOnly})`);
    await queryRunner.query(`CREATE POLICY app_user_owner_field_keys_update ON app_user FOR UPDATE USING (${ownerOnly}) WITH CHECK (${ownerOnly})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY app_user_owner_field_keys_update ON app_user`);
    await queryRunner.query(`DROP POLICY app_user_owner_field_keys ON app_user`);
    await queryRunner.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_totp_secret_ciphertext`);
  }
}
