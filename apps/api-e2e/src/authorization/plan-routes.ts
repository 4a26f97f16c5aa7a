import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface PlanRouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

let serial = 1000;
const caseWriters: Role[] = ['manager', 'team_lead'];
const partnerReaders: Role[] = ['manager', 'team_lead', 'admin'];
const today = () => new Date().toISOString().slice(0, 10);
const one = async <T extends object>(f: MatrixFixture, sql: string, params: unknown[]): Promise<T> => {
  const [row] = await adminQuery<T>(sql, params, f.db.ownerUrl);
  if (!row) throw new Error(`nothing found for: ${sql}`);
  return row;
};

interface ClientRow {
  id: string;
  municipality_id: string;
  window_end: string;
  agreed_on: string;
}

/** An open client the actor may change (its own caseload for managers), with seeded goals; a different one per call, in a cycle. */
const clientOf = (f: MatrixFixture, role: Role) =>
  one<ClientRow>(
    f,
    `SELECT c.id, c.municipality_id, c.support_window_end::text AS window_end, least(current_date, c.support_window_end)::text AS agreed_on
       FROM client c
      WHERE ${role === 'manager' ? 'c.responsible_manager_id = $1' : 'c.team_id = (SELECT team_id FROM app_user WHERE id = $1)'}
        AND c.support_state <> 'closed' AND c.support_start <= current_date
        AND EXISTS (SELECT 1 FROM goal g JOIN goal_step s ON s.goal_id = g.id WHERE g.client_id = c.id)
      ORDER BY c.case_number DESC OFFSET $2 LIMIT 1`,
    [f.actor(role).id, serial++ % 20],
  );

const goalOf = (f: MatrixFixture, clientId: string) =>
  one<{ id: string; version: number; step_id: string; step_version: number }>(
    f,
    `SELECT g.id, g.version, s.id AS step_id, s.version AS step_version FROM goal g JOIN goal_step s ON s.goal_id = g.id
      WHERE g.client_id = $1
        AND NOT EXISTS (SELECT 1 FROM plan_agreement a WHERE a.client_id = g.client_id AND a.snapshot -> 'goals' @> jsonb_build_array(jsonb_build_object('id', g.id::text)))
      ORDER BY g.created_at DESC, s.created_at LIMIT 1`,
    [clientId],
  );

const partnerOf = (f: MatrixFixture) =>
  one<{ id: string; version: number; offer_id: string; offer_version: number }>(
    f,
    `SELECT p.id, p.version, o.id AS offer_id, o.version AS offer_version FROM partner p JOIN partner_offer o ON o.partner_id = p.id
      WHERE p.municipality_id = $1 AND p.active AND o.active ORDER BY p.name, o.title LIMIT 1`,
    [f.actor('admin').municipality_id],
  );

/** A consent valid today for the partner, as the client would have given it. */
const consentFor = async (f: MatrixFixture, client: ClientRow, partnerId: string) =>
  one<{ id: string; version: number }>(
    f,
    `INSERT INTO consent (municipality_id, client_id, purpose, recipient_kind, partner_id, data_categories, given_on, recorded_as)
     VALUES ($1, $2, 'Vermittlung', 'partner', $3, '{personal}', current_date, 'signed_paper') RETURNING id, version`,
    [client.municipality_id, client.id, partnerId],
  );

const plan = (client: ClientRow, rest = '') => `/api/clients/${client.id}/plan${rest}`;

