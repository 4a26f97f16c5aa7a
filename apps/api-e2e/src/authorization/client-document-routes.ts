import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface ClientDocumentRouteCase {
  method: 'GET';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

/** A client of the actor's team (any state: documents are printed for closed cases too). */
async function teamClientOf(f: MatrixFixture, role: Role): Promise<string> {
  const [client] = await adminQuery<{ id: string }>(
    `SELECT id FROM client WHERE team_id = (SELECT team_id FROM app_user WHERE id = $1) ORDER BY case_number LIMIT 1`,
    [f.actor(role).id],
    f.db.ownerUrl,
  );
  if (!client) throw new Error(`no client in the team of the ${role}`);
  return client.id;
}

/** Client documents: the plan to sign (whoever reads the client) and the Art. 15 export (team leads). */
export const CLIENT_DOCUMENT_ROUTES: ClientDocumentRouteCase[] = [
  {
    method: 'GET',
    path: '/api/clients/:id/documents/plan',
    allowed: ['manager', 'team_lead'],
    prepare: async (f, role) => ({ path: `/api/clients/${await teamClientOf(f, role)}/documents/plan?language=ar` }),
  },
  {
    method: 'GET',
    path: '/api/clients/:id/documents/subject-access',
    allowed: ['team_lead'],
    prepare: async (f, role) => ({ path: `/api/clients/${await teamClientOf(f, role)}/documents/subject-access` }),
  },
];
