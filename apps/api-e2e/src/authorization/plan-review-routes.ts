import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface ReviewRouteCase {
  method: 'GET' | 'POST';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

let serial = 3000;

/**
 * An open client the actor may change (own caseload for managers, the team
 * for team leads) with no review waiting, given a fresh agreed version (and,
 * with `submitted`, a review of it waiting for the team lead), as superuser.
 */
async function agreedClient(f: MatrixFixture, role: Role, submitted = false): Promise<string> {
  const actor = f.actor(role);
  const [client] = await adminQuery<{ id: string; municipality_id: string }>(
    `SELECT c.id, c.municipality_id FROM client c
      WHERE ${role === 'manager' ? 'c.responsible_manager_id = $1' : 'c.team_id = (SELECT team_id FROM app_user WHERE id = $1)'}
        AND c.support_state <> 'closed'
        AND NOT EXISTS (SELECT 1 FROM plan_review r WHERE r.client_id = c.id AND r.state = 'submitted')
      ORDER BY c.case_number OFFSET $2 LIMIT 1`,
    [actor.id, serial++ % 15],
    f.db.ownerUrl,
  );
  if (!client) throw new Error(`no client for a ${role}`);
  const [agreement] = await adminQuery<{ version: number }>(
    `INSERT INTO plan_agreement (municipality_id, client_id, version, agreed_on, agreed_by, snapshot)
     SELECT $1, $2, coalesce(max(version), 0) + 1, current_date, $3, '{"goals": [], "referrals": []}' FROM plan_agreement WHERE client_id = $2
     RETURNING version`,
    [client.municipality_id, client.id, actor.id],
    f.db.ownerUrl,
  );
  if (submitted) {
    await adminQuery(
      `INSERT INTO plan_review (municipality_id, client_id, agreement_version, state, submitted_by)
       SELECT $1, $2, $3, 'submitted', id FROM app_user WHERE team_id = (SELECT team_id FROM client WHERE id = $2) AND role = 'manager' LIMIT 1`,
      [client.municipality_id, client.id, agreement?.version],
      f.db.ownerUrl,
    );
  }
  return client.id;
}

const review = (clientId: string, rest: string) => `/api/clients/${clientId}/plan${rest}`;

/** The plan sign-off routes and the team lead's lists, for the permission matrix. */
export const PLAN_REVIEW_ROUTES: ReviewRouteCase[] = [
  { method: 'GET', path: '/api/clients/:clientId/plan/reviews', allowed: ['manager', 'team_lead'], prepare: async (f, role) => ({ path: review(await agreedClient(f, role, true), '/reviews') }) },
  { method: 'POST', path: '/api/clients/:clientId/plan/review/submit', allowed: ['manager', 'team_lead'], prepare: async (f, role) => ({ path: review(await agreedClient(f, role), '/review/submit') }) },
  {
    method: 'POST',
    path: '/api/clients/:clientId/plan/review/approve',
    allowed: ['team_lead'],
    prepare: async (f, role) => ({ path: review(await agreedClient(f, role, true), '/review/approve'), body: { version: 1 } }),
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/plan/review/return',
    allowed: ['team_lead'],
    prepare: async (f, role) => ({ path: review(await agreedClient(f, role, true), '/review/return'), body: { version: 1, comment: 'Bitte Ziele konkretisieren.' } }),
  },
  { method: 'GET', path: '/api/plan-reviews', allowed: ['team_lead'] },
  { method: 'GET', path: '/api/support-extensions', allowed: ['team_lead'] },
];
