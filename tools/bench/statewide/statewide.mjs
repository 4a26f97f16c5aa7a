#!/usr/bin/env node
// `npm run bench [-- --scale 0.02] [--duration 5]`: the statewide benchmark (issue 9), documented in
// docs/performance.md. Seeds the statewide dataset (250,000 clients × scale) once into an embedded PostgreSQL of its
// own, starts the built API in production mode against it, measures a bare NestJS route as the ceiling, drives each
// hot endpoint at 50 and 300 concurrent users from this process, and writes bench-results/statewide.{json,md}
// (the previous run's files are kept as statewide.previous.*).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { apiEnvironment, sampleRss, startApi } from './api-process.mjs';
import { runLoad, runSequential, runUsers } from './load.mjs';
import { capturePlans } from './plans.mjs';
import { query, resetStatements, startPostgres, statementTotals } from './postgres.mjs';
import { toMarkdown } from './report.mjs';
import { DAILY_MIX, mixed, scenarios } from './scenarios.mjs';
import { getJson, postJson, signInAll } from './sessions.mjs';
import { loadUsers } from './users.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const STATEWIDE_CLIENTS = 250_000;

function options(argv) {
  const value = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
  };
  const scale = value('scale', 1);
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
  return {
    scale,
    clients: Math.round(STATEWIDE_CLIENTS * scale),
    seconds: value('duration', scale >= 0.5 ? 20 : 5),
    users: [50, 300],
    /** Mean think time of a user between two requests, ms (exponential): a person at work opens a page about every ten seconds, and a page sends about two requests. */
    thinkMs: value('think', 5000),
    /** Connections of the saturation runs (closed loop without think time): the throughput ceiling. */
    saturation: 50,
    pgPort: value('pg-port', 5477),
    seedOnly: argv.includes('--seed-only'),
    apiPort: value('port', 4480),
  };
}

