import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface RetentionRouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

const admins: Role[] = ['admin'];
const teamLeads: Role[] = ['team_lead'];

/** A client of the actor's team (or, for an administrator, municipality) without a hold or a pending request, read as superuser. */
async function clientOf(f: MatrixFixture, role: Role): Promise<string> {
  const actor = f.actor(role);
  const [row] = await adminQuery<{ id: string }>(
    `SELECT c.id FROM client c
      WHERE ${role === 'admin' ? 'c.municipality_id = $1' : 'c.team_id = (SELECT team_id FROM app_user WHERE id = $1)'}
        AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.client_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM erasure_request r WHERE r.client_id = c.id)
      ORDER BY c.case_number DESC LIMIT 1`,
    [role === 'admin' ? actor.municipality_id : actor.id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('no client for the actor');
  return row.id;
}

/** A client of the team lead's team on legal hold (inserted as superuser). */
async function heldClientOf(f: MatrixFixture, role: Role): Promise<string> {
  const id = await clientOf(f, role);
  const actor = f.actor(role);
  await adminQuery(`INSERT INTO legal_hold (client_id, municipality_id, reason, set_by) VALUES ($1, $2, 'Matrix', $3)`, [id, actor.municipality_id, actor.id], f.db.ownerUrl);
  return id;
}

/** A pending erasure request of a team lead of the administrator's municipality (inserted as superuser). */
async function pendingRequestOf(f: MatrixFixture, role: Role): Promise<string> {
  const id = await clientOf(f, role);
  const [row] = await adminQuery<{ id: string }>(
    `INSERT INTO erasure_request (municipality_id, client_id, reason, requested_by)
     SELECT municipality_id, $1, 'objection', (SELECT id FROM app_user u WHERE u.municipality_id = c.municipality_id AND u.role = 'team_lead' LIMIT 1)
       FROM client c WHERE c.id = $1
     RETURNING id`,
    [id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('request not created');
  return row.id;
}

/** Retention (administrators), legal holds and erasure requests (team leads), confirmation (administrators). */
export const RETENTION_ROUTES: RetentionRouteCase[] = [
  { method: 'GET', path: '/api/retention/policy', allowed: admins },
  { method: 'PUT', path: '/api/retention/policy', allowed: admins, prepare: async () => ({ body: { eraseAfterMonths: 72, auditRetentionMonths: 120 } }) },
  { method: 'GET', path: '/api/retention/dry-run', allowed: admins },
  { method: 'PUT', path: '/api/clients/:id/legal-hold', allowed: teamLeads, prepare: async (f, role) => ({ path: `/api/clients/${await clientOf(f, role)}/legal-hold`, body: { reason: 'Matrix' } }) },
  { method: 'DELETE', path: '/api/clients/:id/legal-hold', allowed: teamLeads, prepare: async (f, role) => ({ path: `/api/clients/${await heldClientOf(f, role)}/legal-hold` }) },
  {
    method: 'POST',
    path: '/api/clients/:id/erasure-requests',
    allowed: teamLeads,
    prepare: async (f, role) => ({ path: `/api/clients/${await clientOf(f, role)}/erasure-requests`, body: { reason: 'objection' } }),
  },
  { method: 'GET', path: '/api/erasure-requests', allowed: admins },
  { method: 'POST', path: '/api/erasure-requests/:id/confirm', allowed: admins, prepare: async (f, role) => ({ path: `/api/erasure-requests/${await pendingRequestOf(f, role)}/confirm` }) },
];
