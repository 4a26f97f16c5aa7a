import { Role } from '@wegweiser/shared/contracts';
import { CASE_DETAIL_ROUTES } from '../authorization/case-detail-routes';
import { CLIENT_DOCUMENT_ROUTES } from '../authorization/client-document-routes';
import { DATA_PROTECTION_ROUTES } from '../authorization/data-protection-routes';
import { CLIENT_FILE_ROUTES } from '../authorization/client-routes';
import { EVALUATION_ROUTES } from '../authorization/evaluation-routes';
import { FUNDING_REPORT_ROUTES } from '../authorization/funding-report-routes';
import { PARTNER_ADMIN_ROUTES } from '../authorization/partner-admin-routes';
import { PLAN_REVIEW_ROUTES } from '../authorization/plan-review-routes';
import { PLAN_AND_PARTNER_ROUTES } from '../authorization/plan-routes';
import { REASSIGNMENT_ROUTES } from '../authorization/reassignment-routes';
import { REMINDER_ROUTES } from '../authorization/reminder-routes';
import { TEAM_ADMIN_ROUTES } from '../authorization/team-admin-routes';
import { TEAM_ROUTES } from '../authorization/team-routes';
import { USER_ADMIN_ROUTES } from '../authorization/user-admin-routes';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';
import { Upload } from './hygiene-cases';

/** What the permission matrix's `prepare` functions need (structurally its Fixture). */
export interface FuzzFixture {
  db: TestDatabase;
  users: DemoUser[];
  actor(role: Role): DemoUser;
  /** A manager of the actors' municipality nobody signs in as: target of the user routes. */
  bystander: DemoUser;
}

/** A route, who may call it, and how to build a request it accepts (real ids, a valid body). */
export interface FuzzTarget {
  method: string;
  path: string;
  allowed: readonly Role[] | 'public' | 'signedIn';
  prepare?: (f: FuzzFixture, role: Role) => Promise<Recipe>;
}

/** A request the route accepts: real ids in the path, a valid JSON body or a valid upload. */
export interface Recipe {
  path?: string;
  body?: object;
  file?: Upload;
}

let serial = 5000;
const ownClient = async (f: FuzzFixture, role: Role) => {
  const condition =
    role === 'manager'
      ? 'responsible_manager_id = $1'
      : 'team_id = (SELECT team_id FROM app_user WHERE id = $1)';
  const [client] = await adminQuery<{ id: string; version: number }>(
    `SELECT id, version FROM client WHERE ${condition} AND support_state <> 'closed' ORDER BY case_number OFFSET $2 LIMIT 1`,
    [f.actor(role).id, serial++ % 10],
    f.db.ownerUrl,
  );
  if (!client) throw new Error('no client for the actor');
  return client;
};
const firstTeam = async (f: FuzzFixture) =>
  (
    await adminQuery<{ id: string }>(
      'SELECT id FROM team WHERE municipality_id = $1 ORDER BY name LIMIT 1',
      [f.actor('admin').municipality_id],
      f.db.ownerUrl,
    )
  )[0]?.id ?? '';

