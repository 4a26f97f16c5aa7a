import { randomBytes } from 'node:crypto';

/** A key id: short, no `:` (it is part of the stored value `v1:<keyId>:...`). */
export const FIELD_KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** One entry of FIELD_ENCRYPTION_KEYS: `<keyId>:<base64 of exactly 32 bytes>`. */
export const FIELD_KEY_ENTRY_PATTERN = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/]{43}=)$/;
export const FIELD_KEY_BYTES = 32;

/** The keys of the encrypted fields: every key still needed to read, and the one new values are written with. */
export interface FieldKeySet {
  readonly activeKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** The key configuration is unusable. The message names the problem, never a key. */
export class FieldKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldKeyError';
  }
}

/**
 * Parses `FIELD_ENCRYPTION_KEYS` (`id:base64,id:base64`) and the active key id.
 * Refuses malformed entries, keys that are not 32 bytes, duplicate ids and an
 * active id that is not listed.
 */
export function parseFieldKeys(list: string, activeKeyId: string): FieldKeySet {
  const keys = new Map<string, Buffer>();
  const entries = list.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new FieldKeyError('FIELD_ENCRYPTION_KEYS lists no key');
  entries.forEach((entry, index) => {
    const match = FIELD_KEY_ENTRY_PATTERN.exec(entry);
    if (!match) throw new FieldKeyError(`FIELD_ENCRYPTION_KEYS entry ${index + 1} is not <keyId>:<base64 of 32 bytes>`);
    const [, id, secret] = match as unknown as [string, string, string];
    if (keys.has(id)) throw new FieldKeyError(`FIELD_ENCRYPTION_KEYS lists the key id ${id} twice`);
    const key = Buffer.from(secret, 'base64');
    if (key.length !== FIELD_KEY_BYTES) throw new FieldKeyError(`FIELD_ENCRYPTION_KEYS key ${id} is not ${FIELD_KEY_BYTES} bytes`);
    keys.set(id, key);
  });
  if (!keys.has(activeKeyId)) throw new FieldKeyError('FIELD_ENCRYPTION_ACTIVE_KEY is not one of the ids in FIELD_ENCRYPTION_KEYS');
  return Object.freeze({ activeKeyId, keys });
}

/** The key list in the `FIELD_ENCRYPTION_KEYS` format (for the embedded database's key file). */
export function formatFieldKeys(set: FieldKeySet): string {
  return [...set.keys].map(([id, key]) => `${id}:${key.toString('base64')}`).join(',');
}

/** A fresh random key with an id that sorts by creation day, e.g. `k20260512-3fa1`. */
export function generateFieldKey(now = new Date()): { id: string; secret: string } {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return { id: `k${day}-${randomBytes(2).toString('hex')}`, secret: randomBytes(FIELD_KEY_BYTES).toString('base64') };
}
