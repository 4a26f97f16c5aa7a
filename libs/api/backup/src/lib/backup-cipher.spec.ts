import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BACKUP_HEADER_BYTES, BackupFormatError, decryptBackupFile, encryptBackupStream, isEncryptedBackup } from './backup-cipher';

const KEY = 'correct-horse-battery-staple-2026';

describe('backup cipher', () => {
  let dir: string;
  // Several chunks, so the streaming path (not a single buffer) is exercised.
  const plain = Buffer.concat([Buffer.from('PGDMP'), randomBytes(200_000)]);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ww-backup-spec-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const encrypt = async (name = 'b.enc') => {
    const path = join(dir, name);
    await encryptBackupStream(Readable.from([plain.subarray(0, 70_000), plain.subarray(70_000)]), path, KEY);
    return path;
  };

  it('round-trips; the file holds a header, no plaintext, and is readable by the owner only', async () => {
    const path = await encrypt();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('WWBACKUP');
    expect(bytes[8]).toBe(1);
    expect(bytes.length).toBe(BACKUP_HEADER_BYTES + plain.length + 16);
    expect(bytes.includes(Buffer.from('PGDMP'))).toBe(false);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await isEncryptedBackup(path)).toBe(true);
    await decryptBackupFile(path, join(dir, 'out'), KEY);
    expect((await readFile(join(dir, 'out'))).equals(plain)).toBe(true);
  });

  it('uses a fresh salt and IV per file', async () => {
    const a = await readFile(await encrypt('a.enc'));
    const b = await readFile(await encrypt('b.enc'));
    expect(a.subarray(9, BACKUP_HEADER_BYTES).equals(b.subarray(9, BACKUP_HEADER_BYTES))).toBe(false);
    expect(a.subarray(BACKUP_HEADER_BYTES, BACKUP_HEADER_BYTES + 64).equals(b.subarray(BACKUP_HEADER_BYTES, BACKUP_HEADER_BYTES + 64))).toBe(false);
  });

  it('rejects a wrong key with a clear error', async () => {
    const path = await encrypt();
    await expect(decryptBackupFile(path, join(dir, 'out'), 'another-key-of-enough-length')).rejects.toThrow(
      new BackupFormatError('The backup cannot be decrypted: wrong BACKUP_ENCRYPTION_KEY, or the file was changed or truncated.'),
    );
  });

  it.each([
    ['a body byte', (b: Buffer) => (b[BACKUP_HEADER_BYTES + 1000] ^= 1)],
    ['the tag', (b: Buffer) => (b[b.length - 1] ^= 1)],
    ['the salt in the header', (b: Buffer) => (b[10] ^= 1)],
    ['the IV in the header', (b: Buffer) => (b[BACKUP_HEADER_BYTES - 1] ^= 1)],
  ])('rejects a file with a changed %s', async (_what, tamper) => {
    const path = await encrypt();
    const bytes = await readFile(path);
    tamper(bytes);
    await writeFile(path, bytes);
    await expect(decryptBackupFile(path, join(dir, 'out'), KEY)).rejects.toThrow(BackupFormatError);
  });

  it('rejects a truncated file, a foreign file and an unknown version', async () => {
    const path = await encrypt();
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 100));
    await expect(decryptBackupFile(path, join(dir, 'o1'), KEY)).rejects.toThrow(BackupFormatError);
    const foreign = join(dir, 'plain.dump');
    await writeFile(foreign, plain);
    expect(await isEncryptedBackup(foreign)).toBe(false);
    await expect(decryptBackupFile(foreign, join(dir, 'o2'), KEY)).rejects.toThrow('not an encrypted Wegweiser backup');
    const future = Buffer.from(bytes);
    future[8] = 2;
    await writeFile(path, future);
    await expect(decryptBackupFile(path, join(dir, 'o3'), KEY)).rejects.toThrow('Unsupported backup format version 2.');
  });

  it('refuses a missing or short key before touching any file', async () => {
    await expect(encryptBackupStream(Readable.from([plain]), join(dir, 'x.enc'), '')).rejects.toThrow('BACKUP_ENCRYPTION_KEY is not set.');
    await expect(encryptBackupStream(Readable.from([plain]), join(dir, 'y.enc'), 'short')).rejects.toThrow('at least 20 characters');
  });
});
