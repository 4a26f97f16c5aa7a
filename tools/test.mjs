#!/usr/bin/env node
// `npm test`: lint + unit tests of every project, then the API e2e suite against
// real PostgreSQL, then the browser suite in Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSummary, summaryDir, summaryLine } from './testing/summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(summaryDir, { recursive: true, force: true });

const env = { ...process.env, TZ: 'UTC', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', SCARF_ANALYTICS: 'false' };
const nx = join(root, 'node_modules/nx/dist/bin/nx.js');
const steps = [
  ['lint and unit tests', ['run-many', '-t', 'lint', 'test', '--parallel=2', '--outputStyle=static', '--skip-nx-cache']],
  ['API e2e (real PostgreSQL)', ['run', 'api-e2e:e2e', '--outputStyle=static']],
  ['browser e2e (Chromium)', ['run', 'client-e2e:e2e', '--outputStyle=static']],
];

const failedSteps = [];
for (const [name, args] of steps) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, [nx, ...args], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) failedSteps.push(name);
}

if (failedSteps.length) process.stdout.write(`\nFailed steps: ${failedSteps.join(', ')}\n`);
const total = readSummary();
if (failedSteps.length && total.failed === 0) total.failed = failedSteps.length;
process.stdout.write(`\n${summaryLine(total)}\n`);
process.exit(failedSteps.length || total.failed ? 1 : 0);
