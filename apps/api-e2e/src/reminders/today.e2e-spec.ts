import { calendarToday } from '@wegweiser/api/core';
import { CSRF_HEADER, TodayResponse } from '@wegweiser/shared/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createClient } from '../clients/client-fixtures';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const DAY = 24 * 3_600_000;
const isoDay = (offset: number) => calendarToday(new Date(Date.now() + offset * DAY));

/** Wall-clock `YYYYMMDDTHHMMSS` of an instant in Germany. */
function berlinStamp(iso: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${p['year']}${p['month']}${p['day']}T${p['hour']}${p['minute']}${p['second']}`;
}

/**
 * `GET /api/today` (the start page "Heute") and the appointment's .ics file:
 * scoped to the caller's clients in the query, audited, 401/403/404/400.
 * Manager A's demo clients are handed to a colleague first, so A's lists hold
 * only what this spec makes, relative to the real today.
 */
describe('today', () => {
  let db: TestDatabase;
  let api: TestApp;
  let managerA: DemoUser;
  let colleagueA: DemoUser;
  let leadA: DemoUser;
  let asManagerA: SignedInAgent;
  let asColleague: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const sql = (text: string, params: unknown[]) => adminQuery(text, params, db.ownerUrl);
  const ids: Record<string, string> = {};
  const tomorrowAppointment = new Date(Date.now() + DAY).toISOString().slice(0, 10) + 'T09:30:00.000Z';
  const laterAppointment = new Date(Date.now() + 9 * DAY).toISOString().slice(0, 10) + 'T09:30:00.000Z';

  async function conversation(signed: SignedInAgent, clientId: string, heldAt: string, nextAppointmentAt: string | null): Promise<string> {
    const response = await signed.agent
      .post(`/api/clients/${clientId}/conversations`)
      .set(CSRF_HEADER, signed.csrf)
      .send({ form: 'office', interpreter: 'none', language: 'de', topics: ['language'], note: 'Gespräch.', durationMinutes: 30, heldAt, nextAppointmentAt })
      .expect(201);
    return response.body.id as string;
  }

  async function goalWithStep(clientId: string, stepDue: string, state = 'open', doneOn: string | null = null): Promise<string> {
    const [goal] = await sql(
      `INSERT INTO goal (municipality_id, client_id, field_of_action, target, due_on, state, state_changed_on)
       SELECT municipality_id, id, 'work', 'Arbeitsstelle finden', $2, $3, $2 FROM client WHERE id = $1 RETURNING id`,
      [clientId, isoDay(200), state],
    );
    const [step] = await sql(
      `INSERT INTO goal_step (municipality_id, goal_id, description, assignee, due_on, done_on)
       SELECT municipality_id, id, 'Lebenslauf schreiben', 'client', $2, $3 FROM goal WHERE id = $1 RETURNING id`,
      [(goal as { id: string }).id, stepDue, doneOn],
    );
    return (step as { id: string }).id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    const users = await demoUsers(db.ownerUrl);
    managerA = pick(users, 'manager');
    colleagueA = pick(users, 'manager', (u) => u.team_id === managerA.team_id && u.id !== managerA.id);
    leadA = pick(users, 'team_lead', (u) => u.team_id === managerA.team_id);
    await sql('UPDATE client SET responsible_manager_id = $2 WHERE responsible_manager_id = $1', [managerA.id, colleagueA.id]);
    asManagerA = await signIn(server(), managerA.email);
    asColleague = await signIn(server(), colleagueA.email);

    const yesterday = new Date(Date.now() - DAY).toISOString();
    const appointment = await createClient(asManagerA, { lastName: 'Heute-Termin', supportStart: isoDay(-60) });
    ids['appointmentClient'] = appointment.id;
    ids['appointment'] = await conversation(asManagerA, appointment.id, yesterday, tomorrowAppointment);
    const later = await createClient(asManagerA, { lastName: 'Heute-Spaeter', supportStart: isoDay(-60) });
    ids['later'] = await conversation(asManagerA, later.id, yesterday, laterAppointment);
    const noAppointment = await createClient(asManagerA, { lastName: 'Heute-Ohne', supportStart: isoDay(-60) });
    ids['noAppointment'] = await conversation(asManagerA, noAppointment.id, yesterday, null);
    ids['stepOverdue'] = await goalWithStep(appointment.id, isoDay(-3));
    ids['stepToday'] = await goalWithStep(appointment.id, isoDay(0));
    ids['stepTomorrow'] = await goalWithStep(appointment.id, isoDay(1));
    ids['stepDone'] = await goalWithStep(appointment.id, isoDay(-3), 'open', isoDay(-1));
    ids['stepDroppedGoal'] = await goalWithStep(appointment.id, isoDay(-3), 'dropped');
    // Never contacted since support start 10 weeks ago (N = 8); one 7 weeks ago is not yet.
    ids['silent'] = (await createClient(asManagerA, { lastName: 'Heute-Still', supportStart: isoDay(-70) })).id;
    ids['recent'] = (await createClient(asManagerA, { lastName: 'Heute-Neu', supportStart: isoDay(-49) })).id;
    // The colleague's client with an appointment tomorrow: not manager A's.
    const other = await createClient(asColleague, { lastName: 'Heute-Kollegin', supportStart: isoDay(-60) });
    ids['otherClient'] = other.id;
    ids['other'] = await conversation(asColleague, other.id, yesterday, tomorrowAppointment);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it("lists the manager's own appointments (next 7 days), due or overdue steps and clients without contact; audited", async () => {
    const response = await asManagerA.agent.get('/api/today').expect(200);
    const body = response.body as TodayResponse;
    expect(body.today).toBe(isoDay(0));
    expect(body.noContactWeeks).toBe(8);
    expect(body.appointments.items.map((a) => a.conversationId)).toEqual([ids['appointment']]);
    expect(body.appointments.items[0]).toEqual({
      clientId: ids['appointmentClient'],
      caseNumber: expect.any(String),
      firstName: expect.any(String),
      lastName: 'Heute-Termin',
      conversationId: ids['appointment'],
      appointmentAt: tomorrowAppointment,
    });
    expect(body.steps.items.map((s) => s.stepId)).toEqual([ids['stepToday'], ids['stepOverdue']]);
    expect(body.steps.total).toBe(2);
    expect(body.steps.items[1]).toMatchObject({ description: 'Lebenslauf schreiben', goalTarget: 'Arbeitsstelle finden', dueOn: isoDay(-3) });
    expect(body.noContact.items.map((c) => c.clientId)).toEqual([ids['silent']]);
    expect(body.noContact.items[0]).toMatchObject({ lastContactOn: null, supportStart: isoDay(-70) });
    const audit = await sql(`SELECT action, outcome FROM audit_event WHERE user_id = $1 AND entity_type = 'today'`, [managerA.id]);
    expect(audit).toEqual([{ action: 'read', outcome: 'success' }]);
  });

  it("gives the team lead the team's appointments, the colleague only theirs", async () => {
    const asLead = await signIn(server(), leadA.email);
    const lead = (await asLead.agent.get('/api/today').expect(200)).body as TodayResponse;
    expect(lead.appointments.items.map((a) => a.conversationId)).toEqual(expect.arrayContaining([ids['appointment'], ids['other']]));
    const colleague = (await asColleague.agent.get('/api/today').expect(200)).body as TodayResponse;
    expect(colleague.appointments.items.map((a) => a.conversationId)).toContain(ids['other']);
    expect(colleague.appointments.items.map((a) => a.conversationId)).not.toContain(ids['appointment']);
  });

  it('serves an appointment as an iCalendar file in Europe/Berlin, with only the case number; audited', async () => {
    const response = await asManagerA.agent.get(`/api/today/appointments/${ids['appointment']}/ics`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="wegweiser-termin.ics"');
    const text = response.text;
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain(`DTSTART;TZID=Europe/Berlin:${berlinStamp(tomorrowAppointment)}`);
    expect(lines).toContain('TZID:Europe/Berlin');
    expect(lines.some((l) => l.startsWith(`UID:${ids['appointment']}-`))).toBe(true);
    expect(text).not.toContain('Heute-Termin');
    const audit = await sql(`SELECT action, entity_id, client_id FROM audit_event WHERE user_id = $1 AND entity_type = 'appointment'`, [managerA.id]);
    expect(audit).toEqual([{ action: 'read', entity_id: ids['appointment'], client_id: ids['appointmentClient'] }]);
  });

  it("refuses someone else's appointment, one without an appointment and an unknown id with 404 (audited as denied); a bad id with 400", async () => {
    for (const id of [ids['other'], ids['noAppointment'], randomUUID()]) {
      const response = await asManagerA.agent.get(`/api/today/appointments/${id}/ics`).expect(404);
      expect(response.body.code).toBe('notFound');
    }
    const [denied] = await sql(`SELECT count(*)::int AS n FROM audit_event WHERE user_id = $1 AND entity_type = 'appointment' AND action = 'denied'`, [managerA.id]);
    expect(denied).toEqual({ n: 3 });
    await asManagerA.agent.get('/api/today/appointments/not-a-uuid/ics').expect(400);
  });

  it('refuses the signed-out (401) and roles without reminders (403)', async () => {
    await request(server()).get('/api/today').expect(401);
    await request(server()).get(`/api/today/appointments/${ids['appointment']}/ics`).expect(401);
    const evaluator = pick(await demoUsers(db.ownerUrl), 'evaluator');
    const asEvaluator = await signIn(server(), evaluator.email);
    await asEvaluator.agent.get('/api/today').expect(403);
    await asEvaluator.agent.get(`/api/today/appointments/${ids['appointment']}/ics`).expect(403);
  });
});
