import { EncryptedTable, FieldCipher, fieldAad } from '@wegweiser/api/crypto';
import { Client } from 'pg';

const TABLE = 'app_user';
const FIELD = 'totp_secret';
/** The check constraint of migration EncryptTotpSecretsAtRest: added NOT VALID, validated by `sealPlainTotpSecrets`. */
export const TOTP_SECRET_CONSTRAINT = 'app_user_totp_secret_ciphertext';
/** What the constraint accepts: `v1:<keyId>:<iv>:<tag>:<ciphertext>`; anything else is plain text. */
const CIPHERTEXT_PATTERN = '^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$';

/** The encrypted column of accounts (the TOTP secret, also while an enrolment is pending), for `keys:rotate`. */
export const APP_USER_ENCRYPTED_FIELDS: EncryptedTable = { table: TABLE, columns: [{ column: FIELD, field: FIELD }] };

/** `app_user:<id>:totp_secret`: a secret copied to another account does not decrypt there. */
export const totpSecretAad = (userId: string): string => fieldAad(TABLE, userId, FIELD);

/** The plain values of `rows`, encrypted for their own row (pure; the ids keep their order). */
export function sealTotpSecretRows(cipher: FieldCipher, rows: readonly { id: string; secret: string }[]): { ids: string[]; sealed: string[] } {
  return { ids: rows.map((r) => r.id), sealed: rows.map((r) => cipher.encrypt(r.secret, totpSecretAad(r.id))) };
}

/**
 * One-time upgrade, run at every start-up right after the migrations (API,
 * CLI, restore), with the configured keys: encrypts every TOTP secret still
 * stored in plain text and validates the check constraint, in one
 * transaction (all or nothing; rows locked FOR UPDATE, so two instances
 * starting together do not encrypt twice). Once the constraint is validated
 * it only looks it up. As the owner: the migration's owner policies let it
 * past row-level security. Returns how many values it encrypted (never a value).
 */
export async function sealPlainTotpSecrets(ownerUrl: string, cipher: FieldCipher): Promise<number> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-totp-upgrade' });
  await client.connect();
  try {
    const constraint = (
      await client.query<{ validated: boolean }>(`SELECT convalidated AS validated FROM pg_constraint WHERE conrelid = 'app_user'::regclass AND conname = $1`, [
        TOTP_SECRET_CONSTRAINT,
      ])
    ).rows[0];
    if (!constraint) throw new Error(`The check constraint ${TOTP_SECRET_CONSTRAINT} is missing: TOTP secrets would not be guarded against plain text.`);
    if (constraint.validated) return 0;
    await client.query('BEGIN');
    try {
      const plain = (
        await client.query<{ id: string; secret: string }>(
          `SELECT id::text AS id, totp_secret AS secret FROM app_user WHERE totp_secret IS NOT NULL AND totp_secret !~ $1 ORDER BY id FOR UPDATE`,
          [CIPHERTEXT_PATTERN],
        )
      ).rows;
      const { ids, sealed } = sealTotpSecretRows(cipher, plain);
      if (ids.length) {
        await client.query(`UPDATE app_user AS u SET totp_secret = v.secret FROM unnest($1::uuid[], $2::text[]) AS v(id, secret) WHERE u.id = v.id`, [ids, sealed]);
      }
      await client.query(`ALTER TABLE app_user VALIDATE CONSTRAINT ${TOTP_SECRET_CONSTRAINT}`);
      await client.query('COMMIT');
      return ids.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}
