import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkBackupKey, encryptBackupStream } from './backup-cipher';
import { syncErasureLedgerFile } from './erasure-replay';
import { runPgTool } from './pg-tools';

export interface BackupOptions {
  ownerUrl: string;
  /** Target file; default `var/backups/wegweiser-<UTC timestamp>.dump[.enc]`. */
  out?: string;
  /** BACKUP_ENCRYPTION_KEY; required unless `unencrypted`. */
  key?: string;
  unencrypted?: boolean;
  now?: Date;
  /** The erasure-ledger file that every backup brings up to date with the database's ledger. */
  ledgerFile: string;
}

export interface BackupResult {
  path: string;
  encrypted: boolean;
  durationMs: number;
  /** Ledger entries copied into the ledger file by this backup. */
  ledgerEntriesAdded: number;
}

export function defaultBackupPath(encrypted: boolean, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return join('var/backups', `wegweiser-${stamp}.dump${encrypted ? '.enc' : ''}`);
}

/** `pg_dump --format=custom` of the whole database as its owner, streamed through AES-256-GCM into the file. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const encrypted = !options.unencrypted;
  if (encrypted) checkBackupKey(options.key);
  const path = resolve(options.out ?? defaultBackupPath(encrypted, options.now));
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const started = Date.now();
  try {
    if (encrypted) {
      const dump = runPgTool('pg_dump', ['--format=custom', '--compress=6'], options.ownerUrl);
      await Promise.all([dump.done, encryptBackupStream(dump.stdout, path, options.key as string)]);
    } else {
      await runPgTool('pg_dump', ['--format=custom', '--compress=6', `--file=${path}`], options.ownerUrl).done;
    }
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  const ledgerEntriesAdded = await syncErasureLedgerFile(options.ownerUrl, options.ledgerFile);
  return { path, encrypted, durationMs: Date.now() - started, ledgerEntriesAdded };
}
