import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { apiMain, ApiProcess, freePort, startProcess, stopProcess, waitForReady, workspaceRoot } from '../support/api-process';
import { HttpSession, OwnCluster, sleep } from './fault-support';

const MANAGER = 'julia.neumann@bh.wegweiser.example';
const GOALS = 40;

interface PlanState {
  states: Record<string, number>;
  versions: number[];
  outcomes: number;
}

/**
 * Issue 8, acceptance 5 and graceful shutdown, with the built API on its own
 * embedded cluster. The multi-row write of a plan: goals are saved one per
 * request, but recording a reached language level (POST outcome `b1`) inserts
 * the outcome and marks every open language goal up to that level achieved,
 * in one request. Killed with SIGKILL in the middle of it, the plan must be
 * entirely old (all goals open, no new outcome) or entirely new.
 */
describe('faults: kill -9 mid-save and SIGTERM', () => {
  const runDir = join(process.env['E2E_RUN_DIR'] ?? join(workspaceRoot, 'tmp/api-e2e'), 'fault-process');
  let cluster: OwnCluster;
  let env: Record<string, string>;
  let api: ApiProcess | undefined;
  let client: { id: string; municipality_id: string; achieved_on: string };

  const start = async () => {
    api = startProcess([apiMain], env, Number(env['PORT']));
    await waitForReady(api);
    return api;
  };

  const planState = async (): Promise<PlanState> => {
    const goals = await cluster.query<{ state: string; version: number }>('SELECT state, version FROM goal WHERE client_id = $1', [client.id]);
    const [outcomes] = await cluster.query<{ n: string }>(`SELECT count(*) AS n FROM outcome WHERE client_id = $1 AND kind = 'b1'`, [client.id]);
    const states: Record<string, number> = {};
    for (const goal of goals) states[goal.state] = (states[goal.state] ?? 0) + 1;
    return { states, versions: [...new Set(goals.map((g) => Number(g.version)))], outcomes: Number(outcomes?.n) };
  };

  /** The plan as the test left it before a save: GOALS open B1 language goals, version 1. */
  const resetPlan = async () => {
    await cluster.query('DELETE FROM goal WHERE client_id = $1', [client.id]);
    // The same B1 outcome twice is refused (409 outcomeExists): each save starts without it.
    await cluster.query(`DELETE FROM outcome WHERE client_id = $1 AND kind = 'b1'`, [client.id]);
    await cluster.query(
      `INSERT INTO goal (municipality_id, client_id, field_of_action, target, target_level, due_on, state, state_changed_on)
       SELECT $1, $2, 'language', 'Sprachziel ' || n, 'B1', c.support_window_end - 1, 'open', c.support_start
         FROM generate_series(1, ${GOALS}) AS n, client c WHERE c.id = $2`,
      [client.municipality_id, client.id],
    );
  };

  const saveB1 = (session: HttpSession, signal?: AbortSignal) =>
    session.request('POST', `/api/clients/${client.id}/outcomes`, { kind: 'b1', achievedOn: client.achieved_on, level: 'B1', certificate: 'telc Deutsch B1' }, signal);

  beforeAll(async () => {
    await rm(runDir, { recursive: true, force: true });
    cluster = new OwnCluster(join(runDir, 'postgres'), await freePort());
    env = { PORT: String(await freePort()), HOST: '127.0.0.1', NODE_ENV: 'production', EMBEDDED_PG_DATA_DIR: cluster.dataDir, EMBEDDED_PG_PORT: String(cluster.port), DEMO_CLIENTS: '120' };
    await start();
    const [row] = await cluster.query<typeof client>(
      `SELECT c.id, c.municipality_id, (c.support_start + 1)::text AS achieved_on FROM client c JOIN app_user u ON u.id = c.responsible_manager_id
        WHERE u.email = $1 AND c.support_state <> 'closed' AND c.support_start < current_date - 2 ORDER BY c.case_number LIMIT 1`,
      [MANAGER],
    );
    if (!row) throw new Error('no writable demo client of the manager');
    client = row;
  });

  afterAll(async () => {
    if (api) await stopProcess(api, 'SIGKILL');
    await cluster?.stopIfRunning();
  });

  it('a save of a plan with 40 goals killed with SIGKILL leaves the plan entirely old or entirely new (10 runs)', async () => {
    // One undisturbed save: it works, and its duration spreads the kills over the write.
    await resetPlan();
    let session = await HttpSession.signIn((api as ApiProcess).baseUrl, MANAGER);
    const began = Date.now();
    expect((await saveB1(session)).status).toBe(201);
    const duration = Date.now() - began;
    expect(await planState()).toEqual({ states: { achieved: GOALS }, versions: [2], outcomes: 1 });

    const results: string[] = [];
    for (let run = 0; run < 10; run++) {
      await resetPlan();
      const before = (await planState()).outcomes;
      session = await HttpSession.signIn((api as ApiProcess).baseUrl, MANAGER);
      const save = saveB1(session).then(
        (response) => `answered ${response.status}`,
        () => 'killed in flight',
      );
      await sleep(Math.round(duration * (0.1 + 0.8 * Math.random())));
      await stopProcess(api as ApiProcess, 'SIGKILL');
      results.push(await save);
      await start(); // recovers the orphaned PostgreSQL of the killed process

      const after = await planState();
      const old = { states: { open: GOALS }, versions: [1], outcomes: before };
      const saved = { states: { achieved: GOALS }, versions: [2], outcomes: before + 1 };
      expect([old, saved]).toContainEqual(after);
    }
    // The kills did land while saves were running (not only before or after them).
    expect(results).toContain('killed in flight');
  }, 600_000);

  it('SIGTERM lets an in-flight save finish (200/201) and refuses new connections meanwhile', async () => {
    await resetPlan();
    const running = api as ApiProcess;
    const session = await HttpSession.signIn(running.baseUrl, MANAGER);
    // Hold the client row: the save blocks on it inside its transaction, a real request kept in flight.
    const blocker = await cluster.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM goal WHERE client_id = $1 FOR UPDATE', [client.id]);
    const save = saveB1(session);
    const waiting = async () =>
      Number((await cluster.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'wegweiser'`))[0]?.n) > 0;
    for (let i = 0; i < 100 && !(await waiting()); i++) await sleep(100);
    expect(await waiting()).toBe(true);

    running.child.kill('SIGTERM');
    let refused = false;
    for (let i = 0; i < 100 && !refused; i++) {
      refused = await fetch(`${running.baseUrl}/api/health`).then(
        () => false,
        () => true,
      );
      if (!refused) await sleep(100);
    }
    expect(refused).toBe(true);
    expect(running.child.exitCode).toBeNull(); // still finishing the save

    await blocker.query('COMMIT');
    await blocker.end();
    const response = await save;
    expect(response.status).toBe(201);
    expect(await running.exited).toEqual({ code: 0, signal: null });
    api = undefined;

    await start();
    expect(await planState()).toEqual(expect.objectContaining({ states: { achieved: GOALS }, versions: [2] }));
  }, 120_000);
});
