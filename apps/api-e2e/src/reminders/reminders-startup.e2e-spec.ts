import { calendarToday } from '@wegweiser/api/core';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { apiMain, ApiProcess, freePort, startProcess, stopProcess, waitForReady, workspaceRoot } from '../support/api-process';

/**
 * The start-up order of the real bundle (`node dist/apps/api/main.js`, what
 * `npm start` runs) with no reminder flag at all: the embedded database gets
 * migrations and the demo data (anchored to today) first, then the generator
 * runs once, before the API reports ready. So a new user sees reminders at
 * once, for the demo managers' own clients, and appointments this week.
 */
describe('reminders at start-up (embedded, demo data, defaults)', () => {
  const runDir = join(process.env['E2E_RUN_DIR'] ?? join(workspaceRoot, 'tmp/api-e2e'), 'reminders-startup');
  const dataDir = join(runDir, 'postgres');
  let api: ApiProcess | undefined;
  let env: Record<string, string>;

  const query = async <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const password = readFileSync(`${dataDir}.secret`, 'utf8').trim();
    const client = new Client({ host: '127.0.0.1', port: Number(env['EMBEDDED_PG_PORT']), user: 'postgres', password, database: 'wegweiser' });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    await rm(runDir, { recursive: true, force: true });
    // Deliberately no REMINDERS_* and no DEMO_REFERENCE_DATE: the defaults are under test.
    env = { PORT: String(await freePort()), HOST: '127.0.0.1', NODE_ENV: 'production', EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), DEMO_CLIENTS: '120' };
    api = startProcess([apiMain], env, Number(env['PORT']));
    await waitForReady(api);
  });

  afterAll(async () => {
    if (api) await stopProcess(api, 'SIGTERM');
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      try {
        process.kill(postmasterPid(), 'SIGINT');
      } catch {
        // already stopped with the API
      }
    }
  });

  it('has created reminders of every due kind by the time it is ready, after the demo data', async () => {
    expect(api?.output()).toContain('Demodaten geladen');
    const kinds = await query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM reminder GROUP BY kind');
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(byKind['goal_overdue']).toBeGreaterThan(0);
    expect(byKind['step_overdue']).toBeGreaterThan(0);
    // Created after the demo rows (the generator ran on loaded data), for today.
    const [order] = await query<{ after: boolean }>('SELECT min(r.created_at) >= max(c.created_at) AS after FROM reminder r, client c');
    expect(order).toEqual({ after: true });
  });

  it("addresses them to the clients' responsible managers, who see them (their own clients)", async () => {
    const [row] = await query<{ total: number; own: number; managers: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE r.recipient_id = c.responsible_manager_id)::int AS own, count(DISTINCT r.recipient_id)::int AS managers
         FROM reminder r JOIN client c ON c.id = r.client_id`,
    );
    expect(row?.total).toBeGreaterThan(0);
    expect(row?.own).toBe(row?.total);
    expect(row?.managers).toBeGreaterThan(1);
  });

  it('has demo appointments in the coming week, relative to the day of the start', async () => {
    const today = calendarToday();
    const [row] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conversation v JOIN client c ON c.id = v.client_id
        WHERE c.support_state = 'active' AND (v.next_appointment_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN $1::date AND $1::date + 7`,
      [today],
    );
    expect(row?.n).toBeGreaterThan(0);
  });
});
