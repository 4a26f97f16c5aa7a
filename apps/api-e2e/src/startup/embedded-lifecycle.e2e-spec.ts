import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { apiMain, ApiProcess, freePort, startProcess, stopProcess, waitForReady, workspaceRoot } from '../support/api-process';

/**
 * The embedded-database path of the real bundle (`node dist/apps/api/main.js`,
 * what `npm start` runs): first start with demo data, kill -9, restart with
 * the data intact, SIGTERM stopping PostgreSQL too.
 */
describe('embedded PostgreSQL lifecycle', () => {
  const runDir = join(process.env['E2E_RUN_DIR'] ?? join(workspaceRoot, 'tmp/api-e2e'), 'lifecycle');
  const dataDir = join(runDir, 'postgres');
  let api: ApiProcess | undefined;
  let env: Record<string, string>;

  const superuserQuery = async <T extends object>(sql: string): Promise<T[]> => {
    const password = readFileSync(`${dataDir}.secret`, 'utf8').trim();
    const client = new Client({ host: '127.0.0.1', port: Number(env['EMBEDDED_PG_PORT']), user: 'postgres', password, database: 'wegweiser' });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    await rm(runDir, { recursive: true, force: true });
    const port = await freePort();
    env = { PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), DEMO_CLIENTS: '120' };
  });

  afterAll(async () => {
    if (api) await stopProcess(api, 'SIGKILL');
    if (existsSync(join(dataDir, 'postmaster.pid')) && alive(postmasterPid())) process.kill(postmasterPid(), 'SIGINT');
  });

  it('first start: serves /api/health, the Angular client at /, and loads the demo data', async () => {
    api = startProcess([apiMain], env, Number(env['PORT']));
    await waitForReady(api);
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
    const index = await fetch(`${api.baseUrl}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<ww-root');
    const [counts] = await superuserQuery<{ municipalities: string; clients: string }>(
      'SELECT (SELECT count(*) FROM municipality) AS municipalities, (SELECT count(*) FROM client) AS clients',
    );
    expect(Number(counts?.municipalities)).toBe(2);
    expect(Number(counts?.clients)).toBe(120);
    expect(api.output()).toContain('Demodaten geladen');
  });

  it('kill -9 leaves an orphaned PostgreSQL; the next start recovers with the data intact', async () => {
    if (!api) throw new Error('previous test did not start the API');
    await superuserQuery(`UPDATE client SET first_name = 'Überlebt' WHERE case_number = (SELECT min(case_number) FROM client)`);
    const orphan = postmasterPid();
    expect(await stopProcess(api, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(alive(orphan)).toBe(true);

    api = startProcess([apiMain], env, Number(env['PORT']));
    await waitForReady(api);
    expect(alive(orphan)).toBe(false);
    const [row] = await superuserQuery<{ clients: string; survivors: string }>(
      `SELECT count(*) AS clients, count(*) FILTER (WHERE first_name = 'Überlebt') AS survivors FROM client`,
    );
    expect(row).toEqual({ clients: '120', survivors: '1' });
    expect(api.output()).not.toContain('Demodaten geladen');
  });

  it('recovers from a stale postmaster.pid whose process is gone', async () => {
    if (!api) throw new Error('previous test did not start the API');
    const postgres = postmasterPid();
    await stopProcess(api, 'SIGKILL');
    process.kill(postgres, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(true);

    api = startProcess([apiMain], env, Number(env['PORT']));
    await waitForReady(api);
    const [row] = await superuserQuery<{ clients: string }>('SELECT count(*) AS clients FROM client');
    expect(row?.clients).toBe('120');
  });

  it('SIGTERM shuts down gracefully and stops PostgreSQL', async () => {
    if (!api) throw new Error('previous test did not start the API');
    const postgres = postmasterPid();
    expect(await stopProcess(api, 'SIGTERM')).toEqual({ code: 0, signal: null });
    api = undefined;
    expect(alive(postgres)).toBe(false);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('refuses to start a second instance on the same data directory', async () => {
    const first = startProcess([apiMain], env, Number(env['PORT']));
    api = first;
    await waitForReady(first);
    const secondPort = await freePort();
    const second = startProcess([apiMain], { ...env, PORT: String(secondPort) }, secondPort);
    const result = await second.exited;
    expect(result.code).toBe(1);
    expect(second.output()).toContain('in use by another Wegweiser process');
    expect((await fetch(`${first.baseUrl}/api/health/ready`)).status).toBe(200);
  });
});
