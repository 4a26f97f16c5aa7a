// Starts the built API (production mode, dist/apps/api/main.js) as a process of its own against the bench database,
// and reads its resident memory while the load runs.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Fixed, test-only secrets of the bench database (never used anywhere else). */
export function apiEnvironment({ ownerUrl, port }) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: ownerUrl,
    DATABASE_APP_ROLE: 'wegweiser_bench_app',
    DATABASE_APP_PASSWORD: 'bench-app-password',
    SESSION_SECRET: 'bench-session-secret-of-at-least-32-characters',
    FIELD_ENCRYPTION_KEYS: `bench:${Buffer.from('wegweiser bench field key, test!').toString('base64')}`,
    FIELD_ENCRYPTION_ACTIVE_KEY: 'bench',
    DEMO_DATA: 'false',
    // Every manager and team lead of the run signs in from this one address.
    LOGIN_RATE_LIMIT_PER_IP: '10000',
    ERASURE_LEDGER_FILE: join('tmp', 'bench', 'erasure-ledger.jsonl'),
  };
}

export async function waitReady(baseUrl, timeoutMs, isAlive = () => true) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (!isAlive()) throw new Error('the API exited before it was ready');
    try {
      const response = await fetch(`${baseUrl}/api/health/ready`);
      if (response.ok) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

/** `command` (default: node dist/apps/api/main.js) until /api/health/ready answers; returns the process and seconds to ready. */
export async function startApi({ root, env, port, logFile, command = [join(root, 'dist/apps/api/main.js')] }) {
  // Straight into the file: through a pipe, the API's synchronous log writes would wait whenever this (busy) process
  // is slow to read, and that wait would be measured as request latency.
  const log = openSync(logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, command, { cwd: root, env, stdio: ['ignore', log, log] });
  closeSync(log);
  let alive = true;
  child.on('exit', () => (alive = false));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(baseUrl, 600_000, () => alive);
  return {
    child,
    baseUrl,
    readySeconds: (performance.now() - started) / 1000,
    stop: () =>
      new Promise((resolve) => {
        if (!alive) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Resident set size of `pid` in MiB (Linux). */
export function rssMiB(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the RSS of `pid` every 200 ms until stopped; returns the peak. */
export function sampleRss(pid) {
  let peak = rssMiB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 200);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMiB(pid));
  };
}
