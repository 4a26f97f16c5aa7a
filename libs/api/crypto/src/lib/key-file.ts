import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { FieldKeyError, FieldKeySet, formatFieldKeys, generateFieldKey, parseFieldKeys } from './field-keys';

const HEADER = [
  '# Wegweiser: keys of the encrypted fields (conversation notes, TOTP secrets) of the embedded database.',
  '# Without this file the notes and second-factor secrets cannot be read: back it up, but not next to the data directory backup.',
  '# Rotate: add `<newId>:<base64 of 32 random bytes>` to the list, make it active, restart, run `npm run keys:rotate`.',
];

/**
 * The field-encryption keys of an embedded installation, kept in a file of
 * its own (mode 0600) beside the data directory: `FIELD_ENCRYPTION_KEYS=` and
 * `FIELD_ENCRYPTION_ACTIVE_KEY=` lines. Created with a fresh key when missing;
 * never rewritten afterwards (an operator edits it to rotate).
 */
export async function loadOrCreateFieldKeyFile(path: string): Promise<{ keys: FieldKeySet; created: boolean }> {
  if (existsSync(path)) return { keys: parseFieldKeyFile(await readFile(path, 'utf8'), path), created: false };
  const key = generateFieldKey();
  const keys = parseFieldKeys(`${key.id}:${key.secret}`, key.id);
  const text = [...HEADER, `FIELD_ENCRYPTION_KEYS=${formatFieldKeys(keys)}`, `FIELD_ENCRYPTION_ACTIVE_KEY=${keys.activeKeyId}`, ''].join('\n');
  // 'wx': never overwrite a file another process created in the meantime.
  await writeFile(path, text, { mode: 0o600, flag: 'wx' });
  return { keys, created: true };
}

export function parseFieldKeyFile(text: string, path: string): FieldKeySet {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals > 0) values.set(trimmed.slice(0, equals).trim(), trimmed.slice(equals + 1).trim());
  }
  const list = values.get('FIELD_ENCRYPTION_KEYS');
  const active = values.get('FIELD_ENCRYPTION_ACTIVE_KEY');
  if (!list || !active) throw new FieldKeyError(`The key file ${path} needs FIELD_ENCRYPTION_KEYS= and FIELD_ENCRYPTION_ACTIVE_KEY= lines`);
  try {
    return parseFieldKeys(list, active);
  } catch (error) {
    throw new FieldKeyError(`The key file ${path} is invalid: ${(error as Error).message}`);
  }
}
