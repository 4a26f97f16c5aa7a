import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Encrypted backup file:
 *   magic "WWBACKUP" (8) | version (1) | salt (16) | iv (12) | ciphertext … | GCM tag (16)
 * AES-256-GCM; the key is derived from BACKUP_ENCRYPTION_KEY with scrypt and the
 * file's own salt; the header is authenticated as additional data, so a changed
 * header, body or tag fails decryption as a whole.
 */
export const BACKUP_MAGIC = Buffer.from('WWBACKUP', 'ascii');
export const BACKUP_FORMAT_VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const BACKUP_HEADER_BYTES = BACKUP_MAGIC.length + 1 + SALT_BYTES + IV_BYTES;
/** A passphrase or `openssl rand -base64 32`; short secrets would make the scrypt derivation guessable. */
export const MIN_BACKUP_KEY_LENGTH = 20;

export class BackupFormatError extends Error {}

export function checkBackupKey(secret: string | undefined): string {
  if (!secret) throw new BackupFormatError('BACKUP_ENCRYPTION_KEY is not set.');
  if (secret.length < MIN_BACKUP_KEY_LENGTH) throw new BackupFormatError(`BACKUP_ENCRYPTION_KEY must have at least ${MIN_BACKUP_KEY_LENGTH} characters (e.g. openssl rand -base64 32).`);
  return secret;
}

function deriveKey(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(checkBackupKey(secret), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Streams `source` (e.g. pg_dump's stdout) encrypted into `targetPath` (mode 0600); the plaintext never touches the disk. */
export async function encryptBackupStream(source: Readable, targetPath: string, secret: string): Promise<void> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([BACKUP_MAGIC, Buffer.from([BACKUP_FORMAT_VERSION]), salt, iv]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(secret, salt), iv);
  cipher.setAAD(header);
  let headerWritten = false;
  const framing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!headerWritten) {
        headerWritten = true;
        this.push(header);
      }
      done(null, chunk);
    },
    flush(done) {
      if (!headerWritten) this.push(header);
      this.push(cipher.getAuthTag());
      done();
    },
  });
  await pipeline(source, cipher, framing, createWriteStream(targetPath, { mode: 0o600, flags: 'wx' }));
}

/**
 * Decrypts `sourcePath` into `targetPath` (mode 0600). Throws BackupFormatError for a
 * file that is not a Wegweiser backup, a wrong key, or any change to the file; the
 * caller must discard `targetPath` then (it is only complete when this resolves).
 */
export async function decryptBackupFile(sourcePath: string, targetPath: string, secret: string): Promise<void> {
  const { size } = await stat(sourcePath);
  if (size < BACKUP_HEADER_BYTES + TAG_BYTES) throw new BackupFormatError('The file is not an encrypted Wegweiser backup (too short).');
  const handle = await open(sourcePath, 'r');
  const header = Buffer.alloc(BACKUP_HEADER_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    await handle.read(header, 0, BACKUP_HEADER_BYTES, 0);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  if (!header.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) throw new BackupFormatError('The file is not an encrypted Wegweiser backup (unknown header).');
  const version = header[BACKUP_MAGIC.length];
  if (version !== BACKUP_FORMAT_VERSION) throw new BackupFormatError(`Unsupported backup format version ${version}.`);
  const salt = header.subarray(BACKUP_MAGIC.length + 1, BACKUP_MAGIC.length + 1 + SALT_BYTES);
  const iv = header.subarray(BACKUP_MAGIC.length + 1 + SALT_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(secret, salt), iv);
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    const body = size - TAG_BYTES > BACKUP_HEADER_BYTES ? createReadStream(sourcePath, { start: BACKUP_HEADER_BYTES, end: size - TAG_BYTES - 1 }) : Readable.from([]);
    await pipeline(body, decipher, createWriteStream(targetPath, { mode: 0o600, flags: 'wx' }));
  } catch (error) {
    // Not `instanceof Error`: errors of node's crypto may come from another realm (jest).
    if (/unable to authenticate/i.test(String((error as { message?: unknown } | null)?.message))) {
      throw new BackupFormatError('The backup cannot be decrypted: wrong BACKUP_ENCRYPTION_KEY, or the file was changed or truncated.');
    }
    throw error;
  }
}

/** Whether the file starts with the encrypted-backup header (else it may be a plain pg_dump file, "PGDMP"). */
export async function isEncryptedBackup(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const start = Buffer.alloc(BACKUP_MAGIC.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    return bytesRead === start.length && start.equals(BACKUP_MAGIC);
  } finally {
    await handle.close();
  }
}