/** The permission matrix's own first routes (defined inside its spec), with bodies the API accepts. */
const BASE_TARGETS: FuzzTarget[] = [
  { method: 'GET', path: '/api/health', allowed: 'public' },
  { method: 'GET', path: '/api/health/ready', allowed: 'public' },
  { method: 'GET', path: '/api/auth/csrf', allowed: 'public' },
  { method: 'GET', path: '/api/auth/me', allowed: 'signedIn' },
  {
    method: 'PATCH',
    path: '/api/auth/preferences',
    allowed: 'signedIn',
    prepare: async () => ({ body: { locale: 'de' } }),
  },
  { method: 'GET', path: '/api/clients', allowed: ['manager', 'team_lead'] },
  {
    method: 'GET',
    path: '/api/clients/:id',
    allowed: ['manager', 'team_lead'],
    prepare: async (f, role) => ({
      path: `/api/clients/${(await ownClient(f, role)).id}`,
    }),
  },
  {
    method: 'PATCH',
    path: '/api/clients/:id',
    allowed: ['manager', 'team_lead'],
    prepare: async (f, role) => {
      const client = await ownClient(f, role);
      return {
        path: `/api/clients/${client.id}`,
        body: { version: client.version, lastName: 'Fuzz' },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/clients/:id',
    allowed: ['team_lead'],
    prepare: async (f, role) => ({
      path: `/api/clients/${(await ownClient(f, role)).id}`,
    }),
  },
  { method: 'GET', path: '/api/audit', allowed: ['dpo'] },
  { method: 'GET', path: '/api/users', allowed: ['admin'] },
  {
    method: 'GET',
    path: '/api/users/:id',
    allowed: ['admin'],
    prepare: async (f) => ({ path: `/api/users/${f.bystander.id}` }),
  },
  {
    method: 'POST',
    path: '/api/users',
    allowed: ['admin'],
    prepare: async (f) => ({
      body: {
        email: `fuzz.${++serial}@ms.wegweiser.example`,
        firstName: 'Fia',
        lastName: 'Fuzz',
        role: 'manager',
        teamId: await firstTeam(f),
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/users/:id',
    allowed: ['admin'],
    prepare: async (f) => ({
      path: `/api/users/${f.bystander.id}`,
      body: { lastName: `Fuzz${++serial}` },
    }),
  },
  {
    method: 'POST',
    path: '/api/users/:id/reset-password',
    allowed: ['admin'],
    prepare: async (f) => ({
      path: `/api/users/${f.bystander.id}/reset-password`,
    }),
  },
  { method: 'GET', path: '/api/teams', allowed: ['admin'] },
  {
    method: 'POST',
    path: '/api/teams',
    allowed: ['admin'],
    prepare: async () => ({ body: { name: `Fuzz-Team ${++serial}` } }),
  },
  {
    method: 'PATCH',
    path: '/api/teams/:id',
    allowed: ['admin'],
    prepare: async (f) => ({
      path: `/api/teams/${await firstTeam(f)}`,
      body: { name: `Team Fuzz ${++serial}` },
    }),
  },
];

/**
 * The sign-in flow: fuzzed only without a session or with a throw-away one,
 * so the role sessions the other routes use survive.
 */
export const SIGN_IN_FLOW_TARGETS: FuzzTarget[] = [
  {
    method: 'POST',
    path: '/api/auth/login',
    allowed: 'public',
    prepare: async (f) => ({
      body: { email: f.bystander.email, password: 'wrong-password-123' },
    }),
  },
  { method: 'POST', path: '/api/auth/logout', allowed: 'signedIn' },
  {
    method: 'POST',
    path: '/api/auth/password',
    allowed: 'signedIn',
    prepare: async () => ({
      body: {
        currentPassword: 'wrong-password-123',
        newPassword: 'Another-Long-Passphrase-2026',
      },
    }),
  },
  { method: 'POST', path: '/api/auth/totp/enrol', allowed: 'signedIn' },
  {
    method: 'POST',
    path: '/api/auth/totp/confirm',
    allowed: 'signedIn',
    prepare: async () => ({ body: { code: '000000' } }),
  },
  {
    method: 'POST',
    path: '/api/auth/totp/verify',
    allowed: 'signedIn',
    prepare: async () => ({ body: { code: '000000' } }),
  },
  {
    method: 'POST',
    path: '/api/auth/totp/recover',
    allowed: 'signedIn',
    prepare: async () => ({ body: { recoveryCode: 'abcd-efgh-jkmn' } }),
  },
];

export const FUZZ_TARGETS: FuzzTarget[] = [
  ...BASE_TARGETS,
  ...CLIENT_FILE_ROUTES,
  ...CLIENT_DOCUMENT_ROUTES,
  ...PLAN_AND_PARTNER_ROUTES,
  ...REMINDER_ROUTES,
  ...PLAN_REVIEW_ROUTES,
  ...CASE_DETAIL_ROUTES,
  ...REASSIGNMENT_ROUTES,
  ...TEAM_ROUTES,
  ...TEAM_ADMIN_ROUTES,
  ...EVALUATION_ROUTES,
  ...FUNDING_REPORT_ROUTES,
  ...USER_ADMIN_ROUTES,
  // The import routes take multipart files only: the fuzzer's JSON bodies are refused before any work (415, nothing written).
  ...PARTNER_ADMIN_ROUTES,
  ...DATA_PROTECTION_ROUTES,
];
