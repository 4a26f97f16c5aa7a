import type { AppConfig } from '@wegweiser/api/core';
import { FieldKeySet, loadOrCreateFieldKeyFile, parseFieldKeys } from '@wegweiser/api/crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where an embedded installation keeps its field-encryption keys: beside the data directory, like the superuser password. */
export const embeddedFieldKeyFile = (dataDir: string): string => `${resolve(dataDir)}.keys`;

/**
 * The keys of the encrypted fields: FIELD_ENCRYPTION_KEYS when set (required
 * with DATABASE_URL, validated at start-up); otherwise, for the embedded
 * database only, the key file, generated on first use. Shared by the API and
 * the CLI (`keys:rotate`, `seed`), so both always use the same keys.
 */
export async function resolveFieldKeys(
  config: AppConfig,
  embedded: boolean,
  log: { log(message: string): void },
  hasEncryptedValues: () => Promise<boolean> = async () => false,
): Promise<FieldKeySet> {
  if (config.FIELD_ENCRYPTION_KEYS && config.FIELD_ENCRYPTION_ACTIVE_KEY) {
    return parseFieldKeys(config.FIELD_ENCRYPTION_KEYS, config.FIELD_ENCRYPTION_ACTIVE_KEY);
  }
  if (!embedded) throw new Error('FIELD_ENCRYPTION_KEYS and FIELD_ENCRYPTION_ACTIVE_KEY are required with DATABASE_URL.');
  const path = embeddedFieldKeyFile(config.EMBEDDED_PG_DATA_DIR);
  // A new key next to existing ciphertexts would make every stored note and TOTP secret unreadable: refuse, loudly.
  if (!existsSync(path) && (await hasEncryptedValues())) {
    throw new Error(`The field-encryption key file ${path} is missing, but the database holds encrypted values (conversation notes, second-factor secrets). Restore the file from your backup (or set FIELD_ENCRYPTION_KEYS); a new key would not decrypt them.`);
  }
  const { keys, created } = await loadOrCreateFieldKeyFile(path);
  if (created) log.log(`Field-encryption key created in ${path}: back it up (without it conversation notes and second-factor secrets cannot be read).`);
  return keys;
}
