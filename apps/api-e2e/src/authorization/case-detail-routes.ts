import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface CaseDetailRouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

let serial = 3000;
const caseWriters: Role[] = ['manager', 'team_lead'];

interface ClientRow {
  id: string;
  municipality_id: string;
  support_start: string;
}

/** An open client the actor may change (own caseload for managers, the team for team leads); a different one per call, in a cycle. */
async function clientOf(f: MatrixFixture, role: Role): Promise<ClientRow> {
  const [client] = await adminQuery<ClientRow>(
    `SELECT c.id, c.municipality_id, c.support_start::text AS support_start FROM client c
      WHERE ${role === 'manager' ? 'c.responsible_manager_id = $1' : 'c.team_id = (SELECT team_id FROM app_user WHERE id = $1)'}
        AND c.support_state <> 'closed'
      ORDER BY c.case_number OFFSET $2 LIMIT 1`,
    [f.actor(role).id, serial++ % 20],
    f.db.ownerUrl,
  );
  if (!client) throw new Error(`no open client for a ${role}`);
  return client;
}

/** Inserts a row for the client as superuser and returns its id and version. */
async function rowOf(f: MatrixFixture, sql: string, params: unknown[]): Promise<{ id: string; version: number }> {
  const [row] = await adminQuery<{ id: string; version: number }>(sql, params, f.db.ownerUrl);
  if (!row) throw new Error(`nothing from: ${sql}`);
  return row;
}

/** A conversation the actor may correct and whose earlier versions she may read: her own (managers, own caseload) or one of the team's (team leads). */
async function correctableConversation(f: MatrixFixture, role: Role): Promise<{ id: string; version: number; client_id: string }> {
  const [row] = await adminQuery<{ id: string; version: number; client_id: string }>(
    `SELECT v.id, v.version, v.client_id FROM conversation v JOIN client c ON c.id = v.client_id
      WHERE c.support_state <> 'closed'
        AND ${role === 'manager' ? 'c.responsible_manager_id = $1 AND v.staff_id = $1' : 'c.team_id = (SELECT team_id FROM app_user WHERE id = $1)'}
      ORDER BY v.held_at DESC, v.id OFFSET $2 LIMIT 1`,
    [f.actor(role).id, serial++ % 5],
    f.db.ownerUrl,
  );
  if (!row) throw new Error(`no conversation a ${role} may correct`);
  return row;
}

const conversation = {
  heldAt: '2026-03-02T09:30:00Z',
  durationMinutes: 30,
  form: 'office',
  interpreter: 'none',
  language: 'de',
  topics: ['work'],
  note: 'Matrix-Notiz',
};

/** Conversations, outcomes, ratings, qualifications, work experience and languages: every route, who may call it, how. */
export const CASE_DETAIL_ROUTES: CaseDetailRouteCase[] = [
  {
    method: 'GET',
    path: '/api/clients/:clientId/file',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/file` }),
  },
  {
    method: 'GET',
    path: '/api/clients/:clientId/timeline',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/timeline` }),
  },
  {
    method: 'GET',
    path: '/api/clients/:clientId/conversations',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/conversations` }),
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/conversations',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/conversations`, body: conversation }),
  },
  {
    method: 'PATCH',
    path: '/api/clients/:clientId/conversations/:id',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const row = await correctableConversation(f, role);
      return { path: `/api/clients/${row.client_id}/conversations/${row.id}`, body: { version: row.version, durationMinutes: 50 } };
    },
  },
  {
    method: 'GET',
    path: '/api/clients/:clientId/conversations/:id/revisions',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const row = await correctableConversation(f, role);
      return { path: `/api/clients/${row.client_id}/conversations/${row.id}/revisions` };
    },
  },
  {
    method: 'GET',
    path: '/api/clients/:clientId/outcomes',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/outcomes` }),
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/outcomes',
    allowed: caseWriters,
    prepare: async (f, role) => {
      // On the support start: never in the future, never before the start (the API refuses both).
      const client = await clientOf(f, role);
      return { path: `/api/clients/${client.id}/outcomes`, body: { kind: 'b1', achievedOn: client.support_start, level: 'B1' } };
    },
  },
  {
    method: 'PATCH',
    path: '/api/clients/:clientId/outcomes/:id',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const row = await rowOf(f, `INSERT INTO outcome (municipality_id, client_id, kind, achieved_on) VALUES ($1, $2, 'studies', '2026-01-01') RETURNING id, version`, [
        client.municipality_id,
        client.id,
      ]);
      return { path: `/api/clients/${client.id}/outcomes/${row.id}`, body: { version: row.version, description: 'Informatik' } };
    },
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/outcomes/:id/undo',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const row = await rowOf(f, `INSERT INTO outcome (municipality_id, client_id, kind, achieved_on) VALUES ($1, $2, 'studies', '2026-01-02') RETURNING id, version`, [
        client.municipality_id,
        client.id,
      ]);
      return { path: `/api/clients/${client.id}/outcomes/${row.id}/undo`, body: { version: row.version } };
    },
  },
  {
    method: 'GET',
    path: '/api/clients/:clientId/ratings',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/ratings` }),
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/ratings',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/ratings`, body: { ratedOn: '2026-03-01', health: 4, socialEnvironment: 3 } }),
  },
  {
    method: 'GET',
    path: '/api/clients/:clientId/qualifications',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/qualifications` }),
  },
  {
    method: 'PUT',
    path: '/api/clients/:clientId/qualifications',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const [row] = await adminQuery<{ version: number }>('SELECT version FROM qualification WHERE client_id = $1', [client.id], f.db.ownerUrl);
      return { path: `/api/clients/${client.id}/qualifications`, body: { version: row?.version ?? 0, schoolYears: 10, interests: ['Musik'] } };
    },
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/work-experience',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/work-experience`, body: { occupation: 'Bäcker', years: 3, country: 'SY' } }),
  },
  {
    method: 'PATCH',
    path: '/api/clients/:clientId/work-experience/:id',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const row = await rowOf(f, `INSERT INTO work_experience (municipality_id, client_id, occupation, years) VALUES ($1, $2, 'Koch', 2) RETURNING id, version`, [
        client.municipality_id,
        client.id,
      ]);
      return { path: `/api/clients/${client.id}/work-experience/${row.id}`, body: { version: row.version, years: 4 } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/clients/:clientId/work-experience/:id',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const row = await rowOf(f, `INSERT INTO work_experience (municipality_id, client_id, occupation, years) VALUES ($1, $2, 'Koch', 2) RETURNING id, version`, [
        client.municipality_id,
        client.id,
      ]);
      return { path: `/api/clients/${client.id}/work-experience/${row.id}` };
    },
  },
  {
    method: 'GET',
    path: '/api/clients/:clientId/languages',
    allowed: caseWriters,
    prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/languages` }),
  },
  {
    method: 'PUT',
    path: '/api/clients/:clientId/languages/:language',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const [row] = await adminQuery<{ version: number }>(`SELECT version FROM language_skill WHERE client_id = $1 AND language = 'de'`, [client.id], f.db.ownerUrl);
      return { path: `/api/clients/${client.id}/languages/de`, body: { version: row?.version ?? 0, level: 'B1', certificate: 'telc Deutsch B1', exam: 'telc', certifiedOn: '2026-02-20' } };
    },
  },
];