const log = (line) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} exited with ${result.status}`);
}

/** The client's initial JavaScript as the build's budget check measures it (tools/bundle-budget, run as a command). */
function initialJavaScript() {
  const result = spawnSync(process.execPath, [join(root, 'tools/bundle-budget/bundle-budget.mjs'), join(root, 'dist/apps/client/browser'), '--max-gzip=10mb'], { cwd: root, encoding: 'utf8' });
  const match = /Initial JavaScript: (\d+) files, ([\d.]+) kB raw, ([\d.]+) kB gzip/.exec(result.stdout);
  if (!match) throw new Error(`bundle-budget: ${result.stdout}${result.stderr}`);
  return { files: Number(match[1]), rawBytes: Math.round(Number(match[2]) * 1000), gzipBytes: Math.round(Number(match[3]) * 1000) };
}

/** Seeds the statewide dataset unless this data directory already holds it; returns the seeding time (s) of the run that did. */
async function ensureDataset(dir, database, env, clients) {
  const marker = join(dir, 'seeded.json');
  const [{ n }] = await query(database.ownerUrl, `SELECT CASE WHEN to_regclass('client') IS NULL THEN 0 ELSE (SELECT count(*) FROM client) END::int AS n`);
  if (existsSync(marker) && n === clients) return { ...JSON.parse(readFileSync(marker, 'utf8')), reused: true };
  log(`seeding ${clients.toLocaleString('en')} clients (node dist/apps/api/cli.js seed)…`);
  const started = performance.now();
  run(process.execPath, ['--max-old-space-size=8192', join(root, 'dist/apps/api/cli.js'), 'seed', '--clients', String(clients), '--reset'], { ...env, LOG_LEVEL: 'info' });
  const seeded = { seconds: (performance.now() - started) / 1000, at: new Date().toISOString() };
  await query(database.ownerUrl, 'VACUUM ANALYZE');
  writeFileSync(marker, JSON.stringify(seeded));
  return { ...seeded, reused: false };
}

async function datasetSize(ownerUrl) {
  const [row] = await query(
    ownerUrl,
    `SELECT (SELECT count(*) FROM municipality)::int AS municipalities, (SELECT count(*) FROM team)::int AS teams,
            (SELECT count(*) FROM app_user WHERE role = 'manager')::int AS managers,
            (SELECT count(*) FROM client)::int AS clients, (SELECT count(*) FROM conversation)::int AS conversations,
            (SELECT count(*) FROM goal)::int AS goals, (SELECT count(*) FROM goal_step)::int AS steps,
            pg_database_size(current_database())::float8 / 1048576 AS "databaseMiB"`,
  );
  return row;
}

/** `npm start` as a user runs it (build cached, embedded database): once on an empty data directory, once again. */
async function measureNpmStart(port) {
  const dir = join(root, 'tmp/bench/npm-start');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_DATA_DIR: join(dir, 'postgres'), EMBEDDED_PG_PORT: String(port + 1), ERASURE_LEDGER_FILE: join(dir, 'ledger.jsonl') };
  const times = [];
  for (const label of ['first (empty data directory: initdb, migrations, 600 demo clients)', 'second (existing data)']) {
    const api = await startApi({ root, env, port, logFile: join(dir, 'start.log'), command: [join(root, 'tools/start.mjs')] });
    times.push({ label, seconds: api.readySeconds });
    await api.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return times;
}

/**
 * The two ceilings, one process: the bare route (no I/O) and the one-query route (a primary-key SELECT in a tenant
 * transaction through a pool of the API's size, as the application role), each at saturation.
 */
async function ceilings(port, connections, seconds, database) {
  const [{ id: municipality }] = await query(database.ownerUrl, `SELECT municipality_id AS id FROM client GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const appUrl = new URL(database.ownerUrl);
  appUrl.username = 'wegweiser_bench_app';
  appUrl.password = 'bench-app-password';
  const child = spawn(process.execPath, [join(root, 'tools/bench/statewide/bare-app.cjs'), String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', BARE_DB_URL: appUrl.toString(), BARE_MUNICIPALITY_ID: municipality },
    stdio: 'inherit',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200; i++) {
      if (await fetch(`${base}/api/bare-db`).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const bare = await runLoad({ url: base, connections, seconds, next: () => ({ method: 'GET', path: '/api/bare' }) });
    log(`bare route, saturation @${connections}: ${bare.throughput.toFixed(0)} req/s, p95 ${bare.p95} ms`);
    await runLoad({ url: base, connections: 10, seconds: 3, next: () => ({ method: 'GET', path: '/api/bare-db' }) });
    const oneQuery = await runLoad({ url: base, connections, seconds, next: () => ({ method: 'GET', path: '/api/bare-db' }) });
    log(`one-query route, saturation @${connections}: ${oneQuery.throughput.toFixed(0)} req/s, p95 ${oneQuery.p95} ms, ${oneQuery.errors} errors`);
    return { bare, oneQuery };
  } finally {
    child.kill('SIGTERM');
  }
}

/** One run of `load()` against the API, with PostgreSQL's statements and time per request and the API's peak memory. */
async function measureScenario(api, ownerUrl, name, load) {
  await resetStatements(ownerUrl);
  const peakRss = sampleRss(api.child.pid);
  const result = await load();
  const statements = await statementTotals(ownerUrl);
  return {
    scenario: name,
    ...result,
    rssMiB: peakRss(),
    statementsPerRequest: statements.calls / result.sent,
    pgMsPerRequest: statements.ms / result.sent,
  };
}

async function evaluationPdf(api, evaluator, request) {
  const started = performance.now();
  const job = await postJson(api.baseUrl, evaluator, '/api/evaluation/reports', request);
  const progress = [];
  for (;;) {
    const state = await getJson(api.baseUrl, evaluator, `/api/evaluation/reports/${job.id}`);
    if (progress[progress.length - 1] !== state.progress) progress.push(state.progress);
    if (state.state === 'done' || state.state === 'failed') return { state: state.state, seconds: (performance.now() - started) / 1000, progress };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function keepPrevious(dir) {
  for (const ext of ['json', 'md']) {
    const file = join(dir, `statewide.${ext}`);
    if (existsSync(file)) renameSync(file, join(dir, `statewide.previous.${ext}`));
  }
}

async function main() {
  const opts = options(process.argv.slice(2));
  const started = performance.now();
  const dir = join(root, 'tmp/bench', `scale-${opts.scale}`);
  const resultsDir = join(root, 'bench-results');
  mkdirSync(resultsDir, { recursive: true });
  log(`statewide benchmark, scale ${opts.scale} (${opts.clients.toLocaleString('en')} clients), ${opts.seconds} s per load run`);

  run(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'api', 'client', '--outputStyle=static'], { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' });
  const bundle = initialJavaScript();
  const npmStart = opts.seedOnly ? [] : await measureNpmStart(opts.apiPort + 10);
  if (!opts.seedOnly) log(`npm start to ready: ${npmStart.map((t) => `${t.seconds.toFixed(1)} s`).join(', ')}`);

  const database = await startPostgres({ dir, port: opts.pgPort });
  const env = apiEnvironment({ ownerUrl: database.ownerUrl, port: opts.apiPort });
  let api;
  try {
    run(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'migrate'], env);
    const seeding = await ensureDataset(dir, database, env, opts.clients);
    const size = await datasetSize(database.ownerUrl);
    log(`dataset: ${JSON.stringify(size)}`);
    if (opts.seedOnly) return;

    const { bare: ceiling, oneQuery } = await ceilings(opts.apiPort + 20, opts.saturation, opts.seconds, database);

    api = await startApi({ root, env, port: opts.apiPort, logFile: join(dir, 'api.log') });
    log(`API ready in ${api.readySeconds.toFixed(1)} s (pid ${api.child.pid})`);
    const users = await loadUsers(database.ownerUrl, api.baseUrl, { managers: 150, leads: 40 }, signInAll);
    const today = new Date().toISOString().slice(0, 10);
    // Periods come from the grid (issue 19: a quarter or a calendar year; k is the municipality's policy): the last
    // complete calendar year, i.e. the clients whose support started in it.
    const lastYear = Number(today.slice(0, 4)) - 1;
    const evaluationRequest = { template: 'annualCouncil', from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };
    const factories = scenarios(users, { evaluationRequest });

    const results = [];
    const measureAndLog = async (name, connections, thinkMs, next = factories[name]) => {
      const url = api.baseUrl;
      const seconds = opts.seconds;
      const r = await measureScenario(api, database.ownerUrl, name, () =>
        thinkMs ? runUsers({ url, users: connections, seconds, thinkMs, next }) : runLoad({ url, connections, seconds, next }),
      );
      results.push(r);
      const mode = thinkMs ? `${connections} users, think ${thinkMs} ms` : `saturation @${connections}`;
      log(`${name}, ${mode}: ${r.throughput.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors, ${r.statementsPerRequest.toFixed(1)} statements and ${r.pgMsPerRequest.toFixed(2)} ms PostgreSQL per request, RSS ${r.rssMiB.toFixed(0)} MiB`);
    };
    const hot = ['caseload', 'clientFile', 'timeline', 'search', 'recordConversation', 'teamDashboard'];
    // Warm-up, not measured: a server at work has its caches warm; the first scenario should not pay for all of them.
    for (const name of hot) await runLoad({ url: api.baseUrl, connections: 10, seconds: 3, next: factories[name] });
    for (const name of hot) {
      await measureAndLog(name, opts.saturation, undefined);
      for (const users of opts.users) await measureAndLog(name, users, opts.thinkMs);
    }
    for (const users of opts.users) await measureAndLog('dailyMix', users, opts.thinkMs, mixed(factories));
    // An evaluator's preview of the anonymised metrics is a rare, heavy request: timed one at a time, twice.
    results.push(await measureScenario(api, database.ownerUrl, 'metrics', () => runSequential({ url: api.baseUrl, requests: 2, next: factories.metrics })));
    log(`metrics (one at a time): ${results[results.length - 1].p50.toFixed(0)} / ${results[results.length - 1].max.toFixed(0)} ms`);

    const pdf = await evaluationPdf(api, users.evaluator.session, evaluationRequest);
    log(`evaluation PDF over ${users.evaluator.clients.toLocaleString('en')} clients: ${pdf.state} in ${pdf.seconds.toFixed(1)} s`);

    const plans = await capturePlans({ database, api, factories, dir });

    const summary = {
      date: new Date().toISOString(),
      machine: { cores: (await import('node:os')).cpus().length, memoryGiB: Math.round((await import('node:os')).totalmem() / 2 ** 30), node: process.version },
      scale: opts.scale,
      secondsPerRun: opts.seconds,
      dataset: { ...size, seeding, signedIn: { managers: users.managers.length, teamLeads: users.leads.length } },
      ceiling,
      oneQueryCeiling: oneQuery,
      users: { counts: opts.users, meanThinkMs: opts.thinkMs, saturationConnections: opts.saturation },
      results: results.map((r) => {
        const saturation = r.thinkMs === null && r.connections === opts.saturation && r.scenario !== 'metrics';
        return { ...r, ratioToBare: saturation ? r.throughput / ceiling.throughput : null, ratioToOneQuery: saturation ? r.throughput / oneQuery.throughput : null };
      }),
      mix: DAILY_MIX,
      evaluationPdf: { ...pdf, clients: users.evaluator.clients, municipality: users.evaluator.municipality },
      npmStart,
      apiStartSeconds: api.readySeconds,
      initialJs: bundle,
      plans,
      totalSeconds: (performance.now() - started) / 1000,
    };
    keepPrevious(resultsDir);
    writeFileSync(join(resultsDir, 'statewide.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const previous = existsSync(join(resultsDir, 'statewide.previous.json')) ? JSON.parse(readFileSync(join(resultsDir, 'statewide.previous.json'), 'utf8')) : null;
    writeFileSync(join(resultsDir, 'statewide.md'), toMarkdown(summary, previous));
    log(`written: bench-results/statewide.json and statewide.md (${summary.totalSeconds.toFixed(0)} s in all)`);
  } finally {
    await api?.stop();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

