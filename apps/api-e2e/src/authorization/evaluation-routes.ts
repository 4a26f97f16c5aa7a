import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface EvaluationRouteCase {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

/** Evaluation and administration: anonymised figures, never case data. */
const evaluators: Role[] = ['admin', 'evaluator'];

/** One year of support starts of the actor's municipality that holds clients (a small report). */
async function requestBody(f: MatrixFixture, role: Role): Promise<object> {
  const [row] = await adminQuery<{ year: string }>(
    `SELECT extract(year FROM support_start)::int::text AS year FROM client WHERE municipality_id = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [f.actor(role).municipality_id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('no clients for an evaluation');
  return { template: 'annualCouncil', from: `${row.year}-01-01`, to: `${row.year}-12-31` };
}

/** A report job of the actor, inserted as superuser: finished (with files) or just queued. */
async function reportOf(f: MatrixFixture, role: Role, done: boolean): Promise<string> {
  const actor = f.actor(role);
  const json = JSON.stringify({ period: { firstCohort: '2024-Q1', lastCohort: '2024-Q4' } });
  const [row] = await adminQuery<{ id: string }>(
    done
      ? `INSERT INTO evaluation_report (municipality_id, requested_by, template, period_from, period_to, k, state, progress, finished_at, expires_at, pdf, csv, json)
         VALUES ($1, $2, 'annualCouncil', '2024-01-01', '2024-12-31', 5, 'done', 100, now(), now() + interval '1 day', '\\x255044462d', 'a;b', $3) RETURNING id`
      : `INSERT INTO evaluation_report (municipality_id, requested_by, template, period_from, period_to, k) VALUES ($1, $2, 'annualCouncil', '2024-01-01', '2024-12-31', 5) RETURNING id`,
    done ? [actor.municipality_id, actor.id, json] : [actor.municipality_id, actor.id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('report not created');
  return row.id;
}

/**
 * `/api/evaluation`: preview (evaluation:read), report jobs and downloads (evaluation:export), own jobs only;
 * the municipality's k (read: evaluation:read; change: evaluation:configure, administrators only).
 */
export const EVALUATION_ROUTES: EvaluationRouteCase[] = [
  { method: 'GET', path: '/api/evaluation/policy', allowed: evaluators },
  // The default k again: allowed, and nothing changes for the other routes' reports.
  { method: 'PUT', path: '/api/evaluation/policy', allowed: ['admin'], prepare: async () => ({ body: { k: 5 } }) },
  { method: 'POST', path: '/api/evaluation/preview', allowed: evaluators, prepare: async (f, role) => ({ body: await requestBody(f, role) }) },
  { method: 'POST', path: '/api/evaluation/reports', allowed: evaluators, prepare: async (f, role) => ({ body: await requestBody(f, role) }) },
  { method: 'GET', path: '/api/evaluation/reports', allowed: evaluators },
  { method: 'GET', path: '/api/evaluation/reports/:id', allowed: evaluators, prepare: async (f, role) => ({ path: `/api/evaluation/reports/${await reportOf(f, role, false)}` }) },
  {
    method: 'GET',
    path: '/api/evaluation/reports/:id/file',
    allowed: evaluators,
    prepare: async (f, role) => ({ path: `/api/evaluation/reports/${await reportOf(f, role, true)}/file?format=json` }),
  },
];
