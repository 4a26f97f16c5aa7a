import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppConfig } from '@wegweiser/api/core';
import { BackupFormatError, createBackup, erasureLedgerFilePath, restoreBackup, RestoreRefusedError } from '@wegweiser/api/backup';
import { DataDirectoryInUseError, prepareDatabase, startEmbeddedPostgres, StartupLog } from '@wegweiser/api/database';

interface OwnerConnection {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The owner connection WITHOUT provisioning: DATABASE_URL, or the embedded
 * cluster started here (as the API does). For a backup only, an embedded
 * cluster that a running Wegweiser holds is reached through its port and the
 * superuser password beside its data directory (pg_dump reads a consistent
 * snapshot while the API serves).
 */
async function ownerConnection(config: AppConfig, log: StartupLog, allowRunning: boolean): Promise<OwnerConnection> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  try {
    const handle = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
    return { url: handle.url, embedded: true, stop: () => handle.stop() };
  } catch (error) {
    if (!allowRunning || !(error instanceof DataDirectoryInUseError)) throw error;
    const password = (await readFile(`${resolve(config.EMBEDDED_PG_DATA_DIR)}.secret`, 'utf8')).trim();
    return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.EMBEDDED_PG_PORT}/wegweiser`, embedded: true, stop: async () => undefined };
  }
}

export async function backupCommand(config: AppConfig, log: StartupLog, options: { out?: string; unencrypted: boolean }): Promise<number> {
  const key = process.env['BACKUP_ENCRYPTION_KEY'];
  if (!key && !options.unencrypted) {
    log.warn('BACKUP_ENCRYPTION_KEY is not set. Set it (e.g. openssl rand -base64 32, kept apart from the backups), or pass --unencrypted and store the file on encrypted storage only.');
    return 64;
  }
  const connection = await ownerConnection(config, log, true);
  try {
    const ledgerFile = erasureLedgerFilePath();
    const result = await createBackup({ ownerUrl: connection.url, out: options.out, key, unencrypted: options.unencrypted, ledgerFile });
    log.log(`Backup written to ${result.path} (${result.encrypted ? 'encrypted, AES-256-GCM' : 'NOT encrypted'}) in ${result.durationMs} ms.`);
    log.log(`Erasure ledger file ${ledgerFile}: ${result.ledgerEntriesAdded} new entries. Keep it with the backups.`);
    log.log(
      config.DATABASE_URL
        ? 'Keep FIELD_ENCRYPTION_KEYS (and BACKUP_ENCRYPTION_KEY) apart from this file: without them it cannot be used.'
        : `Keep ${resolve(config.EMBEDDED_PG_DATA_DIR)}.keys (and BACKUP_ENCRYPTION_KEY) apart from this file: without them it cannot be used.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupFormatError) {
      log.warn(error.message);
      return 64;
    }
    throw error;
  } finally {
    await connection.stop();
  }
}

export async function restoreCommand(config: AppConfig, log: StartupLog, options: { file?: string; force: boolean }): Promise<number> {
  if (!options.file) {
    log.warn('restore: --file FILE is required.');
    return 64;
  }
  const connection = await ownerConnection(config, log, false);
  try {
    const { durationMs } = await restoreBackup({ ownerUrl: connection.url, file: options.file, key: process.env['BACKUP_ENCRYPTION_KEY'], force: options.force });
    log.log(`Restored ${resolve(options.file)} in ${durationMs} ms.`);
  } catch (error) {
    if (error instanceof RestoreRefusedError || error instanceof BackupFormatError) {
      log.warn(error.message);
      return 1;
    }
    throw error;
  } finally {
    await connection.stop();
  }
  // Newer migrations, the application role and its grants, and the field-key check, exactly as at start-up.
  const database = await prepareDatabase(config, log);
  await database.stop();
  log.log('Now run `npm run erasures:replay` (same configuration) to erase again the clients erased after this backup was made.');
  return 0;
}
