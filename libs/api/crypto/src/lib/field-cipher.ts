import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { FieldKeySet } from './field-keys';

const FORMAT = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export type FieldDecryptionFailure = 'malformed' | 'unknownKey' | 'authenticationFailed';

/**
 * A stored value cannot be decrypted: wrong or missing key, a value moved to
 * another row, or tampering. Never carries any part of the value, so that it
 * can be logged; callers must let it fail the request (500), never show garbage.
 */
export class FieldDecryptionError extends Error {
  constructor(
    readonly reason: FieldDecryptionFailure,
    readonly keyId: string | null,
  ) {
    super(`A protected field could not be decrypted (${reason}${keyId ? `, key id ${keyId}` : ''}): check FIELD_ENCRYPTION_KEYS.`);
    this.name = 'FieldDecryptionError';
  }
}

/**
 * The additional authenticated data that binds a value to its row and field,
 * e.g. `conversation:<id>:note`: a ciphertext copied to another row or field
 * does not decrypt there.
 */
export function fieldAad(table: string, id: string, field: string): string {
  return `${table}:${id}:${field}`;
}

/**
 * AES-256-GCM for single text fields (node:crypto). Stored format:
 * `v1:<keyId>:<iv base64>:<tag base64>:<ciphertext base64>`, a fresh random
 * 96-bit IV per value; the key id lets keys rotate (`keys:rotate`). Keys come
 * from the configuration only, never from the database.
 */
export class FieldCipher {
  constructor(private readonly keySet: FieldKeySet) {}

  get activeKeyId(): string {
    return this.keySet.activeKeyId;
  }

  encrypt(plaintext: string, aad: string): string {
    const keyId = this.keySet.activeKeyId;
    const key = this.keySet.keys.get(keyId);
    if (!key) throw new FieldDecryptionError('unknownKey', keyId);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  decrypt(value: string, aad: string): string {
    const parts = value.split(':');
    const keyId = parts[1] ?? null;
    if (parts.length !== 5 || parts[0] !== FORMAT || !parts.slice(2).every((part) => BASE64.test(part))) {
      throw new FieldDecryptionError('malformed', null);
    }
    const [, , ivText, tagText, ciphertextText] = parts as [string, string, string, string, string];
    const key = keyId === null ? undefined : this.keySet.keys.get(keyId);
    if (!key) throw new FieldDecryptionError('unknownKey', keyId);
    const iv = Buffer.from(ivText, 'base64');
    const tag = Buffer.from(tagText, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new FieldDecryptionError('malformed', keyId);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldDecryptionError('authenticationFailed', keyId);
    }
  }

  /** The key id a stored value names (without checking that the value decrypts). */
  keyIdOf(value: string): string | null {
    const parts = value.split(':');
    return parts.length === 5 && parts[0] === FORMAT ? (parts[1] ?? null) : null;
  }

  /** The value under the active key: unchanged if it already is, otherwise decrypted and encrypted again. */
  reencrypt(value: string, aad: string): string {
    if (this.keyIdOf(value) === this.activeKeyId) {
      this.decrypt(value, aad);
      return value;
    }
    return this.encrypt(this.decrypt(value, aad), aad);
  }
}
