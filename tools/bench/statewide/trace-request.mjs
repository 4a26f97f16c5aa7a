#!/usr/bin/env node
// Development aid: prints every SQL statement one request of each hot scenario sends (log_statement = all for a
// moment), on the dataset of an earlier `npm run bench -- --scale S` run. `node trace-request.mjs --scale 0.004`.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiEnvironment, startApi } from './api-process.mjs';
import { query, startPostgres } from './postgres.mjs';
import { scenarios } from './scenarios.mjs';
import { signInAll } from './sessions.mjs';
import { loadUsers } from './users.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const scale = Number(process.argv[process.argv.indexOf('--scale') + 1] ?? 0.004);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const dir = join(root, 'tmp/bench', `scale-${scale}`);
const database = await startPostgres({ dir, port: 5476 });
const api = await startApi({ root, env: apiEnvironment({ ownerUrl: database.ownerUrl, port: 4470 }), port: 4470, logFile: join(dir, 'trace-api.log') });
try {
  const users = await loadUsers(database.ownerUrl, api.baseUrl, { managers: 3, leads: 2 }, signInAll);
  const today = new Date().toISOString().slice(0, 10);
  const lastYear = Number(today.slice(0, 4)) - 1;
  const factories = scenarios(users, { evaluationRequest: { template: 'annualCouncil', from: `${lastYear}-01-01`, to: `${lastYear}-12-31` } });
  for (const name of only ? [only] : ['caseload', 'clientFile', 'timeline', 'search', 'recordConversation', 'teamDashboard']) {
    const send = async () => {
      const r = factories[name]();
      const response = await fetch(`${api.baseUrl}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
      await response.arrayBuffer();
      return response.status;
    };
    await send();
    await query(database.adminUrl, `ALTER SYSTEM SET log_statement = 'all'`);
    await query(database.adminUrl, 'SELECT pg_reload_conf()');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const start = statSync(database.logFile).size;
    const status = await send();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await query(database.adminUrl, `ALTER SYSTEM RESET log_statement`);
    await query(database.adminUrl, 'SELECT pg_reload_conf()');
    const lines = readFileSync(database.logFile).subarray(start).toString('utf8').split('\n').filter((l) => /LOG:\s+(statement|execute)/.test(l));
    process.stdout.write(`\n=== ${name} → ${status}: ${lines.length} statements\n${lines.map((l) => l.replace(/^.*?LOG:\s+/, '').slice(0, 220)).join('\n')}\n`);
  }
} finally {
  await api.stop();
  await database.stop();
}
