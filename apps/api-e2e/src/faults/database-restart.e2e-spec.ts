import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { apiMain, ApiProcess, freePort, startProcess, stopProcess, waitForReady, workspaceRoot } from '../support/api-process';
import { HttpSession, OwnCluster, sleep } from './fault-support';

interface Outcome {
  /** When the request was sent and when its answer came. */
  phase: 'before' | 'outage' | 'after';
  answeredIn: 'before' | 'outage' | 'after';
  status: number | 'network-error';
  code?: string;
  retryAfter?: string | null;
}

/**
 * Issue 8, acceptance 4: PostgreSQL goes away under a stream of requests and
 * comes back; the API (the built bundle, never restarted) answers 503
 * `databaseUnavailable` meanwhile — never a 500 — and serves again by itself.
 * The cluster is the test's own embedded one, not the shared server.
 */
describe('faults: PostgreSQL restart under load', () => {
  const runDir = join(process.env['E2E_RUN_DIR'] ?? join(workspaceRoot, 'tmp/api-e2e'), 'fault-db-restart');
  let cluster: OwnCluster;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    await rm(runDir, { recursive: true, force: true });
    const port = await freePort();
    cluster = new OwnCluster(join(runDir, 'postgres'), await freePort());
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      EMBEDDED_PG_DATA_DIR: cluster.dataDir,
      EMBEDDED_PG_PORT: String(cluster.port),
      DEMO_CLIENTS: '120',
    };
    api = startProcess([apiMain], env, port);
    await waitForReady(api);
  });

  afterAll(async () => {
    // The cluster restarted by the test is no child of the API any more: stop both explicitly.
    if (api) await stopProcess(api, 'SIGKILL');
    await cluster?.stopIfRunning();
  });

  it('keeps the status of errors raised before the routes in the built bundle (CSRF 403, not the static handler\'s 404)', async () => {
    if (!api) throw new Error('API not started');
    const response = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('csrfTokenInvalid');
  });

  it('answers 503 databaseUnavailable (never 500) while PostgreSQL is down and recovers without a restart', async () => {
    if (!api) throw new Error('API not started');
    const manager = await HttpSession.signIn(api.baseUrl, 'julia.neumann@bh.wegweiser.example');
    const outcomes: Outcome[] = [];
    let phase: Outcome['phase'] = 'before';
    let firing = true;
    const worker = async () => {
      while (firing) {
        const current = phase;
        try {
          const response = await manager.request('GET', '/api/clients', undefined, AbortSignal.timeout(20_000));
          const body = (await response.json().catch(() => ({}))) as { code?: string };
          outcomes.push({ phase: current, answeredIn: phase, status: response.status, code: body.code, retryAfter: response.headers.get('retry-after') });
        } catch {
          outcomes.push({ phase: current, answeredIn: phase, status: 'network-error' });
        }
        await sleep(20);
      }
    };
    const workers = Promise.all([worker(), worker(), worker(), worker()]);

    await sleep(1_500);
    phase = 'outage';
    await cluster.stop();
    await sleep(3_000);
    const readyDuringOutage = await fetch(`${api.baseUrl}/api/health/ready`);
    const readyBody = (await readyDuringOutage.json()) as { code: string; errors: Record<string, string> };
    await cluster.start();
    phase = 'after';
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !outcomes.some((o) => o.phase === 'after' && o.status === 200)) await sleep(100);
    await sleep(1_000);
    firing = false;
    await workers;

    expect(readyDuringOutage.status).toBe(503);
    expect(readyBody.errors).toEqual(expect.objectContaining({ database: 'unreachable' }));

    // Before the outage everything worked.
    const before = outcomes.filter((o) => o.answeredIn === 'before');
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((o) => o.status !== 200)).toEqual([]);
    // During it: only 503 with the code and Retry-After (never a 500, never a dropped connection).
    const outage = outcomes.filter((o) => o.phase === 'outage' && o.answeredIn === 'outage');
    expect(outage.length).toBeGreaterThan(0);
    const wrong = outcomes.filter((o) => o.status !== 200 && !(o.status === 503 && o.code === 'databaseUnavailable' && Number(o.retryAfter) > 0));
    expect(wrong).toEqual([]);
    expect(outage.some((o) => o.status === 503)).toBe(true);
    // After the restart: served again by the same process, with the same session.
    expect(outcomes.some((o) => o.phase === 'after' && o.status === 200)).toBe(true);
    expect(api.child.exitCode).toBeNull();
    expect((await manager.request('GET', '/api/clients')).status).toBe(200);
    expect((await fetch(`${api.baseUrl}/api/health/ready`)).status).toBe(200);
  });
});
