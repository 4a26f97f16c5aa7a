#!/usr/bin/env node
// `npm test`: provision the tools outside npm (Chromium, pg_dump), then lint + unit tests of every
// project, the API e2e suite against real PostgreSQL and the browser suite in Chromium. Prints each
// step's duration and ends with one summary line.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { EXIT_MISSING_TOOL, provision } from './testing/provision.mjs';
import { readSummary, summaryDir, summaryLine } from './testing/summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { buildApps } = createRequire(import.meta.url)('./build-freshness.cjs');
const started = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

const provisioned = provision({ log: (line) => process.stdout.write(`${line}\n`) });
if (!provisioned.ok) {
  process.stderr.write(`${provisioned.message}\n`);
  process.exit(EXIT_MISSING_TOOL);
}
const { chromium, pg } = provisioned.tools;
process.stdout.write(`Chromium: ${chromium.path} (${chromium.source}); pg_dump: ${pg.path} (${pg.source}) [${seconds(started)}]\n`);

rmSync(summaryDir, { recursive: true, force: true });
const env = {
  ...provisioned.env,
  TZ: 'UTC',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  SCARF_ANALYTICS: 'false',
};
const nx = join(root, 'node_modules/nx/dist/bin/nx.js');
const steps = [
  // Built by `npm install` already (Nx cache): this only checks. Everything after it uses dist/.
  ['build (api, client)', 'build', []],
  // The browser suite mostly waits (for the page, the API, animations), so it runs in the background from here on,
  // beside the unit tests and the API e2e suite, on two API servers of its own (two shards, one worker each:
  // apps/client-e2e/src/support/shards.ts); its output goes to a file, printed when it ends. Playwright itself rather
  // than `nx run client-e2e:e2e` (which runs just that, after the build): two Nx processes at once in one workspace
  // would share Nx's workspace database.
  ['browser e2e (Chromium)', join(root, 'node_modules/@playwright/test/cli.js'), ['test', '--config', 'apps/client-e2e/playwright.config.ts'], 'background', { CLIENT_E2E_SHARDS: '2' }],
  ['lint, type check and unit tests', nx, ['run-many', '-t', 'lint', 'typecheck', 'test', '--parallel=2', '--outputStyle=static', '--skip-nx-cache']],
  ['API e2e (real PostgreSQL)', nx, ['run', 'api-e2e:e2e', '--outputStyle=static', '--excludeTaskDependencies']],
];

const failedSteps = [];
const timings = [];
const record = (name, duration, status) => {
  timings.push([name, duration, status === 0 ? 'ok' : 'FAILED']);
  if (status !== 0) failedSteps.push(name);
};

function runStep(bin, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit', env });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Starts a step in the background with its output in a log file; resolves once it has ended. */
function startInBackground(name, bin, args, extraEnv = {}) {
  const logFile = join(root, 'test-output', `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  process.stdout.write(`\n=== ${name}: runs in the background beside the next steps (output: ${logFile}) ===\n`);
  const stepStarted = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, ...extraEnv } });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const duration = seconds(stepStarted);
      log.end(() => resolve({ name, logFile, duration, status: code ?? 1 }));
    });
  });
}

const background = [];
for (const [name, bin, args, mode, extraEnv] of steps) {
  if (mode === 'background') {
    background.push(startInBackground(name, bin, args, extraEnv));
    continue;
  }
  process.stdout.write(`\n=== ${name} ===\n`);
  const stepStarted = Date.now();
  const status = bin === 'build' ? buildApps({ env }) : await runStep(bin, args);
  record(name, seconds(stepStarted), status);
  if (status !== 0 && bin === 'build') break; // nothing after it can run without the build
}
for (const done of await Promise.all(background)) {
  process.stdout.write(`\n=== ${done.name} (ran in the background) ===\n`);
  process.stdout.write(readFileSync(done.logFile, 'utf8'));
  record(done.name, done.duration, done.status);
}

process.stdout.write('\nStep durations:\n');
for (const [name, duration, state] of timings) process.stdout.write(`  ${name.padEnd(34)} ${duration.padStart(7)}  ${state}\n`);
process.stdout.write(`  ${'npm test in all'.padEnd(34)} ${seconds(started).padStart(7)}\n`);
if (failedSteps.length) process.stdout.write(`\nFailed steps: ${failedSteps.join(', ')}\n`);
const total = readSummary();
if (failedSteps.length && total.failed === 0) total.failed = failedSteps.length;
process.stdout.write(`\n${summaryLine(total)}\n`);
process.exit(failedSteps.length || total.failed ? 1 : 0);
