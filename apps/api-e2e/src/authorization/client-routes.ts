import { Role } from '@wegweiser/shared/contracts';
import { clientBody } from '../clients/client-fixtures';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface ClientRouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

const caseWriters: Role[] = ['manager', 'team_lead'];
const JUSTIFICATION = 'Die Ausbildung endet nach dem regulären Ende des Betreuungszeitraums.';
let serial = 2000;

interface OpenClient {
  id: string;
  municipality_id: string;
  team_id: string;
  extend_until: string;
}

/**
 * An active client the actor may change (own caseload for managers, the
 * team for team leads) whose window has not ended and that has no pending
 * extension; a different one per call. Changed as superuser into `state`.
 */
async function openClient(f: MatrixFixture, role: Role, state: 'active' | 'paused' | 'closed' = 'active'): Promise<OpenClient> {
  const [client] = await adminQuery<OpenClient>(
    `SELECT c.id, c.municipality_id, c.team_id, (c.support_start + interval '40 months')::date::text AS extend_until
       FROM client c
      WHERE ${role === 'manager' ? 'c.responsible_manager_id = $1' : 'c.team_id = (SELECT team_id FROM app_user WHERE id = $1)'}
        AND c.support_state = 'active' AND c.support_window_end >= current_date + 2
        AND c.support_window_end < (c.support_start + interval '40 months')::date
        AND NOT EXISTS (SELECT 1 FROM support_extension e WHERE e.client_id = c.id AND e.state = 'pending')
      ORDER BY c.case_number OFFSET $2 LIMIT 1`,
    [f.actor(role).id, serial++ % 25],
    f.db.ownerUrl,
  );
  if (!client) throw new Error(`no open client for a ${role}`);
  if (state === 'paused') await adminQuery(`UPDATE client SET support_state = 'paused', paused_on = current_date - 1 WHERE id = $1`, [client.id], f.db.ownerUrl);
  if (state === 'closed') {
    await adminQuery(`UPDATE client SET support_state = 'closed', closed_on = current_date - 1, closure_reason = 'no_contact' WHERE id = $1`, [client.id], f.db.ownerUrl);
  }
  return client;
}

/** A pending extension request of a client of the team lead's team, as a manager of the team would have filed it. */
async function pendingExtension(f: MatrixFixture, role: Role): Promise<string> {
  const client = await openClient(f, role);
  const [row] = await adminQuery<{ id: string }>(
    `INSERT INTO support_extension (municipality_id, client_id, requested_until, justification, requested_by)
     SELECT $1, $2, $3, $4, id FROM app_user WHERE team_id = $5 AND role = 'manager' LIMIT 1
     RETURNING id`,
    [client.municipality_id, client.id, client.extend_until, JUSTIFICATION, client.team_id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('no extension inserted');
  return row.id;
}

const support = (client: OpenClient, rest = '') => `/api/clients/${client.id}/support${rest}`;

/** The client-file routes of the case-file issue (create, support period), each with a successful call for an allowed role. */
export const CLIENT_FILE_ROUTES: ClientRouteCase[] = [
  { method: 'POST', path: '/api/clients', allowed: caseWriters, prepare: async () => ({ body: clientBody() }) },
  { method: 'POST', path: '/api/clients/duplicate-check', allowed: caseWriters, prepare: async () => ({ body: { firstName: 'Anna', lastName: 'Berg', dateOfBirth: '1990-02-01' } }) },
  { method: 'GET', path: '/api/clients/:id/support', allowed: caseWriters, prepare: async (f, role) => ({ path: support(await openClient(f, role)) }) },
  { method: 'POST', path: '/api/clients/:id/support/pause', allowed: caseWriters, prepare: async (f, role) => ({ path: support(await openClient(f, role), '/pause') }) },
  {
    method: 'POST',
    path: '/api/clients/:id/support/resume',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: support(await openClient(f, role, 'paused'), '/resume') }),
  },
  {
    method: 'POST',
    path: '/api/clients/:id/support/close',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: support(await openClient(f, role), '/close'), body: { reason: 'goals_reached', on: new Date().toISOString().slice(0, 10) } }),
  },
  {
    method: 'POST',
    path: '/api/clients/:id/support/reopen',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: support(await openClient(f, role, 'closed'), '/reopen') }),
  },
  {
    method: 'POST',
    path: '/api/clients/:id/support/extensions',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await openClient(f, role);
      return { path: support(client, '/extensions'), body: { requestedUntil: client.extend_until, justification: JUSTIFICATION } };
    },
  },
  {
    method: 'POST',
    path: '/api/support-extensions/:id/approve',
    allowed: ['team_lead'],
    prepare: async (f, role) => ({ path: `/api/support-extensions/${await pendingExtension(f, role)}/approve`, body: { version: 1 } }),
  },
  {
    method: 'POST',
    path: '/api/support-extensions/:id/reject',
    allowed: ['team_lead'],
    prepare: async (f, role) => ({ path: `/api/support-extensions/${await pendingExtension(f, role)}/reject`, body: { version: 1, comment: 'Nicht nötig.' } }),
  },
];
