import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface DataProtectionRouteCase {
  method: 'GET' | 'POST';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

/** Only the data-protection officer reads the trail. */
const dpo: Role[] = ['dpo'];

/** A case number of the actor's municipality, read as superuser. */
async function caseNumberOf(f: MatrixFixture, role: Role): Promise<string> {
  const [row] = await adminQuery<{ case_number: string }>(
    `SELECT case_number FROM client WHERE municipality_id = $1 ORDER BY case_number LIMIT 1`,
    [f.actor(role).municipality_id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('no client in the municipality');
  return row.case_number;
}

/** A finished verification of the actor's municipality (inserted as superuser). */
async function verificationOf(f: MatrixFixture, role: Role): Promise<string> {
  const actor = f.actor(role);
  const [row] = await adminQuery<{ id: string }>(
    `INSERT INTO audit_verification (municipality_id, requested_by, state, progress, finished_at, checked, intact)
     VALUES ($1, $2, 'done', 100, now(), 0, true) RETURNING id`,
    [actor.municipality_id, actor.id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('verification not created');
  return row.id;
}

/** Datenschutz (issue 17): the audit table, its export, access reports, chain status and verification, requests. */
export const DATA_PROTECTION_ROUTES: DataProtectionRouteCase[] = [
  { method: 'POST', path: '/api/audit/search', allowed: dpo, prepare: async () => ({ body: { action: 'read', limit: 5 } }) },
  { method: 'POST', path: '/api/audit/export', allowed: dpo, prepare: async () => ({ body: { action: 'login' } }) },
  { method: 'POST', path: '/api/audit/access-report', allowed: dpo, prepare: async (f, role) => ({ body: { caseNumber: await caseNumberOf(f, role) } }) },
  { method: 'GET', path: '/api/audit/people', allowed: dpo },
  { method: 'GET', path: '/api/audit/subject-access-exports', allowed: dpo },
  { method: 'GET', path: '/api/audit/erasure-requests', allowed: dpo },
  { method: 'GET', path: '/api/audit/chain', allowed: dpo },
  { method: 'POST', path: '/api/audit/chain/verifications', allowed: dpo },
  { method: 'GET', path: '/api/audit/chain/verifications/:id', allowed: dpo, prepare: async (f, role) => ({ path: `/api/audit/chain/verifications/${await verificationOf(f, role)}` }) },
];
