import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandName, isAlive, readPidFile, waitForExit } from './process-utils';

export interface RecoveryLog {
  warn(message: string): void;
}

/** The file in which the Node process that owns an embedded cluster records its pid. */
export const ownerPidFile = (dataDir: string) => `${dataDir}.owner.pid`;

export class DataDirectoryInUseError extends Error {
  constructor(dataDir: string, ownerPid: number) {
    super(`The embedded database directory ${dataDir} is in use by another Wegweiser process (pid ${ownerPid}). Stop it first or set EMBEDDED_PG_DATA_DIR.`);
    this.name = 'DataDirectoryInUseError';
  }
}

/**
 * Makes the data directory startable after a crash:
 * - another live Wegweiser process owns it -> refuse (never kill a sibling's database);
 * - a postmaster from a crashed run still runs -> fast shutdown (SIGINT), escalating if needed;
 * - a stale postmaster.pid without a process -> removed.
 */
export async function recoverDataDirectory(dataDir: string, log: RecoveryLog): Promise<void> {
  const ownerPid = await readPidFile(ownerPidFile(dataDir));
  if (ownerPid && ownerPid !== process.pid && (await isRunning(ownerPid, 'node'))) {
    throw new DataDirectoryInUseError(dataDir, ownerPid);
  }
  const postmasterPidFile = join(dataDir, 'postmaster.pid');
  const postmasterPid = await readPidFile(postmasterPidFile);
  if (postmasterPid && (await isRunning(postmasterPid, 'postgres'))) {
    log.warn(`Stopping orphaned PostgreSQL (pid ${postmasterPid}) left behind by a crashed run.`);
    await stopOrphan(postmasterPid);
  } else if (postmasterPid) {
    log.warn('Removing stale postmaster.pid left behind by a crashed run.');
    await rm(postmasterPidFile, { force: true });
  }
  await writeFile(ownerPidFile(dataDir), `${process.pid}\n`, { mode: 0o600 });
}

/** Alive and running `program` (where the platform cannot tell the name, alive is enough). */
async function isRunning(pid: number, program: string): Promise<boolean> {
  if (!isAlive(pid)) return false;
  const name = await commandName(pid);
  return name === undefined || name.startsWith(program);
}

async function stopOrphan(pid: number): Promise<void> {
  for (const [signal, waitMs] of [['SIGINT', 15_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitForExit(pid, waitMs)) return;
  }
  throw new Error(`Could not stop the orphaned PostgreSQL process ${pid}.`);
}

export async function releaseDataDirectory(dataDir: string): Promise<void> {
  if ((await readPidFile(ownerPidFile(dataDir))) === process.pid) await rm(ownerPidFile(dataDir), { force: true });
}
