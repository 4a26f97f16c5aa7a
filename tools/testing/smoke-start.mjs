#!/usr/bin/env node
// Scripted check of the README's `npm start` on a fresh data directory:
// /api/health answers 200, / serves the Angular app, the demo data is loaded,
// and SIGTERM stops everything cleanly. Prints the measured time to ready.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = join(root, 'tmp/smoke-start/postgres');
rmSync(join(root, 'tmp/smoke-start'), { recursive: true, force: true });
const port = process.env.SMOKE_PORT ?? '3917';
const base = `http://127.0.0.1:${port}`;

const started = Date.now();
const child = spawn('npm', ['start'], {
  cwd: root,
  env: { ...process.env, PORT: port, EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: process.env.SMOKE_PG_PORT ?? '5917', DEMO_DATA: 'auto' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let output = '';
child.stdout.on('data', (c) => (output += c));
child.stderr.on('data', (c) => (output += c));
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

function fail(message) {
  process.stderr.write(`smoke-start FAILED: ${message}\n--- output ---\n${output}\n`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  process.exit(1);
}

const deadline = Date.now() + 300_000;
let healthy = false;
while (!healthy && Date.now() < deadline) {
  if (child.exitCode !== null) fail(`npm start exited with ${child.exitCode}`);
  healthy = await fetch(`${base}/api/health`).then((r) => r.status === 200, () => false);
  if (!healthy) await new Promise((r) => setTimeout(r, 300));
}
if (!healthy) fail('/api/health did not answer 200');
const readyMs = Date.now() - started;

const index = await fetch(`${base}/`);
const html = await index.text();
if (index.status !== 200 || !html.includes('<ww-root')) fail(`/ did not serve the Angular app (status ${index.status})`);
if ((await fetch(`${base}/api/health/ready`)).status !== 200) fail('/api/health/ready is not 200');
const demo = output.match(/Demo data loaded in \d+ ms: ([^"]+)/);
if (!demo || !/\d+ clients/.test(demo[1])) fail('no demo data was loaded');
if (!output.includes('Wegweiser läuft / is running')) fail('the URL and sign-in hint were not printed');

// Like Ctrl+C in a terminal or `docker stop`: the whole process group gets the signal.
process.kill(-child.pid, 'SIGTERM');
await exited;
await new Promise((r) => setTimeout(r, 500));
if (!output.includes('"msg":"Stopped"')) fail('the server did not report a clean stop');
if (existsSync(join(dataDir, 'postmaster.pid'))) fail('the embedded PostgreSQL is still running after SIGTERM');
if (await fetch(`${base}/api/health`).then(() => true, () => false)) fail('the server still answers after SIGTERM');
process.stdout.write(`smoke-start OK: npm start -> healthy in ${readyMs} ms (incl. build check); demo data: ${demo[1]}\n`);