/** The consent, plan and partner routes for the permission matrix, each with a successful call for an allowed role. */
export const PLAN_AND_PARTNER_ROUTES: PlanRouteCase[] = [
  { method: 'GET', path: '/api/partners', allowed: partnerReaders },
  { method: 'POST', path: '/api/partners', allowed: ['admin'], prepare: async () => ({ body: { name: `Matrix-Partner ${++serial}`, kind: 'organisation' } }) },
  {
    method: 'PATCH',
    path: '/api/partners/:id',
    allowed: ['admin'],
    prepare: async (f) => {
      const partner = await partnerOf(f);
      return { path: `/api/partners/${partner.id}`, body: { version: partner.version, description: `Matrix ${++serial}` } };
    },
  },
  {
    method: 'POST',
    path: '/api/partners/:id/offers',
    allowed: ['admin'],
    prepare: async (f) => ({ path: `/api/partners/${(await partnerOf(f)).id}/offers`, body: { topic: 'work', title: `Matrix-Angebot ${++serial}` } }),
  },
  {
    method: 'PATCH',
    path: '/api/partners/:id/offers/:offerId',
    allowed: ['admin'],
    prepare: async (f) => {
      const partner = await partnerOf(f);
      return { path: `/api/partners/${partner.id}/offers/${partner.offer_id}`, body: { version: partner.offer_version, description: `Matrix ${++serial}` } };
    },
  },
  { method: 'GET', path: '/api/partner-offers', allowed: partnerReaders },
  { method: 'GET', path: '/api/clients/:clientId/consents', allowed: caseWriters, prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}/consents` }) },
  {
    method: 'POST',
    path: '/api/clients/:clientId/consents',
    allowed: caseWriters,
    prepare: async (f, role) => ({
      path: `/api/clients/${(await clientOf(f, role)).id}/consents`,
      body: { purpose: 'Evaluation', recipientKind: 'evaluation', dataCategories: ['plan'], givenOn: today(), recordedAs: 'electronic' },
    }),
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/consents/:consentId/withdraw',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const consent = await consentFor(f, client, (await partnerOf(f)).id);
      return { path: `/api/clients/${client.id}/consents/${consent.id}/withdraw`, body: { version: consent.version } };
    },
  },
  { method: 'GET', path: '/api/clients/:clientId/plan', allowed: caseWriters, prepare: async (f, role) => ({ path: plan(await clientOf(f, role)) }) },
  { method: 'GET', path: '/api/clients/:clientId/plan/agreements', allowed: caseWriters, prepare: async (f, role) => ({ path: plan(await clientOf(f, role), '/agreements') }) },
  {
    method: 'GET',
    path: '/api/clients/:clientId/plan/agreements/:version',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const agreement = await one<{ version: number }>(
        f,
        `INSERT INTO plan_agreement (municipality_id, client_id, version, agreed_on, agreed_by, snapshot)
         SELECT $1, $2, coalesce(max(version), 0) + 1, $4::date, $3, '{"goals": [], "referrals": []}' FROM plan_agreement WHERE client_id = $2
         RETURNING version`,
        [client.municipality_id, client.id, f.actor(role).id, client.agreed_on],
      );
      return { path: plan(client, `/agreements/${agreement.version}`) };
    },
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/plan/agree',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      return { path: plan(client, '/agree'), body: { agreedOn: client.agreed_on } };
    },
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/plan/goals',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      return { path: plan(client, '/goals'), body: { fieldOfAction: 'work', target: 'Praktikum finden', dueOn: client.window_end } };
    },
  },
  {
    method: 'PATCH',
    path: '/api/clients/:clientId/plan/goals/:goalId',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const goal = await goalOf(f, client.id);
      return { path: plan(client, `/goals/${goal.id}`), body: { version: goal.version, target: `Ziel ${++serial}` } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/clients/:clientId/plan/goals/:goalId',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const goal = await goalOf(f, client.id);
      return { path: plan(client, `/goals/${goal.id}?version=${goal.version}`) };
    },
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/plan/goals/:goalId/steps',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      return { path: plan(client, `/goals/${(await goalOf(f, client.id)).id}/steps`), body: { description: 'Termin vereinbaren', assignee: 'client' } };
    },
  },
  {
    method: 'PATCH',
    path: '/api/clients/:clientId/plan/goals/:goalId/steps/:stepId',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const goal = await goalOf(f, client.id);
      return { path: plan(client, `/goals/${goal.id}/steps/${goal.step_id}`), body: { version: goal.step_version, description: `Schritt ${++serial}` } };
    },
  },
  {
    method: 'POST',
    path: '/api/clients/:clientId/plan/referrals',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const partner = await partnerOf(f);
      await consentFor(f, client, partner.id);
      return { path: plan(client, '/referrals'), body: { partnerOfferId: partner.offer_id } };
    },
  },
  {
    method: 'PATCH',
    path: '/api/clients/:clientId/plan/referrals/:referralId',
    allowed: caseWriters,
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      const partner = await partnerOf(f);
      const referral = await one<{ id: string; version: number }>(
        f,
        `INSERT INTO referral (municipality_id, client_id, partner_offer_id, partner_id, state, state_changed_on)
         VALUES ($1, $2, $3, $4, 'proposed', current_date) RETURNING id, version`,
        [client.municipality_id, client.id, partner.offer_id, partner.id],
      );
      return { path: plan(client, `/referrals/${referral.id}`), body: { version: referral.version, state: 'cancelled' } };
    },
  },
];
