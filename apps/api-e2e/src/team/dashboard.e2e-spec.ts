import { calendarToday } from '@wegweiser/api/core';
import {
  ClientPageResponse,
  CreateConversationRequest,
  CSRF_HEADER,
  TeamDashboardResponse,
} from '@wegweiser/shared/contracts';
import { createClient } from '../clients/client-fixtures';
import {
  demoUsers,
  DemoUser,
  pick,
  signIn,
  SignedInAgent,
} from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import {
  adminQuery,
  createTestDatabase,
  TestDatabase,
} from '../support/test-database';

const DAY_MS = 86_400_000;
const TODAY = calendarToday();
const day = (offset: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * DAY_MS)
    .toISOString()
    .slice(0, 10);
/** First day of the month `k` months from the current one. */
const month = (k: number) => {
  const [year, m] = TODAY.split('-').map(Number) as [number, number];
  const total = year * 12 + (m - 1) + k;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
};
const monthPlusDays = (k: number, days: number) =>
  new Date(Date.parse(`${month(k)}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);

const conversation = (date: string): CreateConversationRequest => ({
  heldAt: `${date}T10:00:00+01:00`,
  durationMinutes: 30,
  form: 'office',
  interpreter: 'none',
  language: 'de',
  topics: ['work'],
  note: 'Gespräch zum Stand der Bewerbungen.',
  agreements: null,
  nextAppointmentAt: null,
});

type Key = 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7' | 'c8';

/**
 * Acceptance 1: a team of its own (lead, managers A, B, D and the
 * deactivated C) with eight clients of known dates, states, contacts, goals,
 * steps, reviews and extensions, built next to the demo data of the same
 * municipality. Every figure is the hand-computed number below, and the
 * figure's list filters list exactly the clients counted.
 */
describe('team dashboard: figures equal hand-computed counts, each with its list', () => {
  let db: TestDatabase;
  let api: TestApp;
  let demoLead: DemoUser;
  let asLead: SignedInAgent;
  let asDemoLead: SignedInAgent;
  let asManager: SignedInAgent;
  const team = { id: '', a: '', b: '', c: '', d: '', lead: '' };
  const ids = {} as Record<Key, string>;
  const server = () => api.app.getHttpServer();
  const sql = <T extends object>(query: string, params: unknown[] = []) =>
    adminQuery<T>(query, params, db.ownerUrl);

  const dashboard = async (
    as: SignedInAgent,
    query: Record<string, string | number> = {},
  ) => {
    const response = await as.agent.get('/api/team/dashboard').query(query);
    if (response.status !== 200)
      throw new Error(
        `dashboard: ${response.status} ${JSON.stringify(response.body)}`,
      );
    return response.body as TeamDashboardResponse;
  };
  /** Every client the list returns for these filters (one page of up to 200 suffices here). */
  const listed = async (
    query: Record<string, string | boolean>,
    as = asLead,
  ) => {
    const response = await as.agent
      .get('/api/clients')
      .query({ ...query, pageSize: 200 });
    if (response.status !== 200)
      throw new Error(
        `list ${JSON.stringify(query)}: ${response.status} ${JSON.stringify(response.body)}`,
      );
    const page = response.body as ClientPageResponse;
    expect(page.nextCursor).toBeNull();
    return page;
  };
  const listedKeys = async (query: Record<string, string | boolean>) => {
    const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
    return (await listed(query)).items
      .map((c) => byId.get(c.id) ?? `foreign ${c.id}`)
      .sort();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], {
      DEMO_DATA: 'true',
      DEMO_CLIENTS: '300',
      LOGIN_RATE_LIMIT_PER_IP: '1000',
    });
    const users = await demoUsers(db.ownerUrl);
    demoLead = pick(users, 'team_lead');
    const municipality = demoLead.municipality_id;

    // The team and its people, as an administrator would have set them up (demo password).
    [{ id: team.id }] = (await sql<{ id: string }>(
      `INSERT INTO team (municipality_id, name) VALUES ($1, 'Team Prüfstand') RETURNING id`,
      [municipality],
    )) as [{ id: string }];
    const person = async (email: string, role: string, active = true) =>
      (
        (await sql<{ id: string }>(
          `INSERT INTO app_user (municipality_id, team_id, email, first_name, last_name, role, password_hash, active)
           SELECT $1, $2, $3, $4, $5, $6, password_hash, $7 FROM app_user WHERE id = $8 RETURNING id`,
          [
            municipality,
            team.id,
            email,
            email.split('.')[0],
            email.split('.')[1]?.split('@')[0],
            role,
            active,
            demoLead.id,
          ],
        )) as [{ id: string }]
      )[0].id;
    team.lead = await person('lena.leitung@pruef.example', 'team_lead');
    team.a = await person('anna.achter@pruef.example', 'manager');
    team.b = await person('bert.berger@pruef.example', 'manager');
    team.c = await person('carla.clausen@pruef.example', 'manager');
    team.d = await person('dora.dietz@pruef.example', 'manager');
    asLead = await signIn(server(), 'lena.leitung@pruef.example');
    asDemoLead = await signIn(server(), demoLead.email);
    asManager = await signIn(server(), 'anna.achter@pruef.example');

    const start = day(-183);
    const create = async (
      key: Key,
      manager: string | null,
      supportStart = start,
    ) => {
      ids[key] = (
        await createClient(asLead, {
          responsibleManagerId: manager,
          supportStart,
          lastName: `Prüfstand ${key}`,
        })
      ).id;
    };
    await create('c1', team.a);
    await create('c2', team.a);
    await create('c3', team.a);
    await create('c4', team.b);
    await create('c5', team.b);
    await create('c6', team.b, day(-14));
    await create('c7', team.a);
    await create('c8', null);
    // Carla left: her account is deactivated while c7 is still hers.
    await sql(`UPDATE client SET responsible_manager_id = $1 WHERE id = $2`, [
      team.c,
      ids.c7,
    ]);
    await sql(`UPDATE app_user SET active = false WHERE id = $1`, [team.c]);

    const windowEnd = (key: Key, date: string) =>
      sql(`UPDATE client SET support_window_end = $1 WHERE id = $2`, [
        date,
        ids[key],
      ]);
    await windowEnd('c1', monthPlusDays(1, 3));
    await windowEnd('c2', monthPlusDays(1, 19));
    await windowEnd('c3', month(3));
    await windowEnd('c4', monthPlusDays(4, -1));
    await windowEnd('c5', monthPlusDays(1, 9));
    await windowEnd('c7', month(0));
    await windowEnd('c8', month(12));
    await sql(
      `UPDATE client SET support_state = 'paused', paused_on = $1 WHERE id = $2`,
      [TODAY, ids.c3],
    );
    await sql(
      `UPDATE client SET support_state = 'closed', closed_on = $1, closure_reason = 'moved_away' WHERE id = $2`,
      [TODAY, ids.c5],
    );

    // Conversations through the API, so that client.last_contact_on is kept as in production. 8 weeks = 56 days.
    const talk = (key: Key, offset: number) =>
      asLead.agent
        .post(`/api/clients/${ids[key]}/conversations`)
        .set(CSRF_HEADER, asLead.csrf)
        .send(conversation(day(offset)))
        .expect(201);
    await talk('c1', -90);
    await talk('c1', -3);
    await talk('c2', -60);
    await talk('c7', -56);
    await talk('c8', -57);

    const goal = async (key: Key, field: string, state: string, due: number) =>
      (
        (await sql<{ id: string }>(
          `INSERT INTO goal (municipality_id, client_id, field_of_action, target, target_level, due_on, state, state_changed_on)
           VALUES ($1, $2, $3, 'Prüfziel', $4, $5, $6, $7) RETURNING id`,
          [
            municipality,
            ids[key],
            field,
            field === 'language' ? 'B1' : null,
            day(due),
            state,
            TODAY,
          ],
        )) as [{ id: string }]
      )[0].id;
    const step = (
      goalId: string,
      due: number | null,
      doneOn: number | null = null,
    ) =>
      sql(
        `INSERT INTO goal_step (municipality_id, goal_id, description, assignee, due_on, done_on) VALUES ($1, $2, 'Prüfschritt', 'client', $3, $4)`,
        [
          municipality,
          goalId,
          due === null ? null : day(due),
          doneOn === null ? null : day(doneOn),
        ],
      );
    const c1Work = await goal('c1', 'work', 'open', -10);
    await goal('c1', 'work', 'open', -3);
    const c1Progress = await goal('c1', 'work', 'in_progress', 30);
    const c1Language = await goal('c1', 'language', 'achieved', -100);
    const c2Work = await goal('c2', 'work', 'open', -1);
    await goal('c2', 'housing', 'dropped', -50);
    const c3Health = await goal('c3', 'health', 'in_progress', -5);
    await goal('c4', 'language', 'open', 0);
    const c5Work = await goal('c5', 'work', 'open', -20);
    await step(c1Work, -4);
    await step(c1Progress, -2);
    await step(c1Progress, -9, -8);
    await step(c1Language, -50);
    await step(c2Work, 0);
    await step(c3Health, -1);
    await step(c3Health, null);
    await step(c5Work, -3);

    // Plan reviews need an agreed version; c2 was returned once and resubmitted.
    for (const key of ['c1', 'c2', 'c4'] as const) {
      await sql(
        `INSERT INTO plan_agreement (municipality_id, client_id, version, agreed_on, agreed_by, snapshot) VALUES ($1, $2, 1, $3, $4, '{"goals": [], "referrals": []}')`,
        [municipality, ids[key], day(-30), team.a],
      );
    }
    const review = (key: Key, state: string, submittedDaysAgo: number) =>
      sql(
        `INSERT INTO plan_review (municipality_id, client_id, agreement_version, state, comment, submitted_by, submitted_at, decided_by, decided_at)
         VALUES ($1, $2, 1, $3, $4, $5, now() - make_interval(days => $6), $7, $8)`,
        [
          municipality,
          ids[key],
          state,
          state === 'returned' ? 'Bitte Ziele konkretisieren.' : null,
          team.a,
          submittedDaysAgo,
          state === 'submitted' ? null : team.lead,
          state === 'submitted' ? null : new Date(),
        ],
      );
    await review('c1', 'approved', 5);
    await review('c2', 'returned', 9);
    await review('c2', 'submitted', 2);
    await review('c4', 'submitted', 1);

    const extension = (key: Key, state: string) =>
      sql(
        `INSERT INTO support_extension (municipality_id, client_id, requested_until, justification, state, requested_by, decided_by, decided_on)
         SELECT municipality_id, id, (support_start + interval '40 months')::date, 'Die Ausbildung endet erst nach dem Ende des Zeitraums.', $2, $3, $4, $5 FROM client WHERE id = $1`,
        [
          ids[key],
          state,
          team.a,
          state === 'pending' ? null : team.lead,
          state === 'pending' ? null : TODAY,
        ],
      );
    await extension('c2', 'pending');
    await extension('c4', 'rejected');
    await extension('c5', 'approved');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('counts active clients per manager against the target load, a former manager with clients included', async () => {
    const figures = await dashboard(asLead);
    expect(figures.teamId).toBe(team.id);
    expect(figures.asOf).toBe(TODAY);
    expect(figures.targetLoad).toBe(150);
    const load = Object.fromEntries(
      figures.managers.map((m) => [m.id, [m.activeClients, m.active]]),
    );
    // c3 is paused, c5 closed, c8 has no manager; Dora has none yet.
    expect(load).toEqual({
      [team.a]: [2, true],
      [team.b]: [2, true],
      [team.c]: [1, false],
      [team.d]: [0, true],
    });
    expect(figures.managers.map((m) => m.lastName)).toEqual([
      'achter',
      'berger',
      'clausen',
      'dietz',
    ]);

    expect(await listedKeys({ managerId: team.a, state: 'active' })).toEqual([
      'c1',
      'c2',
    ]);
    expect(await listedKeys({ managerId: team.b, state: 'active' })).toEqual([
      'c4',
      'c6',
    ]);
    expect(await listedKeys({ managerId: team.c, state: 'active' })).toEqual([
      'c7',
    ]);
  });

  it('counts open cases whose window ends in each of the next 12 months (closed ones and month 13 excluded)', async () => {
    const { windowsEnding } = await dashboard(asLead);
    expect(windowsEnding.map((w) => w.month)).toEqual(
      Array.from({ length: 12 }, (_, k) => month(k).slice(0, 7)),
    );
    expect(windowsEnding.map((w) => [w.from, w.before])).toEqual(
      Array.from({ length: 12 }, (_, k) => [month(k), month(k + 1)]),
    );
    expect(windowsEnding.map((w) => w.clients)).toEqual([
      1, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);

    const filters = (k: number) => ({
      windowEndsAfter: month(k),
      windowEndsBefore: month(k + 1),
      openCases: true,
    });
    expect(await listedKeys(filters(0))).toEqual(['c7']);
    expect(await listedKeys(filters(1))).toEqual(['c1', 'c2']);
    // The first and the last day of a month both belong to it.
    expect(await listedKeys(filters(3))).toEqual(['c3', 'c4']);
    expect(await listedKeys(filters(2))).toEqual([]);
    // Without openCases the closed c5 is listed too.
    expect(
      await listedKeys({
        windowEndsAfter: month(1),
        windowEndsBefore: month(2),
      }),
    ).toEqual(['c1', 'c2', 'c5']);
  });

  it('counts goals of open cases by field and state, and the clients behind each cell', async () => {
    const { goals } = await dashboard(asLead);
    expect(goals).toHaveLength(45);
    expect(
      goals
        .filter((g) => g.goals > 0)
        .map((g) => [g.fieldOfAction, g.state, g.goals, g.clients]),
    ).toEqual([
      ['language', 'open', 1, 1],
      ['language', 'achieved', 1, 1],
      ['work', 'open', 3, 2],
      ['work', 'in_progress', 1, 1],
      ['housing', 'dropped', 1, 1],
      ['health', 'in_progress', 1, 1],
    ]);
    expect(
      await listedKeys({
        fieldOfAction: 'work',
        goalState: 'open',
        openCases: true,
      }),
    ).toEqual(['c1', 'c2']);
    expect(
      await listedKeys({
        fieldOfAction: 'health',
        goalState: 'in_progress',
        openCases: true,
      }),
    ).toEqual(['c3']);
    expect(await listedKeys({ goalState: 'dropped', openCases: true })).toEqual(
      ['c2'],
    );
  });

  it('counts active clients without contact for more than N weeks, never contacted counted from the support start', async () => {
    const eight = await dashboard(asLead);
    expect(eight.noContactWeeks).toBe(8);
    expect(eight.noContactSince).toBe(day(-56));
    // c2: 60 days; c4: never, started half a year ago; c8: 57 days. Not c1 (3 days), c6 (new), c7 (exactly 56 days), c3 (paused), c5 (closed).
    expect(eight.noContact).toBe(3);
    expect(
      await listedKeys({
        noContactSince: eight.noContactSince,
        state: 'active',
      }),
    ).toEqual(['c2', 'c4', 'c8']);

    const nine = await dashboard(asLead, { noContactWeeks: 9 });
    expect(nine.noContactSince).toBe(day(-63));
    expect(nine.noContact).toBe(1);
    expect(
      await listedKeys({
        noContactSince: nine.noContactSince,
        state: 'active',
      }),
    ).toEqual(['c4']);
  });

  it('counts overdue goals and steps of open cases, plans waiting for sign-off and pending extensions', async () => {
    const figures = await dashboard(asLead);
    // Goals: c1 ×2, c2 (due yesterday), c3 (paused); not c4 (due today) nor c5 (closed).
    expect(figures.overdueGoals).toEqual({ items: 4, clients: 3 });
    expect(await listedKeys({ goalsOverdue: true, openCases: true })).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
    // Steps: c1 ×2 (one on an in-progress goal), c3; not done ones, today's, an achieved goal's or a closed case's.
    expect(figures.overdueSteps).toEqual({ items: 3, clients: 2 });
    expect(await listedKeys({ stepsOverdue: true, openCases: true })).toEqual([
      'c1',
      'c3',
    ]);
    // c2 was returned and resubmitted, c4 submitted; c1 approved.
    expect(figures.plansAwaitingSignOff).toBe(2);
    expect(await listedKeys({ planAwaitingSignOff: true })).toEqual([
      'c2',
      'c4',
    ]);
    expect(figures.extensionsPending).toBe(1);
    expect(await listedKeys({ extensionPending: true })).toEqual(['c2']);
  });

  it("shows the demo team lead only the own team, each figure equal to its list's total", async () => {
    const figures = await dashboard(asDemoLead);
    expect(figures.teamId).toBe(demoLead.team_id);
    expect(figures.managers.map((m) => m.id)).not.toEqual(
      expect.arrayContaining([team.a]),
    );
    const total = async (query: Record<string, string | boolean>) =>
      (await listed(query, asDemoLead)).total;
    const [truth] = await sql<{ active: number; managers: number }>(
      `SELECT count(*) FILTER (WHERE support_state = 'active')::int AS active, count(DISTINCT responsible_manager_id) FILTER (WHERE support_state = 'active')::int AS managers FROM client WHERE team_id = $1`,
      [demoLead.team_id],
    );
    expect(figures.managers.reduce((sum, m) => sum + m.activeClients, 0)).toBe(
      truth?.active,
    );
    for (const m of figures.managers)
      expect(await total({ managerId: m.id, state: 'active' })).toBe(
        m.activeClients,
      );
    for (const w of figures.windowsEnding)
      expect(
        await total({
          windowEndsAfter: w.from,
          windowEndsBefore: w.before,
          openCases: true,
        }),
      ).toBe(w.clients);
    for (const g of figures.goals.filter((cell) => cell.goals > 0)) {
      expect(
        await total({
          fieldOfAction: g.fieldOfAction,
          goalState: g.state,
          openCases: true,
        }),
      ).toBe(g.clients);
    }
    expect(figures.windowsEnding.some((w) => w.clients > 0)).toBe(true);
    expect(figures.noContact).toBeGreaterThan(0);
    expect(
      await total({ noContactSince: figures.noContactSince, state: 'active' }),
    ).toBe(figures.noContact);
    expect(await total({ goalsOverdue: true, openCases: true })).toBe(
      figures.overdueGoals.clients,
    );
    expect(await total({ stepsOverdue: true, openCases: true })).toBe(
      figures.overdueSteps.clients,
    );
    expect(await total({ extensionPending: true })).toBe(
      figures.extensionsPending,
    );
    expect(await total({ planAwaitingSignOff: true })).toBe(
      figures.plansAwaitingSignOff,
    );
  });

  it('refuses managers (403) and bad parameters (400), and audits the read', async () => {
    const refused = await asManager.agent.get('/api/team/dashboard');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    for (const noContactWeeks of ['0', '105', 'acht', '2.5']) {
      expect(
        (
          await asLead.agent
            .get('/api/team/dashboard')
            .query({ noContactWeeks })
        ).status,
      ).toBe(400);
    }
    expect(
      (
        await asLead.agent
          .get('/api/team/dashboard')
          .query({ teamId: demoLead.team_id })
      ).status,
    ).toBe(400);
    for (const bad of [
      { goalsOverdue: 'yes' },
      { windowEndsAfter: '2026-02-30' },
      { goalState: 'late' },
      { noContactSince: 'gestern' },
    ]) {
      expect((await asLead.agent.get('/api/clients').query(bad)).status).toBe(
        400,
      );
    }
    await dashboard(asLead);
    const [audit] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'team_dashboard' AND entity_id = $1 AND user_id = $2`,
      [team.id, team.lead],
    );
    expect(audit?.n).toBeGreaterThan(0);
  });
  it('answers from the figures of the last minute (kept in PostgreSQL), computes them again when older or on refresh, and audits every read', async () => {
    const reads = async () =>
      (
        await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'team_dashboard' AND entity_id = $1 AND user_id = $2`,
          [team.id, team.lead],
        )
      )[0]?.n ?? 0;
    const before = await reads();
    const first = await dashboard(asLead, { noContactWeeks: 30 });
    expect(Date.now() - Date.parse(first.computedAt)).toBeLessThan(60_000);
    const [row] = await sql<{
      municipality_id: string;
      figures: TeamDashboardResponse;
    }>(
      `SELECT municipality_id, figures FROM team_dashboard_cache WHERE team_id = $1 AND no_contact_weeks = 30`,
      [team.id],
    );
    expect(row?.figures.noContact).toBe(first.noContact);
    // Marked in the cache (as the owner): the next read within the minute is answered from there, with its time.
    await sql(
      `UPDATE team_dashboard_cache SET figures = jsonb_set(figures, '{noContact}', '999') WHERE team_id = $1 AND no_contact_weeks = 30`,
      [team.id],
    );
    const cached = await dashboard(asLead, { noContactWeeks: 30 });
    expect(cached.noContact).toBe(999);
    expect(cached.computedAt).toBe(first.computedAt);
    // "Aktualisieren": computed now.
    const refreshed = await dashboard(asLead, {
      noContactWeeks: 30,
      refresh: 'true',
    });
    expect(refreshed.noContact).toBe(first.noContact);
    expect(Date.parse(refreshed.computedAt)).toBeGreaterThan(
      Date.parse(first.computedAt),
    );
    // Older than a minute: computed again.
    await sql(
      `UPDATE team_dashboard_cache SET figures = jsonb_set(figures, '{noContact}', '999'), computed_at = clock_timestamp() - interval '61 seconds' WHERE team_id = $1 AND no_contact_weeks = 30`,
      [team.id],
    );
    const expired = await dashboard(asLead, { noContactWeeks: 30 });
    expect(expired.noContact).toBe(first.noContact);
    expect(Date.parse(expired.computedAt)).toBeGreaterThan(
      Date.parse(refreshed.computedAt),
    );
    expect(await reads()).toBe(before + 4);
    // Another team lead never sees this team's row (row-level security by municipality; the key is the own team).
    const other = await dashboard(asDemoLead, { noContactWeeks: 30 });
    expect(other.teamId).not.toBe(team.id);
    expect(
      (await asLead.agent.get('/api/team/dashboard').query({ refresh: 'ja' }))
        .status,
    ).toBe(400);
  });

  it('figures in their last 15 seconds are answered at once and computed anew after the answer (no request waits for them)', async () => {
    const fresh = await dashboard(asLead, {
      noContactWeeks: 31,
      refresh: 'true',
    });
    await sql(
      `UPDATE team_dashboard_cache SET figures = jsonb_set(figures, '{noContact}', '999'), computed_at = clock_timestamp() - interval '50 seconds' WHERE team_id = $1 AND no_contact_weeks = 31`,
      [team.id],
    );
    const ageing = await dashboard(asLead, { noContactWeeks: 31 });
    expect(ageing.noContact).toBe(999); // answered from the cache
    // …and the cache is computed anew behind the answer.
    const since = Date.now();
    let row: { no_contact: number; age: number } | undefined;
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      [row] = await sql<{ no_contact: number; age: number }>(
        `SELECT (figures->>'noContact')::int AS no_contact, extract(epoch FROM clock_timestamp() - computed_at)::float AS age FROM team_dashboard_cache WHERE team_id = $1 AND no_contact_weeks = 31`,
        [team.id],
      );
    } while (row?.no_contact === 999 && Date.now() - since < 10_000);
    expect(row?.no_contact).toBe(fresh.noContact);
    expect(row?.age).toBeLessThan(15);
    const next = await dashboard(asLead, { noContactWeeks: 31 });
    expect(next.noContact).toBe(fresh.noContact);
    expect(Date.parse(next.computedAt)).toBeGreaterThan(
      Date.parse(fresh.computedAt),
    );
  });

  it('lists the open cases whose window ends in the next 3 months ("endet in den nächsten 3 Monaten"), counted from today', async () => {
    const [{ edge } = { edge: '' }] = await sql<{ edge: string }>(
      `SELECT ($1::date + interval '3 months')::date::text AS edge`,
      [TODAY],
    );
    const after = new Date(Date.parse(`${edge}T00:00:00Z`) + DAY_MS)
      .toISOString()
      .slice(0, 10);
    const windows: Record<Key, string> = {
      c1: TODAY,
      c2: edge,
      c3: day(30),
      c4: after,
      c5: day(10),
      c6: day(-1),
      c7: day(45),
      c8: day(400),
    };
    for (const [key, date] of Object.entries(windows))
      await sql(`UPDATE client SET support_window_end = $1 WHERE id = $2`, [
        date,
        ids[key as Key],
      ]);
    // c3 is paused (listed), c5 closed (not listed), c6 ended yesterday, c4 a day too late.
    expect(await listedKeys({ windowEndsWithinMonths: '3' })).toEqual([
      'c1',
      'c2',
      'c3',
      'c7',
    ]);
    expect(await listedKeys({ windowEndsWithinMonths: '1' })).toEqual([
      'c1',
      'c3',
    ]);
    expect(
      await listedKeys({ windowEndsWithinMonths: '3', managerId: team.a }),
    ).toEqual(['c1', 'c2', 'c3']);
    for (const windowEndsWithinMonths of ['0', '13', 'drei', '2.5']) {
      expect(
        (
          await asLead.agent
            .get('/api/clients')
            .query({ windowEndsWithinMonths })
        ).status,
      ).toBe(400);
    }
  });
});
