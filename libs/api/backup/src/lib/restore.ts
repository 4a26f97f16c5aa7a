import { existsSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { BackupFormatError, decryptBackupFile, isEncryptedBackup } from './backup-cipher';
import { runPgTool } from './pg-tools';

export class RestoreRefusedError extends Error {}

export interface RestoreOptions {
  ownerUrl: string;
  file: string;
  /** BACKUP_ENCRYPTION_KEY; needed for an encrypted backup. */
  key?: string;
  /** Restore over a database that already holds tables. */
  force?: boolean;
}

/** Tables in the schemas Wegweiser uses (public, pgboss): none in a freshly created database. */
export async function countTargetTables(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-restore' });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'pgboss')`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * Decrypts the backup into a private temporary directory (only once the whole
 * file has authenticated), then `pg_restore --clean --if-exists --no-owner
 * --no-acl` in ONE transaction that stops at the first error: a failed restore
 * leaves the target as it was. Grants are re-applied by provisioning afterwards.
 */
export async function restoreBackup(options: RestoreOptions): Promise<{ durationMs: number }> {
  const file = resolve(options.file);
  if (!existsSync(file)) throw new RestoreRefusedError(`The backup file ${file} does not exist.`);
  const tables = await countTargetTables(options.ownerUrl);
  if (tables > 0 && !options.force) {
    throw new RestoreRefusedError(`The target database already holds ${tables} tables. Restore into an empty database, or add --force to replace its contents.`);
  }
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'wegweiser-restore-'));
  try {
    let dump = file;
    if (await isEncryptedBackup(file)) {
      if (!options.key) throw new BackupFormatError('The backup is encrypted: set BACKUP_ENCRYPTION_KEY.');
      dump = join(work, 'backup.dump');
      await decryptBackupFile(file, dump, options.key);
    } else if (!(await startsWithPgDumpMagic(file))) {
      throw new BackupFormatError('The file is neither an encrypted Wegweiser backup nor a pg_dump custom-format file.');
    }
    await runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', dump], options.ownerUrl).done;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { durationMs: Date.now() - started };
}

async function startsWithPgDumpMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const start = Buffer.alloc(5);
    await handle.read(start, 0, 5, 0);
    return start.toString('ascii') === 'PGDMP';
  } finally {
    await handle.close();
  }
}
