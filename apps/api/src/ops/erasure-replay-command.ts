import { NestFactory } from '@nestjs/core';
import { erasureLedgerFilePath, readErasureLedgerFile, replayErasures } from '@wegweiser/api/backup';
import { loadConfig } from '@wegweiser/api/core';
import { DatabaseRuntime, TenantTransactions } from '@wegweiser/api/database';
import { ErasureCause, ErasureService } from '@wegweiser/api/retention';
import { ClsService } from 'nestjs-cls';
import { AppModule } from '../app/app.module';

/**
 * `erasures:replay`: after restoring an older backup, erases again every client
 * listed in the erasure-ledger file (ERASURE_LEDGER_FILE) or the database's
 * ledger who exists in the restored data, through the application's own
 * erasure path (anonymous evaluation record, cascade, ledger row, audit
 * event), each in its own tenant transaction. Idempotent; counts only.
 */
export async function erasureReplayCommand(database: DatabaseRuntime, log: { log(m: string): void; warn(m: string): void }): Promise<number> {
  const file = erasureLedgerFilePath();
  const entries = await readErasureLedgerFile(file);
  // The API's composition, without serving, jobs or schedules.
  const config = loadConfig({ ...process.env, DEMO_DATA: 'false', JOBS_ENABLED: 'false', REMINDERS_SCHEDULE: 'false', REMINDERS_RUN_ON_START: 'false', LOG_LEVEL: 'warn', STATIC_DIR: '/nonexistent' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database), { logger: ['error'] });
  try {
    const erasure = app.get(ErasureService);
    const transactions = app.get(TenantTransactions);
    const cls = app.get(ClsService);
    const started = Date.now();
    const result = await replayErasures(database.ownerUrl, entries, (target) =>
      cls.run(() => transactions.withTenant(target.municipalityId, null, () => erasure.erase(target.clientId, target.reason as ErasureCause, target.erasedOn))),
    );
    log.log(
      `Erasure replay (${entries.length} entries in ${file}, plus the database ledger) in ${Date.now() - started} ms: ${result.listed} clients listed, ${result.erased} erased again, ${result.alreadyGone} already gone, ${result.failed} refused.`,
    );
    if (result.failed) log.warn('Some listed clients could not be erased again (e.g. a legal hold in the restored data): check them, then run erasures:replay again.');
    return result.failed ? 1 : 0;
  } finally {
    await app.close();
  }
}
