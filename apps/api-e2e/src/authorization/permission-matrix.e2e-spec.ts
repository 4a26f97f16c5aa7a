import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { routeAccess } from '@wegweiser/api/auth';
import { CSRF_HEADER, Role, ROLES } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { completeTotpEnrolment } from '../support/second-factor';
import { csrfToken, demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { CASE_DETAIL_ROUTES } from './case-detail-routes';
import { CLIENT_DOCUMENT_ROUTES } from './client-document-routes';
import { DATA_PROTECTION_ROUTES } from './data-protection-routes';
import { CLIENT_FILE_ROUTES } from './client-routes';
import { EVALUATION_ROUTES } from './evaluation-routes';
import { FUNDING_REPORT_ROUTES } from './funding-report-routes';
import { PARTNER_ADMIN_ROUTES } from './partner-admin-routes';
import { PLAN_AND_PARTNER_ROUTES } from './plan-routes';
import { PLAN_REVIEW_ROUTES } from './plan-review-routes';
import { REASSIGNMENT_ROUTES } from './reassignment-routes';
import { REMINDER_ROUTES } from './reminder-routes';
import { RETENTION_ROUTES } from './retention-routes';
import { TEAM_ADMIN_ROUTES } from './team-admin-routes';
import { TEAM_ROUTES } from './team-routes';
import { USER_ADMIN_ROUTES } from './user-admin-routes';

interface Fixture {
  db: TestDatabase;
  users: DemoUser[];
  /** A caller of this role in municipality 1 (team 1 for team roles). */
  actor(role: Role): DemoUser;
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  allowed: Role[] | 'public' | 'signedIn';
  /** Concrete path and body for an allowed caller of `role`. */
  prepare?: (f: Fixture, role: Role) => Promise<{ path?: string; body?: object; file?: UploadCase }>;
}

/** A multipart upload (field `file`) with its text fields. */
interface UploadCase {
  name: string;
  content: Buffer;
  fields?: Record<string, string>;
}

let serial = 0;
const clientOf = async (f: Fixture, role: Role) => {
  const actor = f.actor(role);
  const condition = role === 'manager' ? 'responsible_manager_id = $1' : 'team_id = (SELECT team_id FROM app_user WHERE id = $1)';
  const [client] = await adminQuery<{ id: string; version: number }>(`SELECT id, version FROM client WHERE ${condition} AND support_state <> 'closed' ORDER BY case_number OFFSET $2 LIMIT 1`, [actor.id, serial++], f.db.ownerUrl);
  if (!client) throw new Error('no client for the actor');
  return client;
};
const teamOf = async (f: Fixture) => (await adminQuery<{ id: string }>('SELECT id FROM team WHERE municipality_id = $1 ORDER BY name LIMIT 1', [f.actor('admin').municipality_id], f.db.ownerUrl))[0]?.id ?? '';
const managerOf = (f: Fixture) => pick(f.users, 'manager', (u) => u.municipality_id === f.actor('admin').municipality_id && u.id !== f.actor('manager').id);

/** Every route of the API, who may call it, and how to call it successfully. */
const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/health', allowed: 'public' },
  { method: 'GET', path: '/api/health/ready', allowed: 'public' },
  { method: 'GET', path: '/api/auth/csrf', allowed: 'public' },
  { method: 'GET', path: '/api/auth/me', allowed: 'signedIn' },
  { method: 'PATCH', path: '/api/auth/preferences', allowed: 'signedIn', prepare: async () => ({ body: { locale: 'de' } }) },
  { method: 'GET', path: '/api/clients', allowed: ['manager', 'team_lead'] },
  { method: 'GET', path: '/api/clients/:id', allowed: ['manager', 'team_lead'], prepare: async (f, role) => ({ path: `/api/clients/${(await clientOf(f, role)).id}` }) },
  {
    method: 'PATCH',
    path: '/api/clients/:id',
    allowed: ['manager', 'team_lead'],
    prepare: async (f, role) => {
      const client = await clientOf(f, role);
      return { path: `/api/clients/${client.id}`, body: { version: client.version, lastName: 'Matrix' } };
    },
  },
  { method: 'GET', path: '/api/audit', allowed: ['dpo'] },
  { method: 'GET', path: '/api/users', allowed: ['admin'] },
  { method: 'GET', path: '/api/users/:id', allowed: ['admin'], prepare: async (f) => ({ path: `/api/users/${managerOf(f).id}` }) },
  {
    method: 'POST',
    path: '/api/users',
    allowed: ['admin'],
    prepare: async (f) => ({ body: { email: `matrix.${++serial}@ms.wegweiser.example`, firstName: 'Mia', lastName: 'Matrix', role: 'manager', teamId: await teamOf(f) } }),
  },
  { method: 'PATCH', path: '/api/users/:id', allowed: ['admin'], prepare: async (f) => ({ path: `/api/users/${managerOf(f).id}`, body: { lastName: `Matrix${++serial}` } }) },
  { method: 'POST', path: '/api/users/:id/reset-password', allowed: ['admin'], prepare: async (f) => ({ path: `/api/users/${managerOf(f).id}/reset-password` }) },
  { method: 'GET', path: '/api/teams', allowed: ['admin'] },
  { method: 'POST', path: '/api/teams', allowed: ['admin'], prepare: async () => ({ body: { name: `Matrix-Team ${++serial}` } }) },
  { method: 'PATCH', path: '/api/teams/:id', allowed: ['admin'], prepare: async (f) => ({ path: `/api/teams/${await teamOf(f)}`, body: { name: `Team Matrix ${++serial}` } }) },
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
  ...RETENTION_ROUTES,
  ...FUNDING_REPORT_ROUTES,
  ...USER_ADMIN_ROUTES,
  ...PARTNER_ADMIN_ROUTES,
  ...DATA_PROTECTION_ROUTES,
];

