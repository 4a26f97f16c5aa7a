import { loadConfig } from '@wegweiser/api/core';
import { prepareDatabase } from '@wegweiser/api/database';
import { listMunicipalityIds, PG_BOSS_SCHEMA, REMINDER_QUEUE, ReminderGenerator, ReminderRunResult } from '@wegweiser/api/reminders';
import PgBoss from 'pg-boss';
import { CSRF_HEADER, ReminderKind, ReminderPageResponse } from '@wegweiser/shared/contracts';
import { createClient } from '../clients/client-fixtures';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { E2E_FIELD_KEYS } from '../support/field-keys';
import { adminQuery, createTestDatabase, ownerSeparatedDatabase, TestDatabase } from '../support/test-database';

/** The day the generator runs for ("today" faked); N = 8 weeks: last contact before 2026-09-15 counts. */
const AS_OF = '2026-11-10';

interface Case {
  id: string;
  /** The kinds the run on AS_OF must create for this client, exactly. */
  expected: ReminderKind[];
}

/**
 * Reminders (acceptance 5): the generator's rules on hand-made cases, each
 * with a negative twin; idempotence (twice, and concurrently); who sees which
 * reminders; marking read; the list and the count.
 */
describe('reminders', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let managerA: DemoUser;
  let colleagueA: DemoUser;
  let leadA: DemoUser;
  let leadB: DemoUser;
  let managerB: DemoUser;
  let asManagerA: SignedInAgent;
  const cases: Record<string, Case> = {};
  const server = () => api.app.getHttpServer();
  const generator = () => api.app.get(ReminderGenerator);
  const countsByKind = async () =>
    Object.fromEntries(
      (await adminQuery<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM reminder GROUP BY kind ORDER BY kind', [], db.ownerUrl)).map((r) => [r.kind, r.n]),
    );
  const kindsOf = async (clientId: string) =>
    (await adminQuery<{ kind: ReminderKind }>('SELECT kind FROM reminder WHERE client_id = $1 ORDER BY kind', [clientId], db.ownerUrl)).map((r) => r.kind);
  const sql = (text: string, params: unknown[]) => adminQuery(text, params, db.ownerUrl);

  /** A client of manager A with this support start (window end = start + 36 months), optionally with a conversation. */
  async function client(name: string, supportStart: string, expected: ReminderKind[], conversation?: { heldAt: string; nextAppointmentAt?: string }): Promise<string> {
    const created = await createClient(asManagerA, { lastName: `Erinnerung-${name}`, supportStart, arrivalDate: '2023-01-02' });
    if (conversation) {
      await asManagerA.agent
        .post(`/api/clients/${created.id}/conversations`)
        .set(CSRF_HEADER, asManagerA.csrf)
        .send({ form: 'office', interpreter: 'none', language: 'de', topics: ['language'], note: 'Gespräch.', durationMinutes: 30, ...conversation })
        .expect(201);
    }
    cases[name] = { id: created.id, expected };
    return created.id;
  }

  async function goal(clientId: string, dueOn: string, state = 'open'): Promise<string> {
    const [row] = await sql(
      `INSERT INTO goal (municipality_id, client_id, field_of_action, target, due_on, state, state_changed_on)
       SELECT municipality_id, id, 'work', 'Arbeitsstelle finden', $2, $3, '2026-01-15' FROM client WHERE id = $1 RETURNING id`,
      [clientId, dueOn, state],
    );
    return (row as { id: string }).id;
  }

  async function step(goalId: string, dueOn: string, doneOn: string | null = null): Promise<string> {
    const [row] = await sql(
      `INSERT INTO goal_step (municipality_id, goal_id, description, assignee, due_on, done_on)
       SELECT municipality_id, id, 'Lebenslauf schreiben', 'client', $2, $3 FROM goal WHERE id = $1 RETURNING id`,
      [goalId, dueOn, doneOn],
    );
    return (row as { id: string }).id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    managerA = pick(users, 'manager');
    colleagueA = pick(users, 'manager', (u) => u.team_id === managerA.team_id && u.id !== managerA.id);
    leadA = pick(users, 'team_lead', (u) => u.team_id === managerA.team_id);
    leadB = pick(users, 'team_lead', (u) => u.municipality_id === managerA.municipality_id && u.team_id !== managerA.team_id);
    managerB = pick(users, 'manager', (u) => u.team_id === leadB.team_id);
    asManagerA = await signIn(server(), managerA.email);

    // A recent contact everywhere "no contact" is not under test.
    const recent = { heldAt: '2026-11-05T10:00:00+01:00' };
    // Windows (end = start + 36 months): 2027-05-10 is exactly 6 months after AS_OF.
    await client('window6', '2024-05-10', ['window_6m'], recent);
    await client('window6Plus1', '2024-05-11', [], recent);
    await client('window3', '2024-02-01', ['window_3m'], recent);
    await client('window1', '2023-11-20', ['window_1m'], recent);
    const paused = await client('window1Paused', '2023-11-20', [], recent);
    await sql(`UPDATE client SET support_state = 'paused', paused_on = '2026-10-01' WHERE id = $1`, [paused]);
    // Goals and steps (windows far away: start 2026-01-15, end 2029-01-15).
    const goals = await client('goalOverdue', '2026-01-15', ['goal_overdue'], recent);
    await goal(goals, '2026-11-09');
    const goalsNot = await client('goalNotOverdue', '2026-01-15', [], recent);
    await goal(goalsNot, AS_OF);
    await goal(goalsNot, '2026-10-01', 'achieved');
    const steps = await client('stepOverdue', '2026-01-15', ['step_overdue'], recent);
    await step(await goal(steps, '2027-06-30'), '2026-11-01');
    const stepsNot = await client('stepNotOverdue', '2026-01-15', [], recent);
    const openGoal = await goal(stepsNot, '2027-06-30');
    await step(openGoal, '2026-11-01', '2026-11-03');
    await step(openGoal, AS_OF);
    await step(await goal(stepsNot, '2027-06-30', 'dropped'), '2026-11-01');
    // Appointments: tomorrow is 2026-11-11 in Germany (UTC+1).
    await client('appointment', '2026-01-15', ['appointment_tomorrow'], { heldAt: '2026-11-05T10:00:00+01:00', nextAppointmentAt: '2026-11-10T23:30:00Z' });
    await client('appointmentLater', '2026-01-15', [], { heldAt: '2026-11-05T10:00:00+01:00', nextAppointmentAt: '2026-11-11T23:30:00Z' });
    // No contact for 8 weeks: before 2026-09-15.
    await client('noContact', '2026-01-15', ['no_contact'], { heldAt: '2026-09-14T10:00:00+02:00' });
    await client('contactAtCutOff', '2026-01-15', [], { heldAt: '2026-09-15T10:00:00+02:00' });
    await client('neverContacted', '2026-09-14', ['no_contact']);
    await client('neverContactedNew', '2026-09-15', []);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('a day earlier, the client whose window ends in 6 months and a day gets nothing yet', async () => {
    await generator().generate('2026-11-09');
    expect(await kindsOf(cases['window6']?.id ?? '')).toEqual([]);
    await sql('DELETE FROM reminder', []);
  });

  it('creates exactly the expected reminders for each hand-made case (and nothing for the negative twins)', async () => {
    await generator().generate(AS_OF);
    for (const [name, c] of Object.entries(cases)) {
      expect({ name, kinds: await kindsOf(c.id) }).toEqual({ name, kinds: [...c.expected].sort() });
    }
    const [window6] = await adminQuery<Record<string, unknown>>(
      `SELECT recipient_id, team_id, occasion, due_on::text AS due_on FROM reminder WHERE client_id = $1`,
      [cases['window6']?.id],
      db.ownerUrl,
    );
    expect(window6).toEqual({ recipient_id: managerA.id, team_id: managerA.team_id, occasion: '2027-05-10', due_on: '2027-05-10' });
    const [appointment] = await adminQuery<{ appointment_at: Date; due_on: string }>(
      `SELECT appointment_at, due_on::text AS due_on FROM reminder WHERE client_id = $1`,
      [cases['appointment']?.id],
      db.ownerUrl,
    );
    expect({ at: appointment?.appointment_at.toISOString(), due: appointment?.due_on }).toEqual({ at: '2026-11-10T23:30:00.000Z', due: '2026-11-11' });
  });

  it('running the job twice creates each reminder once; so do two runs at the same time', async () => {
    const before = await countsByKind();
    expect(Object.values(before).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const again = await generator().generate(AS_OF);
    expect(Object.values(again.created)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await countsByKind()).toEqual(before);

    const total = (r: ReminderRunResult) => Object.values(r.created).reduce((a, b) => a + b, 0);
    const [first, second] = await Promise.all([generator().generate('2026-11-11'), generator().generate('2026-11-11')]);
    const [{ n: added }] = await adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM reminder`, [], db.ownerUrl);
    const beforeTotal = Object.values(before).reduce((a, b) => a + b, 0);
    expect(total(first) + total(second)).toBe(added - beforeTotal);
    const [{ n: duplicates }] = await adminQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM reminder GROUP BY municipality_id, kind, subject_id, occasion HAVING count(*) > 1) d`,
      [],
      db.ownerUrl,
    );
    expect(duplicates).toBe(0);
  });

  it('a manager sees the reminders of the own clients only, the team lead the team’s, the other team none of them', async () => {
    const teamA = (await adminQuery<{ id: string; responsible_manager_id: string | null }>('SELECT id, responsible_manager_id FROM client WHERE team_id = $1', [managerA.team_id], db.ownerUrl));
    const responsible = new Map(teamA.map((c) => [c.id, c.responsible_manager_id]));
    const listOf = async (signed: SignedInAgent) => (await signed.agent.get('/api/reminders?limit=200').expect(200)).body as ReminderPageResponse;

    const own = await listOf(asManagerA);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((r) => responsible.get(r.clientId) === managerA.id)).toBe(true);
    const [{ n: ownTotal }] = await adminQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM reminder r JOIN client c ON c.id = r.client_id WHERE c.responsible_manager_id = $1',
      [managerA.id],
      db.ownerUrl,
    );
    expect(own.total).toBe(ownTotal);
    const window6 = own.items.find((r) => r.clientId === cases['window6']?.id);
    expect(window6).toEqual(
      expect.objectContaining({ kind: 'window_6m', dueOn: '2027-05-10', lastName: 'Erinnerung-window6', caseNumber: expect.any(String), readAt: null, recipientId: managerA.id }),
    );
    const goal = (await asManagerA.agent.get('/api/reminders?limit=200&offset=0').expect(200)).body as ReminderPageResponse;
    expect(goal.items.find((r) => r.clientId === cases['goalOverdue']?.id)).toEqual(expect.objectContaining({ kind: 'goal_overdue', subjectTitle: 'Arbeitsstelle finden', dueOn: '2026-11-09' }));
    const noContact = goal.items.find((r) => r.clientId === cases['noContact']?.id);
    expect(noContact).toEqual(expect.objectContaining({ kind: 'no_contact', weeks: 8, dueOn: '2026-09-14' }));

    const colleague = await listOf(await signIn(server(), colleagueA.email));
    expect(colleague.items.some((r) => responsible.get(r.clientId) === managerA.id)).toBe(false);
    expect(colleague.items.every((r) => responsible.get(r.clientId) === colleagueA.id)).toBe(true);

    const lead = await listOf(await signIn(server(), leadA.email));
    const [{ n: teamTotal }] = await adminQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM reminder r JOIN client c ON c.id = r.client_id WHERE c.team_id = $1',
      [managerA.team_id],
      db.ownerUrl,
    );
    expect(lead.total).toBe(teamTotal);
    expect(lead.total).toBeGreaterThan(own.total);
    expect(lead.items.every((r) => responsible.has(r.clientId))).toBe(true);

    for (const outsider of [leadB, managerB]) {
      const signed = await signIn(server(), outsider.email);
      const theirs = await listOf(signed);
      expect(theirs.items.some((r) => responsible.has(r.clientId))).toBe(false);
      await signed.agent.post(`/api/reminders/${window6?.id}/read`).set(CSRF_HEADER, signed.csrf).expect(404);
    }
    const [denied] = await adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'denied' AND entity_type = 'reminder' AND entity_id = $1`, [window6?.id], db.ownerUrl);
    expect(denied?.n).toBe(2);
  });

  it('marking one read lowers the unread count and drops it from the unread list; the list read is audited', async () => {
    const { agent, csrf } = asManagerA;
    const before = (await agent.get('/api/reminders/count').expect(200)).body.unread as number;
    const unread = (await agent.get('/api/reminders?unread=true&limit=200').expect(200)).body as ReminderPageResponse;
    expect(unread.total).toBe(before);
    const target = unread.items.find((r) => r.clientId === cases['window6']?.id);
    expect(target).toBeDefined();

    await agent.post(`/api/reminders/${target?.id}/read`).set(CSRF_HEADER, csrf).expect(204);
    expect((await agent.get('/api/reminders/count').expect(200)).body).toEqual({ unread: before - 1 });
    // Again: no change.
    await agent.post(`/api/reminders/${target?.id}/read`).set(CSRF_HEADER, csrf).expect(204);
    expect((await agent.get('/api/reminders/count').expect(200)).body).toEqual({ unread: before - 1 });

    const after = (await agent.get('/api/reminders?unread=true&limit=200').expect(200)).body as ReminderPageResponse;
    expect(after.items.some((r) => r.id === target?.id)).toBe(false);
    const all = (await agent.get('/api/reminders?limit=200').expect(200)).body as ReminderPageResponse;
    expect(all.items.find((r) => r.id === target?.id)?.readAt).toEqual(expect.any(String));

    const audits = await adminQuery<{ action: string; entity_type: string }>(
      `SELECT action, entity_type FROM audit_event WHERE user_id = $1 AND entity_type IN ('reminder', 'reminder_list') ORDER BY id`,
      [managerA.id],
      db.ownerUrl,
    );
    expect(audits.filter((a) => a.entity_type === 'reminder_list').length).toBeGreaterThan(0);
    expect(audits.filter((a) => a.entity_type === 'reminder' && a.action === 'update')).toHaveLength(2);
  });

  it('refuses bad paging, unknown parameters and a malformed id (400)', async () => {
    for (const query of ['limit=0', 'limit=201', 'offset=-1', 'unread=yes', 'kind=window_6m']) {
      await asManagerA.agent.get(`/api/reminders?${query}`).expect(400);
    }
    await asManagerA.agent.post('/api/reminders/not-a-uuid/read').set(CSRF_HEADER, asManagerA.csrf).expect(400);
  });

  it('the application role cannot change a reminder beyond marking it read, nor delete one', async () => {
    const appUrl = api.database.appUrl;
    const [row] = await adminQuery<{ id: string; municipality_id: string }>('SELECT id, municipality_id FROM reminder LIMIT 1', [], db.ownerUrl);
    const tenant = `SELECT set_config('app.municipality_id', '${row?.municipality_id}', false)`;
    await expect(adminQuery(`${tenant}; UPDATE reminder SET kind = 'no_contact' WHERE id = '${row?.id}'`, [], appUrl)).rejects.toThrow(/permission denied/);
    await expect(adminQuery(`${tenant}; DELETE FROM reminder WHERE id = '${row?.id}'`, [], appUrl)).rejects.toThrow(/permission denied/);
  });
});

/** The daily job: pg-boss registers the schedule once (also with two instances), runs the generator, and stops with the app. */
describe('reminder job (pg-boss)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('registers the daily schedule, works a queued run, and leaves no connection behind', async () => {
    const env = { DEMO_DATA: 'true', DEMO_CLIENTS: '40', REMINDERS_SCHEDULE: 'true' };
    const first = await createTestApp(db, [], env);
    const second = await createTestApp(db, [], env);
    try {
      const schedules = await adminQuery(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'reminders-generate'`, [], db.ownerUrl);
      expect(schedules).toEqual([{ name: 'reminders-generate', cron: '0 5 * * *', timezone: 'Europe/Berlin' }]);
      expect(await adminQuery(`SELECT 1 FROM reminder`, [], db.ownerUrl)).toHaveLength(0);

      // What the cron does at 05:00: queue a job; one of the instances works it.
      const sender = new PgBoss({ connectionString: db.ownerUrl, schema: PG_BOSS_SCHEMA, migrate: false, supervise: false, schedule: false });
      await sender.start();
      await sender.send(REMINDER_QUEUE, {});
      await sender.stop({ graceful: false });
      let created = 0;
      for (let attempt = 0; attempt < 40 && created === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        [{ n: created }] = await adminQuery<{ n: number }>('SELECT count(*)::int AS n FROM reminder', [], db.ownerUrl);
      }
      expect(created).toBeGreaterThan(0);
      const [job] = await adminQuery<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE name = 'reminders-generate'`, [], db.ownerUrl);
      expect(job).toEqual({ state: expect.stringMatching(/^(active|completed)$/) });
    } finally {
      await first.close();
      await second.close();
    }
    const jobs = await adminQuery(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'wegweiser-jobs'`, [db.name]);
    expect(jobs).toEqual([]);
  });
});

/**
 * Production-like roles (the owner is not a superuser, so FORCE ROW LEVEL
 * SECURITY applies to it): the generator still finds every municipality,
 * through the owner's list policy only; the application role still sees none.
 */
describe('reminder generator with an owner that is not a superuser', () => {
  const db = ownerSeparatedDatabase();
  const { ownerUrl, appUrl } = db;

  beforeAll(async () => {
    await db.create();
    const config = loadConfig({ DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl, DEMO_DATA: 'false', SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters', ...E2E_FIELD_KEYS });
    await prepareDatabase(config, { log: () => undefined, warn: () => undefined, debug: () => undefined });
    await adminQuery(`INSERT INTO municipality (code, name) VALUES ('AA', 'Aastadt'), ('BB', 'Bestadt')`, [], db.superuserUrl);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('lists every municipality as the owner, none as the application role', async () => {
    const all = await adminQuery<{ id: string }>('SELECT id FROM municipality ORDER BY code', [], db.superuserUrl);
    expect(all).toHaveLength(2);
    expect(await listMunicipalityIds(ownerUrl)).toEqual(all.map((m) => m.id));
    expect(await adminQuery('SELECT id FROM municipality', [], appUrl)).toEqual([]);
  });
});
