// The query plans of the hot requests, as PostgreSQL really ran them: auto_explain (ANALYZE, BUFFERS) is switched
// on for a moment, each hot scenario sends one request between two marker statements, and the plans logged in
// between are read back from the server log. Trivial statements (session settings, advisory locks) are left out.
import { readFileSync, statSync } from 'node:fs';
import { parsePlans } from './plan-log.mjs';
import { query } from './postgres.mjs';

const HOT = ['caseload', 'clientFile', 'timeline', 'search', 'recordConversation', 'teamDashboard', 'metrics'];
const MARK = 'bench-plan-marker';
const SETTINGS = {
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_timing': 'on',
  'auto_explain.log_nested_statements': 'off',
  'auto_explain.log_format': 'text',
};

async function configure(adminUrl, on) {
  for (const [name, value] of Object.entries(SETTINGS)) {
    await query(adminUrl, on ? `ALTER SYSTEM SET ${name} = '${value}'` : `ALTER SYSTEM RESET ${name}`);
  }
  await query(adminUrl, 'SELECT pg_reload_conf()');
  await new Promise((resolve) => setTimeout(resolve, 500));
}

export async function capturePlans({ database, api, factories }) {
  await configure(database.adminUrl, true);
  const plans = {};
  try {
    for (const name of HOT) {
      const start = statSync(database.logFile).size;
      await query(database.ownerUrl, `SELECT '${MARK}:${name}:start'`);
      const request = factories[name]();
      const response = await fetch(`${api.baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
      await response.arrayBuffer();
      await query(database.ownerUrl, `SELECT '${MARK}:${name}:end'`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const section = readFileSync(database.logFile).subarray(start).toString('utf8');
      plans[name] = { status: response.status, path: request.path.replace(/[0-9a-f-]{36}/g, ':id').replace(/q=[^&]+/, 'q=…'), statements: parsePlans(section) };
    }
  } finally {
    await configure(database.adminUrl, false);
  }
  return plans;
}
