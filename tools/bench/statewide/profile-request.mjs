#!/usr/bin/env node
// Development aid (issue 20): where a hot read's Node CPU goes, by phase. Starts the built API with `--cpu-prof` on
// the dataset of an earlier `npm run bench -- --scale S` run, drives one scenario at saturation, stops the API (the
// profile is written at exit) and sums the profile's self time per phase, by where the code lives:
// `node tools/bench/statewide/profile-request.mjs --scale 0.2 --only caseload --seconds 10`.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiEnvironment, startApi } from './api-process.mjs';
import { runLoad } from './load.mjs';
import { startPostgres } from './postgres.mjs';
import { scenarios } from './scenarios.mjs';
import { signInAll } from './sessions.mjs';
import { loadUsers } from './users.mjs';
import { phaseOf, PHASES } from './profile-phases.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const scale = Number(arg('scale', 0.2));
const only = arg('only', 'caseload');
const seconds = Number(arg('seconds', 10));
const dir = join(root, 'tmp/bench', `scale-${scale}`);
const profiles = mkdtempSync(join(tmpdir(), 'ww-profile-'));

const database = await startPostgres({ dir, port: 5477 });
const api = await startApi({
  root,
  env: apiEnvironment({ ownerUrl: database.ownerUrl, port: 4471 }),
  port: 4471,
  logFile: join(dir, 'profile-api.log'),
  command: ['--cpu-prof', '--cpu-prof-dir', profiles, join(root, 'dist/apps/api/main.js')],
});
let result;
try {
  const users = await loadUsers(database.ownerUrl, api.baseUrl, { managers: 50, leads: 20 }, signInAll);
  const factories = scenarios(users, { evaluationRequest: { template: 'annualCouncil', from: '2025-01-01', to: '2025-12-31' } });
  await runLoad({ url: api.baseUrl, connections: 10, seconds: 3, next: factories[only] });
  result = await runLoad({ url: api.baseUrl, connections: 50, seconds, next: factories[only] });
} finally {
  await api.stop();
  await database.stop();
}

// The profile covers start-up and sign-in too: only samples taken after the first request of the measured run count.
const [file] = readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const totals = new Map(PHASES.map((phase) => [phase, 0]));
let time = profile.startTime;
const windowStart = profile.endTime - seconds * 1_000_000;
for (let i = 0; i < profile.samples.length; i++) {
  time += profile.timeDeltas[i];
  if (time < windowStart) continue;
  const stack = [];
  for (let id = profile.samples[i]; id !== undefined; id = parentOf.get(id)) stack.push(byId.get(id).callFrame);
  const phase = phaseOf(stack);
  totals.set(phase, (totals.get(phase) ?? 0) + profile.timeDeltas[i]);
}
const requests = result.requests;
const busy = [...totals].filter(([phase]) => phase !== 'idle').reduce((sum, [, us]) => sum + us, 0);
process.stdout.write(`\n${only}: ${requests} requests in ${seconds} s (${result.throughput.toFixed(0)} req/s), Node CPU ${(busy / 1000 / requests).toFixed(2)} ms per request\n\n`);
process.stdout.write('| phase | ms per request | share of CPU |\n|---|---:|---:|\n');
for (const [phase, us] of [...totals].sort((a, b) => b[1] - a[1])) {
  if (phase === 'idle') continue;
  process.stdout.write(`| ${phase} | ${(us / 1000 / requests).toFixed(3)} | ${((100 * us) / busy).toFixed(1)} % |\n`);
}
process.stdout.write(`\nidle: ${((totals.get('idle') ?? 0) / 1000 / seconds / 10).toFixed(1)} % of the ${seconds} s\n`);