/** The sign-in flow's own routes: their behaviour per stage is tested in auth/sign-in.e2e-spec.ts and auth/second-factor.e2e-spec.ts. */
const SIGN_IN_FLOW = ['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/auth/totp/enrol', 'POST /api/auth/totp/confirm', 'POST /api/auth/totp/verify', 'POST /api/auth/totp/recover'];

describe('permission matrix: every role × every route', () => {
  let api: TestApp;
  let fixture: Fixture;
  const sessions = new Map<Role, SignedInAgent>();
  const server = () => api.app.getHttpServer();

  beforeAll(async () => {
    const db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '10000', LOGIN_RATE_LIMIT_PER_ACCOUNT: '1000' });
    const users = await demoUsers(db.ownerUrl);
    const [first] = users.filter((u) => u.role === 'admin');
    const municipality = first?.municipality_id;
    const team = pick(users, 'team_lead', (u) => u.municipality_id === municipality).team_id;
    fixture = {
      db,
      users,
      actor: (role) => pick(users, role, (u) => u.municipality_id === municipality && (u.team_id === null || u.team_id === team)),
    };
  });

  afterAll(async () => {
    await api?.close();
    await fixture?.db.drop();
  });

  /** One fully signed-in session per role (admins and the dpo complete TOTP enrolment). */
  async function sessionOf(role: Role): Promise<SignedInAgent> {
    const cached = sessions.get(role);
    if (cached) return cached;
    const signed = await signIn(server(), fixture.actor(role).email);
    const session = signed.session.me.stage === 'totp_enrol' ? await completeTotpEnrolment(signed) : signed;
    expect(session.session.me.stage).toBe('active');
    sessions.set(role, session);
    return session;
  }

  it('lists every route of the running app, and each declares public, signed-in or a permission', () => {
    const discovery = api.app.get(DiscoveryService);
    const scanner = api.app.get(MetadataScanner);
    const reflector = api.app.get(Reflector);
    const found: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      const base = String(Reflect.getMetadata(PATH_METADATA, instance.constructor) ?? '').replace(/^\/|\/$/g, '');
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const full = `/api/${[base, path.replace(/^\/|\/$/g, '')].filter(Boolean).join('/')}`;
        expect({ route: `${method} ${full}`, access: routeAccess(reflector, [handler as () => void, instance.constructor as () => void]).kind }).not.toEqual(
          expect.objectContaining({ access: 'undeclared' }),
        );
        found.push(`${method} ${full}`);
      }
    }
    const covered = [...ROUTES.map((r) => `${r.method} ${r.path}`), ...SIGN_IN_FLOW].sort();
    expect(found.sort()).toEqual(covered);
  });

  const nonPublic = ROUTES.filter((r) => r.allowed !== 'public');

  it.each(nonPublic.map((r) => [`${r.method} ${r.path}`, r] as const))('%s without a session → 401', async (_name, route) => {
    const agent = request.agent(server());
    const csrf = await csrfToken(agent);
    const path = route.path.replace(':id', '00000000-0000-4000-8000-000000000000');
    const response = await agent[route.method.toLowerCase() as 'get'](path).set(CSRF_HEADER, csrf).send({});
    expect(response.status).toBe(401);
  });

  const cases = ROUTES.flatMap((route) => ROLES.map((role) => [`${role} ${route.method} ${route.path}`, role, route] as const));

  it.each(cases)('%s', async (_name, role, route) => {
    const allowed = route.allowed === 'public' || route.allowed === 'signedIn' || route.allowed.includes(role);
    const { agent, csrf } = await sessionOf(role);
    const prepared = allowed && route.prepare ? await route.prepare(fixture, role) : {};
    const path = prepared.path ?? route.path.replace(':id', '00000000-0000-4000-8000-000000000000');
    const call = agent[route.method.toLowerCase() as 'get'](path).set(CSRF_HEADER, csrf);
    const { file } = prepared as { file?: UploadCase };
    if (file) for (const [name, value] of Object.entries(file.fields ?? {})) call.field(name, value);
    const response = await (file ? call.attach('file', file.content, file.name) : call.send(prepared.body ?? {}));
    if (allowed) {
      expect({ status: response.status, body: response.status >= 300 ? response.body : undefined }).toEqual({ status: expect.any(Number), body: undefined });
      expect(response.status).toBeLessThan(300);
    } else {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
  });
});
