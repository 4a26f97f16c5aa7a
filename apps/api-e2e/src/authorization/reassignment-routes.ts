import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface ReassignmentRouteCase {
  method: 'GET' | 'POST';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

/** A client of the actor's team (the first by case number: reading leaves it as it is). */
async function teamClient(f: MatrixFixture, role: Role): Promise<string> {
  const [client] = await adminQuery<{ id: string }>(
    `SELECT id FROM client WHERE team_id = (SELECT team_id FROM app_user WHERE id = $1) ORDER BY case_number LIMIT 1`,
    [f.actor(role).id],
    f.db.ownerUrl,
  );
  if (!client) throw new Error('no client in the team');
  return client.id;
}

/**
 * A reassignment the team lead may make: the last client (by case number) of
 * the team's first manager — the matrix's manager, whose list only shrinks,
 * so other routes' picks by offset never repeat — to another active manager.
 */
async function reassignment(f: MatrixFixture, role: Role): Promise<object> {
  const [row] = await adminQuery<{ client_id: string; to_manager_id: string }>(
    `SELECT c.id AS client_id, other.id AS to_manager_id
       FROM client c
       JOIN app_user other ON other.team_id = c.team_id AND other.role = 'manager' AND other.active AND other.id <> c.responsible_manager_id
      WHERE c.responsible_manager_id = $1 AND c.team_id = (SELECT team_id FROM app_user WHERE id = $2)
      ORDER BY c.case_number DESC, other.email LIMIT 1`,
    [f.actor('manager').id, f.actor(role).id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('nothing to reassign');
  return { clientIds: [row.client_id], toManagerId: row.to_manager_id, reason: 'Matrix' };
}

/** Routes of the reassignment (issue 6): the team lead moves clients; the team reads the history. */
export const REASSIGNMENT_ROUTES: ReassignmentRouteCase[] = [
  { method: 'POST', path: '/api/clients/reassign', allowed: ['team_lead'], prepare: async (f, role) => ({ body: await reassignment(f, role) }) },
  { method: 'GET', path: '/api/clients/:id/assignments', allowed: ['manager', 'team_lead'], prepare: async (f, role) => ({ path: `/api/clients/${await teamClient(f, role)}/assignments` }) },
  { method: 'GET', path: '/api/teams/mine/managers', allowed: ['team_lead'] },
];
