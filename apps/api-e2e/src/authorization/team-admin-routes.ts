import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix and the fuzz suite hand to `prepare` (structurally their fixtures). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface TeamAdminRouteCase {
  method: 'GET' | 'PUT';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

/** The team lead's team (of municipality 1) and one of its active managers. */
async function teamAndManager(f: MatrixFixture): Promise<{ teamId: string; managerId: string }> {
  const [row] = await adminQuery<{ team_id: string; manager_id: string }>(
    `SELECT u.team_id, u.id AS manager_id FROM app_user u
      WHERE u.team_id = (SELECT team_id FROM app_user WHERE id = $1) AND u.role = 'manager' AND u.active
      ORDER BY u.email LIMIT 1`,
    [f.actor('team_lead').id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('no manager in the team lead’s team');
  return { teamId: row.team_id, managerId: row.manager_id };
}

/** Verwaltung → Teams (issue 17): a team with its members and caseloads, and a member's caseload limit. */
export const TEAM_ADMIN_ROUTES: TeamAdminRouteCase[] = [
  { method: 'GET', path: '/api/teams/:id', allowed: ['admin'], prepare: async (f) => ({ path: `/api/teams/${(await teamAndManager(f)).teamId}` }) },
  {
    method: 'PUT',
    path: '/api/teams/:id/members/:userId/caseload-limit',
    allowed: ['admin'],
    prepare: async (f) => {
      const { teamId, managerId } = await teamAndManager(f);
      // High enough never to refuse another route's new client.
      return { path: `/api/teams/${teamId}/members/${managerId}/caseload-limit`, body: { caseloadRecommended: 900, caseloadMaximum: 1000 } };
    },
  },
];
