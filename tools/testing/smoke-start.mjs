#!/usr/bin/env node
// Scripted check of the README's `npm start`, twice: on a fresh data directory (the first start after
// `npm install`) and again on the data it left (every later start). Each time /api/health answers 200,
// / serves the Angular app, the URL and demo sign-in are printed, and SIGTERM stops everything cleanly.
// Prints the measured time to ready of both starts (targets: first ≤ 20 s, later ≤ 10 s; see
// docs/development.md). Timing goals are reported, not asserted: the benchmark is where they are judged.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = join(root, 'tmp/smoke-start/postgres');
rmSync(join(root, 'tmp/smoke-start'), { recursive: true, force: true });

/** A port nothing listens on: the check must never talk to another server left on a fixed port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(String(port)));
    });
  });
}

const port = process.env.SMOKE_PORT ?? (await freePort());
const pgPort = process.env.SMOKE_PG_PORT ?? (await freePort());
const base = `http://127.0.0.1:${port}`;

async function waitFor(condition, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

async function startOnce(label) {
  const started = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: port, EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort, DEMO_DATA: 'auto' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  // 'close': npm and everything it started (which share its output pipes) have let go of stdout and stderr.
  const closed = new Promise((resolve) => child.on('close', resolve));

  const fail = (message) => {
    process.stderr.write(`smoke-start FAILED (${label}): ${message}\n--- output ---\n${output}\n`);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    process.exit(1);
  };

  const deadline = Date.now() + 300_000;
  let healthy = false;
  while (!healthy && Date.now() < deadline) {
    if (child.exitCode !== null) fail(`npm start exited with ${child.exitCode}`);
    healthy = await fetch(`${base}/api/health`).then((r) => r.status === 200, () => false);
    if (!healthy) await new Promise((r) => setTimeout(r, 100));
  }
  if (!healthy) fail('/api/health did not answer 200');
  const readyMs = Date.now() - started;

  const index = await fetch(`${base}/`);
  const html = await index.text();
  if (index.status !== 200 || !html.includes('<ww-root')) fail(`/ did not serve the Angular app (status ${index.status})`);
  if ((await fetch(`${base}/api/health/ready`)).status !== 200) fail('/api/health/ready is not 200');
  // The demo data are loaded once, on the empty data directory; a later start finds them there.
  const demo = output.match(/Demo data loaded in \d+ ms: ([^"]+)/);
  if (label === 'first' && (!demo || !/\d+ clients/.test(demo[1]))) fail('no demo data was loaded');
  if (label !== 'first' && demo) fail('the demo data were loaded again into an existing database');
  if (!output.includes('Wegweiser läuft / is running')) fail('the URL was not printed');
  if (label === 'first' && !output.includes('Demo-Anmeldung / demo sign-in')) fail('the demo sign-in was not printed');

  // Like Ctrl+C in a terminal or `docker stop`: the whole process group gets the signal.
  process.kill(-child.pid, 'SIGTERM');
  const stopTimeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000).unref());
  if ((await Promise.race([closed, stopTimeout])) === 'timeout') fail('npm start did not end within 30 s of SIGTERM');
  if (!output.includes('"msg":"Stopped"')) fail('the server did not report a clean stop');
  // PostgreSQL removes its pid file as the last step of its shutdown; on a loaded machine that can take a moment.
  if (!(await waitFor(() => !existsSync(join(dataDir, 'postmaster.pid')), 15_000))) {
    fail('the embedded PostgreSQL is still running 15 s after SIGTERM');
  }
  if (await fetch(`${base}/api/health`).then(() => true, () => false)) fail('the server still answers after SIGTERM');
  return { readyMs, demo: demo?.[1] };
}

const first = await startOnce('first');
const second = await startOnce('second');
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
process.stdout.write(`smoke-start OK: demo data: ${first.demo}\n`);
process.stdout.write(
  `npm start to ready (incl. build check): first start ${s(first.readyMs)} (target ≤ 20 s), second start ${s(second.readyMs)} (target ≤ 10 s)\n`,
);
