import { PasswordHasher } from '@wegweiser/api/auth';
import { calendarToday } from '@wegweiser/api/core';
import { DEMO_PASSWORD, seedDemoData } from '@wegweiser/api/database';
import { SyntheticAverages } from '@wegweiser/api/synthetic-data';
import {
  ClientAssignmentsResponse,
  ClientFileResponse,
  ClientPageResponse,
  ConversationResponse,
  PlanResponse,
  PlanReviewResponse,
  SupportResponse,
  TeamDashboardResponse,
  TeamManagersResponse,
  TimelineResponse,
} from '@wegweiser/shared/contracts';
import { signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { QueryCounter, shortStatement } from './query-counter';

/**
 * Issue 9, acceptance 2 (N+1 guard): the number of SQL statements one
 * request of the caseload list, the client file or the team dashboard sends
 * does not grow with the number of rows it shows. Two databases of the same
 * organisation (one municipality, two teams of two managers) differ only in
 * volume: about 20 times the clients per manager and the most goals, steps,
 * conversations and ratings per client the generator makes, plus more
 * consents, referrals, agreed versions, reviews, extension requests and
 * reassignments on the client whose file is read. Every request is counted
 * in both and must send the same number of statements, a small number.
 */

/**
 * The statements each request may send at most (issue 20: the bounds are the counts measured once the session and
 * the account are remembered per instance, see AuthChanges). A signed-in read's own share: the tenant transaction
 * (3: begin, tenant settings, commit) and the audit event in its own implicit transaction (1); the session and the
 * account are read once per AUTH_CACHE_SECONDS, not per request (counted apart, see `sessionWork`: at most one of
 * the counted runs may pay for them). Lower is welcome; higher fails.
 */
const BOUNDS: Record<string, number> = {
  'caseload list (manager)': 8,
  'caseload list by window end (manager)': 8,
  'caseload list (team lead)': 8,
  'caseload list by last contact (team lead)': 8,
  'team managers with open clients (team lead)': 4,
  client: 6,
  'client file': 6,
  timeline: 6,
  plan: 11,
  conversations: 7,
  support: 7,
  assignments: 6,
  'plan reviews': 6,
  'team dashboard (team lead)': 5,
};
/** Counted runs per request (after one warm-up), which must agree. */
const RUNS = 3;
const PAGE_SIZE = 50;
const ORGANISATION = { municipalities: 1, managers: 4, managersPerTeam: 2 };

interface Volume {
  label: 'small' | 'large';
  clientsPerManager: number;
  averages: SyntheticAverages;
  /** Consents, referrals, agreed versions (with reviews), extension requests and reassignments of the file's client. */
  extras: number;
}

const SMALL: Volume = {
  label: 'small',
  clientsPerManager: 5,
  averages: { conversationsPerClient: 1, goalsPerClient: 3, stepsPerGoal: 1, ratingIntervalMonths: 12 },
  extras: 1,
};
const LARGE: Volume = {
  label: 'large',
  clientsPerManager: 100,
  averages: { conversationsPerClient: 40, goalsPerClient: 8, stepsPerGoal: 4, ratingIntervalMonths: 2 },
  extras: 12,
};

interface Staff {
  manager_id: string;
  manager_email: string;
  lead_id: string;
  lead_email: string;
  clients: number;
}

interface FileClient {
  id: string;
  goals: number;
  steps: number;
  conversations: number;
  ratings: number;
}

interface Dataset {
  volume: Volume;
  db: TestDatabase;
  api: TestApp;
  staff: Staff;
  client: FileClient;
  manager: SignedInAgent;
  lead: SignedInAgent;
  seeded: Record<string, number>;
}

interface Probe {
  area: 'caseload' | 'client file' | 'dashboard';
  name: string;
  as: 'manager' | 'lead';
  path: (d: Dataset) => string;
  /** The rows the response shows (what must not drive the statement count); null for single-record answers. */
  rows: ((body: unknown) => number) | null;
  /** Rows the large dataset's response must at least show for the comparison to mean something. */
  minLargeRows: number;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const fileRows = (f: ClientFileResponse) =>
  f.plan.goals.length +
  sum(f.plan.goals.map((g) => g.steps.length)) +
  f.plan.referrals.length +
  f.conversations.length +
  f.consents.length +
  f.outcomes.length +
  f.ratings.length +
  f.support.history.length +
  f.support.extensions.length;
const planRows = (p: PlanResponse) => p.goals.length + sum(p.goals.map((g) => g.steps.length)) + p.referrals.length;
const listRows = (body: unknown) => (body as ClientPageResponse).items.length;
const clientPath = (d: Dataset, suffix = '') => `/api/clients/${d.client.id}${suffix}`;

const PROBES: Probe[] = [
  { area: 'caseload', name: 'caseload list (manager)', as: 'manager', path: () => `/api/clients?pageSize=${PAGE_SIZE}`, rows: listRows, minLargeRows: PAGE_SIZE },
  {
    area: 'caseload',
    name: 'caseload list by window end (manager)',
    as: 'manager',
    path: () => `/api/clients?pageSize=${PAGE_SIZE}&sort=windowEnd&openCases=true`,
    rows: listRows,
    minLargeRows: PAGE_SIZE,
  },
  { area: 'caseload', name: 'caseload list (team lead)', as: 'lead', path: () => `/api/clients?pageSize=${PAGE_SIZE}`, rows: listRows, minLargeRows: PAGE_SIZE },
  {
    area: 'caseload',
    name: 'caseload list by last contact (team lead)',
    as: 'lead',
    path: () => `/api/clients?pageSize=${PAGE_SIZE}&sort=lastContact`,
    rows: listRows,
    minLargeRows: PAGE_SIZE,
  },
  {
    area: 'caseload',
    name: 'team managers with open clients (team lead)',
    as: 'lead',
    path: () => '/api/teams/mine/managers',
    rows: (body) => sum((body as TeamManagersResponse).items.map((m) => m.openClients)),
    minLargeRows: 100,
  },
  { area: 'client file', name: 'client', as: 'manager', path: (d) => clientPath(d), rows: null, minLargeRows: 0 },
  {
    area: 'client file',
    name: 'client file',
    as: 'manager',
    path: (d) => clientPath(d, '/file'),
    rows: (body) => fileRows(body as ClientFileResponse),
    minLargeRows: 150,
    // Nine parts (client, support, qualifications, languages, consents, plan, conversations, outcomes, ratings) in one statement after the access check.
  },
  {
    area: 'client file',
    name: 'timeline',
    as: 'manager',
    path: (d) => clientPath(d, '/timeline'),
    rows: (body) => (body as TimelineResponse).items.length,
    minLargeRows: 100,
  },
  { area: 'client file', name: 'plan', as: 'manager', path: (d) => clientPath(d, '/plan'), rows: (body) => planRows(body as PlanResponse), minLargeRows: 40 },
  {
    area: 'client file',
    name: 'conversations',
    as: 'manager',
    path: (d) => clientPath(d, '/conversations'),
    rows: (body) => (body as ConversationResponse[]).length,
    minLargeRows: 20,
  },
  {
    area: 'client file',
    name: 'support',
    as: 'manager',
    path: (d) => clientPath(d, '/support'),
    rows: (body) => (body as SupportResponse).history.length + (body as SupportResponse).extensions.length,
    minLargeRows: 12,
  },
  {
    area: 'client file',
    name: 'assignments',
    as: 'manager',
    path: (d) => clientPath(d, '/assignments'),
    rows: (body) => (body as ClientAssignmentsResponse).items.length,
    minLargeRows: 12,
  },
  {
    area: 'client file',
    name: 'plan reviews',
    as: 'manager',
    path: (d) => clientPath(d, '/plan/reviews'),
    rows: (body) => (body as PlanReviewResponse[]).length,
    minLargeRows: 12,
  },
  {
    area: 'dashboard',
    name: 'team dashboard (team lead)',
    as: 'lead',
    path: () => '/api/team/dashboard',
    rows: (body) => sum((body as TeamDashboardResponse).managers.map((m) => m.activeClients)),
    minLargeRows: 100,
  },
];

/** The manager with the most clients, and the lead of their team. */
const STAFF_SQL = `
  SELECT u.id AS manager_id, u.email AS manager_email, l.id AS lead_id, l.email AS lead_email,
         (SELECT count(*)::int FROM client c WHERE c.responsible_manager_id = u.id) AS clients
    FROM app_user u JOIN app_user l ON l.team_id = u.team_id AND l.role = 'team_lead'
   WHERE u.role = 'manager' AND u.active
   ORDER BY clients DESC, u.email
   LIMIT 1`;

/** The manager's client in active support with the most goals, steps and conversations. */
const FILE_CLIENT_SQL = `
  SELECT c.id,
         (SELECT count(*)::int FROM goal g WHERE g.client_id = c.id) AS goals,
         (SELECT count(*)::int FROM goal_step s JOIN goal g ON g.id = s.goal_id WHERE g.client_id = c.id) AS steps,
         (SELECT count(*)::int FROM conversation v WHERE v.client_id = c.id) AS conversations,
         (SELECT count(*)::int FROM soft_rating r WHERE r.client_id = c.id) AS ratings
    FROM client c
   WHERE c.responsible_manager_id = $1 AND c.support_state = 'active'
   ORDER BY goals DESC, steps DESC, conversations DESC, c.id
   LIMIT 1`;

/**
 * What the synthetic data leaves out, `n` of each on one client: consents to
 * as many partners, referrals to as many offers (for its goals), agreed
 * versions of the plan each with a review (the latest waiting), extension
 * requests (the latest pending) and reassignments between lead and manager.
 */
async function addFileDetails(ownerUrl: string, clientId: string, n: number, managerId: string, leadId: string): Promise<void> {
  const sql = (query: string, params: unknown[]) => adminQuery(query, params, ownerUrl);
  await sql(
    `INSERT INTO consent (municipality_id, client_id, purpose, recipient_kind, partner_id, data_categories, given_on, recorded_as)
     SELECT c.municipality_id, c.id, 'Weitergabe an ' || p.name, 'partner', p.id, ARRAY['personal', 'plan']::varchar[], c.support_start, 'signed_paper'
       FROM client c CROSS JOIN generate_series(1, $2::int) i
       CROSS JOIN LATERAL (SELECT id, name FROM partner WHERE municipality_id = c.municipality_id ORDER BY id
                            OFFSET (i - 1) % (SELECT count(*) FROM partner WHERE municipality_id = c.municipality_id) LIMIT 1) p
      WHERE c.id = $1`,
    [clientId, n],
  );
  await sql(
    `INSERT INTO referral (municipality_id, client_id, goal_id, partner_offer_id, partner_id, state, sent_on, state_changed_on)
     SELECT c.municipality_id, c.id, g.id, o.id, o.partner_id, 'sent', c.support_start, c.support_start
       FROM client c CROSS JOIN generate_series(1, $2::int) i
       CROSS JOIN LATERAL (SELECT id FROM goal WHERE client_id = c.id ORDER BY created_at, id
                            OFFSET (i - 1) % (SELECT count(*) FROM goal WHERE client_id = c.id) LIMIT 1) g
       CROSS JOIN LATERAL (SELECT id, partner_id FROM partner_offer WHERE municipality_id = c.municipality_id ORDER BY id
                            OFFSET (i - 1) % (SELECT count(*) FROM partner_offer WHERE municipality_id = c.municipality_id) LIMIT 1) o
      WHERE c.id = $1`,
    [clientId, n],
  );
  await sql(
    `INSERT INTO plan_agreement (municipality_id, client_id, version, agreed_on, agreed_by, snapshot)
     SELECT c.municipality_id, c.id, i, c.support_start, $3::uuid, '{"goals": [], "referrals": []}'::jsonb
       FROM client c CROSS JOIN generate_series(1, $2::int) i WHERE c.id = $1`,
    [clientId, n, managerId],
  );
  await sql(
    `INSERT INTO plan_review (municipality_id, client_id, agreement_version, state, comment, submitted_by, submitted_at, decided_by, decided_at)
     SELECT c.municipality_id, c.id, i,
            CASE WHEN i = $2 THEN 'submitted' ELSE 'returned' END,
            CASE WHEN i = $2 THEN NULL ELSE 'Bitte die Schritte konkreter fassen.' END,
            $3::uuid, now() - make_interval(days => $2 - i + 1),
            CASE WHEN i = $2 THEN NULL ELSE $4::uuid END,
            CASE WHEN i = $2 THEN NULL ELSE now() - make_interval(days => $2 - i) END
       FROM client c CROSS JOIN generate_series(1, $2::int) i WHERE c.id = $1`,
    [clientId, n, managerId, leadId],
  );
  await sql(
    `INSERT INTO support_extension (municipality_id, client_id, requested_until, justification, state, requested_by, requested_at, decided_by, decided_on)
     SELECT c.municipality_id, c.id, c.support_window_end + 90 * i, 'Die Ausbildung endet erst nach dem Förderzeitraum.',
            CASE WHEN i = $2 THEN 'pending' ELSE 'rejected' END,
            $3::uuid, now() - make_interval(days => $2 - i + 1),
            CASE WHEN i = $2 THEN NULL ELSE $4::uuid END,
            CASE WHEN i = $2 THEN NULL ELSE current_date END
       FROM client c CROSS JOIN generate_series(1, $2::int) i WHERE c.id = $1`,
    [clientId, n, managerId, leadId],
  );
  await sql(
    `INSERT INTO client_assignment (municipality_id, client_id, from_manager_id, to_manager_id, reason, assigned_by, assigned_at)
     SELECT c.municipality_id, c.id,
            CASE WHEN i % 2 = 1 THEN $4::uuid ELSE $3::uuid END,
            CASE WHEN i % 2 = 1 THEN $3::uuid ELSE $4::uuid END,
            'Vertretung während des Urlaubs', $4::uuid, now() - make_interval(days => $2 - i + 1)
       FROM client c CROSS JOIN generate_series(1, $2::int) i WHERE c.id = $1`,
    [clientId, n, managerId, leadId],
  );
}

async function createDataset(volume: Volume, demoPasswordHash: string): Promise<Dataset> {
  const db = await createTestDatabase();
  let api: TestApp | undefined;
  try {
    // No job runner, no reminder schedule: nothing but the request talks to the database while it is counted.
    // Sessions and accounts remembered for the longest time allowed: a busy machine must not let them expire between
    // the warm-up and the counted runs of every probe (where one still does, see `sessionWork`).
    api = await createTestApp(db, [], { DEMO_DATA: 'false', JOBS_ENABLED: 'false', REMINDERS_SCHEDULE: 'false', LOGIN_RATE_LIMIT_PER_IP: '1000', AUTH_CACHE_SECONDS: '60' });
    const seeded = await seedDemoData(db.ownerUrl, {
      clients: ORGANISATION.managers * volume.clientsPerManager,
      seed: 2026,
      demoPasswordHash,
      fieldKeys: api.database.fieldKeys,
      generator: { ...ORGANISATION, referenceDate: calendarToday(), averages: volume.averages },
    });
    const [staff] = await adminQuery<Staff>(STAFF_SQL, [], db.ownerUrl);
    if (!staff) throw new Error(`${volume.label}: no manager seeded`);
    const [chosen] = await adminQuery<{ id: string }>(FILE_CLIENT_SQL, [staff.manager_id], db.ownerUrl);
    if (!chosen) throw new Error(`${volume.label}: the manager has no client in active support`);
    await addFileDetails(db.ownerUrl, chosen.id, volume.extras, staff.manager_id, staff.lead_id);
    await adminQuery('ANALYZE', [], db.ownerUrl);
    const [client] = (await adminQuery<FileClient>(FILE_CLIENT_SQL, [staff.manager_id], db.ownerUrl)) as [FileClient];
    const server = api.app.getHttpServer();
    return { volume, db, api, staff, client, seeded, manager: await signIn(server, staff.manager_email), lead: await signIn(server, staff.lead_email) };
  } catch (error) {
    await api?.close().catch(() => undefined);
    await db.drop().catch(() => undefined);
    throw error;
  }
}

interface Measurement {
  counts: number[];
  statements: string[][];
  rows: number | null;
  /** Counted runs that read the session or the account, or extended the session's expiry. */
  sessionRuns: number;
}

/** The session read, its expiry extension and the account check (AuthGuard), each remembered per instance. */
const sessionWork = (sql: string) => /"user_session"|request_account\(/.test(sql);

describe('performance: SQL statements per request do not grow with the rows shown (N+1 guard)', () => {
  const counter = new QueryCounter();
  let small: Dataset;
  let large: Dataset;
  const report: string[] = [];

  const measure = async (d: Dataset, probe: Probe): Promise<Measurement> => {
    const agent = (probe.as === 'manager' ? d.manager : d.lead).agent;
    const path = probe.path(d);
    const call = async () => {
      const response = await agent.get(path);
      if (response.status !== 200) throw new Error(`${d.volume.label} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as unknown;
    };
    const body = await call(); // warm-up (not counted): first use of pooled connections and of the request path
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await counter.record(call));
    // A request's own statements, and apart from them the session's work (read once per AUTH_CACHE_SECONDS, the
    // expiry extended once a minute): which run pays for it depends on the clock, not on the request.
    const own = runs.map((r) => r.statements.filter((s) => !sessionWork(s)));
    return {
      counts: own.map((statements) => statements.length),
      statements: own.map((statements) => statements.map((s) => shortStatement(s))),
      sessionRuns: runs.filter((r) => r.statements.some(sessionWork)).length,
      rows: probe.rows ? probe.rows(body) : null,
    };
  };

  beforeAll(async () => {
    const started = Date.now();
    const hash = await new PasswordHasher().hash(DEMO_PASSWORD);
    // Both at once (the second core seeds while the first migrates); each is closed in afterAll even if the other failed.
    await Promise.all([createDataset(SMALL, hash).then((d) => (small = d)), createDataset(LARGE, hash).then((d) => (large = d))]);
    counter.install();
    const summary = (d: Dataset) =>
      `${d.volume.label}: ${d.seeded['clients']} clients (${d.staff.clients} of the manager), ${d.seeded['goals']} goals, ${d.seeded['goalSteps']} steps, ` +
      `${d.seeded['conversations']} conversations; file client: ${d.client.goals} goals, ${d.client.steps} steps, ${d.client.conversations} conversations, ` +
      `${d.client.ratings} ratings, ${d.volume.extras} of each detail`;
    report.push(summary(small), summary(large), `set-up: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  afterAll(async () => {
    counter.uninstall();
    process.stdout.write(`\n${report.join('\n')}\n\n`);
    await Promise.all([small?.api.close(), large?.api.close()]);
    await Promise.all([small?.db.drop(), large?.db.drop()]);
  });

  it('the datasets differ in volume as intended', () => {
    expect(small.staff.clients).toBeLessThanOrEqual(10);
    expect(large.staff.clients).toBeGreaterThanOrEqual(80);
    expect(large.client.goals).toBe(8);
    expect(large.client.steps).toBeGreaterThanOrEqual(24);
    expect(large.client.conversations).toBeGreaterThanOrEqual(20);
    expect(small.client).toMatchObject({ goals: 3, steps: 3 });
  });

  it.each(PROBES.map((probe) => [`${probe.area}: ${probe.name}`, probe] as const))('%s', async (_title, probe) => {
    const a = await measure(small, probe);
    const b = await measure(large, probe);
    const [smallCount = 0] = a.counts;
    const [largeCount = 0] = b.counts;
    report.push(`${probe.area.padEnd(11)} | ${probe.name.padEnd(43)} | statements ${smallCount} / ${largeCount} | rows ${a.rows ?? '-'} / ${b.rows ?? '-'}`);
    const listed = (m: Measurement) => m.statements[0] ?? [];

    // The count is the same on every run of a dataset (no background work in the window).
    for (const m of [a, b]) {
      const stable = m.counts.every((count) => count === m.counts[0]);
      expect(stable ? { counts: m.counts } : { counts: m.counts, statements: m.statements }).toEqual({ counts: Array<number>(RUNS).fill(m.counts[0] ?? 0) });
    }
    // The session and the account are remembered: read again in at most one counted run (when their time was up).
    for (const m of [a, b]) expect(m.sessionRuns).toBeLessThanOrEqual(1);
    // Something is counted: the patched pg client is the one TypeORM and the session store use.
    expect(smallCount).toBeGreaterThan(0);
    // The large response really shows many more rows...
    if (probe.rows) {
      expect(b.rows).toBeGreaterThanOrEqual(probe.minLargeRows);
      expect(b.rows).toBeGreaterThan(3 * (a.rows ?? 0));
    }
    // ...with the very same number of statements (on failure, both lists show which one repeats)...
    const same = largeCount === smallCount;
    expect(same ? { statements: largeCount } : { statements: largeCount, small: listed(a), large: listed(b) }).toEqual({ statements: smallCount });
    // ...and not absurdly many of them.
    const max = BOUNDS[probe.name];
    expect(max).toBeDefined();
    expect(largeCount <= max ? { statements: 'within bound' } : { statements: largeCount, max, large: listed(b) }).toEqual({ statements: 'within bound' });
  });
});
