import {
  CLIENT_SORTS,
  ClientListItemResponse,
  ClientPageResponse,
  ClientSort,
  CreateConversationRequest,
  CSRF_HEADER,
  FIELDS_OF_ACTION,
  GoalResponse,
} from '@wegweiser/shared/contracts';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { createClient } from './client-fixtures';

const conversation = (heldAt: string): CreateConversationRequest => ({
  heldAt,
  durationMinutes: 30,
  form: 'office',
  interpreter: 'none',
  language: 'de',
  topics: ['work'],
  note: 'Gespräch zum Stand der Bewerbungen.',
  agreements: null,
  nextAppointmentAt: null,
});

interface TeamRow {
  id: string;
  sort_key: string;
  window_end: string;
  last_contact: string | null;
  support_state: string;
  responsible_manager_id: string | null;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Last contact, open goals and write permission per row, and the three orders of GET /api/clients with keyset paging. */
describe('client list: last contact, open goals, sort', () => {
  let db: TestDatabase;
  let api: TestApp;
  let lead: DemoUser;
  let manager: DemoUser;
  let asLead: SignedInAgent;
  let asManager: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const list = async (as: SignedInAgent, query: Record<string, string | number>) => {
    const response = await as.agent.get('/api/clients').query(query);
    if (response.status !== 200) throw new Error(`list ${JSON.stringify(query)}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as ClientPageResponse;
  };
  /** Every page of a query, in order. */
  const all = async (query: Record<string, string | number> = {}, as = asLead, pageSize = 200) => {
    const items: ClientListItemResponse[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ClientPageResponse = await list(as, { ...query, pageSize, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(pageSize);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 1000);
    return { items, pages };
  };
  const row = async (caseNumber: string) => {
    const [item, ...others] = (await list(asManager, { q: caseNumber })).items;
    expect(others).toEqual([]);
    if (!item) throw new Error(`${caseNumber} not listed`);
    return item;
  };
  const post = (path: string, body: object) => asManager.agent.post(path).set(CSRF_HEADER, asManager.csrf).send(body);
  const patch = (path: string, body: object) => asManager.agent.patch(path).set(CSRF_HEADER, asManager.csrf).send(body);
  /** The team's clients as the database holds them, last contact computed from the conversations themselves. */
  const teamRows = async (where = 'true') =>
    adminQuery<TeamRow>(
      `SELECT c.id, c.sort_key, c.support_window_end::text AS window_end, c.support_state, c.responsible_manager_id,
              (SELECT to_char((max(cv.held_at) AT TIME ZONE 'Europe/Berlin')::date, 'YYYY-MM-DD') FROM conversation cv WHERE cv.client_id = c.id) AS last_contact
         FROM client c WHERE c.team_id = $1 AND ${where}`,
      [lead.team_id],
      db.ownerUrl,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    const users = await demoUsers(db.ownerUrl);
    lead = pick(users, 'team_lead');
    manager = pick(users, 'manager', (u) => u.team_id === lead.team_id);
    asLead = await signIn(server(), lead.email);
    asManager = await signIn(server(), manager.email);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('shows the day of the latest conversation (German calendar) and the fields of open goals, after each write', async () => {
    const client = await createClient(asManager);
    expect(await row(client.caseNumber)).toEqual(expect.objectContaining({ id: client.id, lastContactOn: null, openGoals: [], canEdit: true }));

    const conversations = `/api/clients/${client.id}/conversations`;
    await post(conversations, conversation('2026-03-02T09:30:00+01:00')).expect(201);
    expect((await row(client.caseNumber)).lastContactOn).toBe('2026-03-02');
    // An earlier conversation written later does not move the last contact back.
    await post(conversations, conversation('2026-02-10T10:00:00+01:00')).expect(201);
    expect((await row(client.caseNumber)).lastContactOn).toBe('2026-03-02');
    // 22:30 UTC on 30 April is already 1 May in Germany.
    const late = (await post(conversations, conversation('2026-04-30T22:30:00Z')).expect(201)).body as { id: string; version: number };
    expect((await row(client.caseNumber)).lastContactOn).toBe('2026-05-01');
    // Moving the latest conversation earlier moves the last contact with it.
    await patch(`${conversations}/${late.id}`, { version: late.version, heldAt: '2026-03-10T10:00:00+01:00' }).expect(200);
    expect((await row(client.caseNumber)).lastContactOn).toBe('2026-03-10');
    // The filter reads the same day: no contact on or after 10 March is false, on or after 11 March is true.
    expect((await list(asManager, { q: client.caseNumber, lastContactBefore: '2026-03-10' })).items).toEqual([]);
    expect((await list(asManager, { q: client.caseNumber, lastContactBefore: '2026-03-11' })).items.map((c) => c.id)).toEqual([client.id]);

    const goals = `/api/clients/${client.id}/plan/goals`;
    const dueOn = client.supportWindowEnd;
    await post(goals, { fieldOfAction: 'housing', target: 'Eigene Wohnung finden', dueOn, state: 'in_progress' }).expect(201);
    await post(goals, { fieldOfAction: 'work', target: 'Praktikum in der Pflege', dueOn }).expect(201);
    await post(goals, { fieldOfAction: 'work', target: 'Bewerbung als Pflegehelferin', dueOn }).expect(201);
    const language = (await post(goals, { fieldOfAction: 'language', target: 'Deutsch B1', targetLevel: 'B1', dueOn }).expect(201)).body as GoalResponse;
    expect((await row(client.caseNumber)).openGoals).toEqual(['language', 'work', 'housing']);
    await patch(`${goals}/${language.id}`, { version: language.version, state: 'achieved' }).expect(200);
    expect((await row(client.caseNumber)).openGoals).toEqual(['work', 'housing']);
  });

  it('matches the conversations and goals in the database for every row of the team (seeded data included)', async () => {
    const { items } = await all();
    const truth = new Map((await teamRows()).map((r) => [r.id, r]));
    expect(items.length).toBe(truth.size);
    expect(items.filter((c) => c.lastContactOn !== null).length).toBeGreaterThan(10);
    expect(items.filter((c) => c.lastContactOn !== truth.get(c.id)?.last_contact)).toEqual([]);

    const goals = await adminQuery<{ client_id: string; fields: string[] }>(
      `SELECT g.client_id, array_agg(DISTINCT g.field_of_action::text) AS fields FROM goal g JOIN client c ON c.id = g.client_id
        WHERE c.team_id = $1 AND g.state IN ('open', 'in_progress') GROUP BY g.client_id`,
      [lead.team_id],
      db.ownerUrl,
    );
    const expectedGoals = new Map(goals.map((g) => [g.client_id, FIELDS_OF_ACTION.filter((f) => g.fields.includes(f))]));
    expect(items.filter((c) => c.openGoals.length > 1).length).toBeGreaterThan(0);
    expect(items.filter((c) => JSON.stringify(c.openGoals) !== JSON.stringify(expectedGoals.get(c.id) ?? []))).toEqual([]);
  });

  it('says per row whether the user may change the file: team lead every open case, manager only the own open ones', async () => {
    const truth = new Map((await teamRows()).map((r) => [r.id, r]));
    const asLeadItems = (await all()).items;
    const asManagerItems = (await all({}, asManager)).items;
    expect(asLeadItems.some((c) => c.supportState === 'closed')).toBe(true);
    for (const c of asLeadItems) expect({ id: c.id, canEdit: c.canEdit }).toEqual({ id: c.id, canEdit: truth.get(c.id)?.support_state !== 'closed' });
    const ownOpen = (c: ClientListItemResponse) => truth.get(c.id)?.responsible_manager_id === manager.id && truth.get(c.id)?.support_state !== 'closed';
    expect(asManagerItems.some((c) => !ownOpen(c))).toBe(true);
    expect(asManagerItems.some(ownOpen)).toBe(true);
    for (const c of asManagerItems) expect({ id: c.id, canEdit: c.canEdit }).toEqual({ id: c.id, canEdit: ownOpen(c) });
  });

  const orders: Record<ClientSort, (r: TeamRow) => string> = {
    name: () => '',
    windowEnd: (r) => r.window_end,
    // Never contacted first, then the longest without contact.
    lastContact: (r) => r.last_contact ?? '0000-00-00',
  };

  it.each(CLIENT_SORTS.map((sort) => [sort]))('sort %s: orders by its key, then name, then id, and pages through every row exactly once', async (sort) => {
    // Seeded clients all have conversations: two new ones have none (and the same window end).
    if (sort === 'lastContact') await Promise.all([createClient(asManager), createClient(asLead)]);
    const rows = await teamRows();
    const expected = [...rows].sort((a, b) => byteOrder(orders[sort](a), orders[sort](b)) || byteOrder(a.sort_key, b.sort_key) || byteOrder(a.id, b.id));
    const { items, pages } = await all({ sort }, asLead, 7);
    expect(pages).toBe(Math.ceil(rows.length / 7));
    expect(new Set(items.map((c) => c.id)).size).toBe(items.length);
    expect(items.map((c) => c.id)).toEqual(expected.map((r) => r.id));
    // The order is not that of names alone (the key matters), and keys really ascend.
    if (sort !== 'name') {
      expect(items.map((c) => c.id)).not.toEqual((await all({ sort: 'name' })).items.map((c) => c.id));
      const keys = items.map((c) => (sort === 'windowEnd' ? c.supportWindowEnd : (c.lastContactOn ?? '')));
      expect(keys).toEqual([...keys].sort());
    }
    if (sort === 'lastContact') expect(items.slice(0, 2).map((c) => c.lastContactOn)).toEqual([null, null]);
  });

  it('keeps filters with every sort (totals and pages of the filtered set)', async () => {
    const rows = await teamRows(`c.support_state = 'active' AND c.responsible_manager_id = '${manager.id}'`);
    for (const sort of CLIENT_SORTS) {
      const expected = [...rows].sort((a, b) => byteOrder(orders[sort](a), orders[sort](b)) || byteOrder(a.sort_key, b.sort_key) || byteOrder(a.id, b.id));
      const query = { sort, state: 'active', managerId: manager.id };
      expect({ sort, ids: (await all(query, asLead, 5)).items.map((c) => c.id) }).toEqual({ sort, ids: expected.map((r) => r.id) });
      expect((await list(asLead, { ...query, pageSize: 1 })).total).toBe(expected.length);
    }
  });

  it('names the responsible manager of every row and lists only the own caseload with mine=true', async () => {
    const names = new Map(
      (await adminQuery<{ id: string; first_name: string; last_name: string }>('SELECT id, first_name, last_name FROM app_user', [], db.ownerUrl)).map((u) => [
        u.id,
        { id: u.id, firstName: u.first_name, lastName: u.last_name },
      ]),
    );
    const { items } = await all({}, asManager);
    expect(items.some((c) => c.responsibleManagerId !== manager.id)).toBe(true);
    for (const item of items) {
      expect({ id: item.id, manager: item.responsibleManager }).toEqual({ id: item.id, manager: item.responsibleManagerId ? names.get(item.responsibleManagerId) : null });
    }

    const own = (await teamRows(`c.responsible_manager_id = '${manager.id}'`)).map((r) => r.id).sort();
    const mine = await all({ mine: 'true' }, asManager, 50);
    expect(mine.items.map((c) => c.id).sort()).toEqual(own);
    expect((await list(asManager, { mine: 'true', pageSize: 1 })).total).toBe(own.length);
    expect((await list(asManager, { mine: 'false', pageSize: 1 })).total).toBe(items.length);
    // A team lead's own caseload: the clients the lead is responsible for (none in the demo data).
    const leadOwn = await teamRows(`c.responsible_manager_id = '${lead.id}'`);
    expect((await list(asLead, { mine: 'true', pageSize: 1 })).total).toBe(leadOwn.length);
    const refused = await asManager.agent.get('/api/clients').query({ mine: 'ja' }).expect(400);
    expect(refused.body.errors).toEqual({ mine: 'isBoolean' });
  });

  it('refuses a cursor handed out for another sort (400 invalidCursor) and an unknown sort', async () => {
    for (const from of CLIENT_SORTS) {
      const { nextCursor } = await list(asLead, { sort: from, pageSize: 3 });
      expect(nextCursor).not.toBeNull();
      for (const to of CLIENT_SORTS.filter((s) => s !== from)) {
        const query = to === 'name' ? { cursor: nextCursor as string } : { sort: to, cursor: nextCursor as string };
        const refused = await asLead.agent.get('/api/clients').query(query).expect(400);
        expect({ from, to, errors: refused.body.errors }).toEqual({ from, to, errors: { cursor: 'invalidCursor' } });
      }
      await asLead.agent.get('/api/clients').query({ sort: from, cursor: nextCursor }).expect(200);
    }
    const unknown = await asLead.agent.get('/api/clients').query({ sort: 'age' }).expect(400);
    expect(unknown.body.errors).toEqual({ sort: 'isIn' });
  });
});
