import { FieldCipher, parseFieldKeys } from '@wegweiser/api/crypto';
import { totpSecretAad } from '@wegweiser/api/database';

/**
 * Field-encryption keys of the e2e runs (FIELD_ENCRYPTION_KEYS is required
 * with DATABASE_URL): spread into the environment of every in-process app,
 * spawned API or CLI that connects to the test server. Test-only keys.
 */
export const E2E_FIELD_KEY_ID = 'e2e1';
export const E2E_FIELD_KEYS = {
  FIELD_ENCRYPTION_KEYS: `${E2E_FIELD_KEY_ID}:ZTJlLW9ubHkgZmllbGQga2V5LCBuZXZlciBpbiB1c2U=`,
  FIELD_ENCRYPTION_ACTIVE_KEY: E2E_FIELD_KEY_ID,
};

/** The field cipher of the e2e runs (as an API started with E2E_FIELD_KEYS encrypts). */
export const e2eFieldCipher = (): FieldCipher => new FieldCipher(parseFieldKeys(E2E_FIELD_KEYS.FIELD_ENCRYPTION_KEYS, E2E_FIELD_KEYS.FIELD_ENCRYPTION_ACTIVE_KEY));

/** A TOTP secret as the API stores it for that account (the database refuses plain text in `app_user.totp_secret`). */
export const sealedTotpSecret = (userId: string, secret: string): string => e2eFieldCipher().encrypt(secret, totpSecretAad(userId));
