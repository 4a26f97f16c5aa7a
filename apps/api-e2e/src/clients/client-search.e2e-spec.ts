import { clientSearchText, clientSortKey, escapeLike, searchTerms } from '@wegweiser/api/database';
import { Client } from 'pg';
import { ClientPageResponse, ClientSummaryResponse } from '@wegweiser/shared/contracts';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { createClient } from './client-fixtures';

/** Search in both scripts, filters and keyset pagination of GET /api/clients. */
describe('client list: search, filters, pagination', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let lead: DemoUser;
  let asLead: SignedInAgent;
  let asManager: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const list = async (query: Record<string, string | number>) => {
    const response = await asLead.agent.get('/api/clients').query(query);
    if (response.status !== 200) throw new Error(`list ${JSON.stringify(query)}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as ClientPageResponse;
  };
  /** Every page of a query. */
  const all = async (query: Record<string, string | number> = {}) => {
    const items: ClientSummaryResponse[] = [];
    let cursor: string | null = null;
    do {
      const page: ClientPageResponse = await list({ ...query, pageSize: 200, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };
  const teamIds = async (where = 'true', params: unknown[] = []) =>
    (await adminQuery<{ id: string }>(`SELECT id FROM client c WHERE team_id = $1 AND ${where}`, [lead.team_id, ...params], db.ownerUrl)).map((r) => r.id).sort();

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    lead = pick(users, 'team_lead');
    asLead = await signIn(server(), lead.email);
    asManager = await signIn(server(), pick(users, 'manager', (u) => u.team_id === lead.team_id).email);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('finds umlaut, Arabic and Cyrillic names by partial input, German umlauts written either way', async () => {
    const mueller = await createClient(asManager, { firstName: 'Jörg', lastName: 'Müller' });
    const spelledOut = await createClient(asManager, { firstName: 'Joerg', lastName: 'Mueller' });
    const cyrillic = await createClient(asManager, { firstName: 'Achmed', lastName: 'Achmedow', firstNameOriginal: 'Ахмед', lastNameOriginal: 'Ахмедов' });
    const arabic = await createClient(asManager, { firstName: 'Yusuf', lastName: 'Ahmad', firstNameOriginal: 'يوسف', lastNameOriginal: 'أحمد' });
    const cases: [string, string[]][] = [
      ['Müller', [mueller.id, spelledOut.id]],
      ['Mueller', [mueller.id, spelledOut.id]],
      ['müll', [mueller.id, spelledOut.id]],
      ['MUEL', [mueller.id, spelledOut.id]],
      ['Jörg Müller', [mueller.id, spelledOut.id]],
      ['Ахмед', [cyrillic.id]],
      ['ахмедов', [cyrillic.id]],
      ['АХМ', [cyrillic.id]],
      ['أحمد', [arabic.id]],
      ['احمد', [arabic.id]],
      ['حمد', [arabic.id]],
      ['يوس', [arabic.id]],
      [mueller.caseNumber.toLowerCase(), [mueller.id]],
      [mueller.caseNumber.slice(0, -2), [mueller.id]],
    ];
    for (const [q, expected] of cases) {
      const found = await all({ q });
      expect({ q, missing: expected.filter((id) => !found.some((c) => c.id === id)) }).toEqual({ q, missing: [] });
      // Nothing else but what matches every word of the query (in either reading).
      for (const c of found) {
        const text = clientSearchText({ ...c, caseNumber: c.caseNumber });
        expect({ q, name: `${c.lastName}, ${c.firstName}`, matches: searchTerms(q).every((alternatives) => alternatives.some((a) => text.includes(a))) }).toEqual(
          expect.objectContaining({ matches: true }),
        );
      }
    }
    expect((await list({ q: 'Zzyzxqvw' })).total).toBe(0);
  });

  it('returns every client exactly once across pages while new clients are being inserted', async () => {
    const existing = await teamIds();
    expect(existing.length).toBeGreaterThan(27);
    const seen = new Map<string, number>();
    let cursor: string | null = null;
    let pages = 0;
    let inserted = 0;
    const names = ['Aaberg', 'Zyskowski', 'Müller', 'Öztürk', 'Ludwig', 'Bäcker', 'Nowak', 'Yilmaz'];
    do {
      const [page]: [ClientPageResponse, unknown, unknown] = await Promise.all([
        list(cursor ? { pageSize: 9, cursor } : { pageSize: 9 }),
        createClient(asManager, { lastName: names[pages % names.length], firstName: `Parallel${pages}` }).then(() => inserted++),
        createClient(asLead, { lastName: names[(pages + 3) % names.length], firstName: `Gleichzeitig${pages}` }).then(() => inserted++),
      ]);
      for (const item of page.items) seen.set(item.id, (seen.get(item.id) ?? 0) + 1);
      expect(page.items.length).toBeLessThanOrEqual(9);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 500);
    expect(pages).toBeGreaterThan(existing.length / 9);
    expect(inserted).toBe(pages * 2);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(existing.filter((id) => seen.get(id) !== 1)).toEqual([]);
    expect((await list({ pageSize: 1 })).total).toBe(existing.length + inserted);
  });

  it('orders by last name, then first name, phone-book style (ä = ae), then id', async () => {
    const items = await all();
    const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected = [...items].sort((a, b) => byteOrder(clientSortKey(a), clientSortKey(b)) || byteOrder(a.id, b.id));
    expect(items.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(items.length).toBe((await teamIds()).length);
  });

  it('filters by state, manager, window end, open goals in a field of action and last contact, with totals', async () => {
    const manager = pick(users, 'manager', (u) => u.team_id === lead.team_id);
    const ids = (items: ClientSummaryResponse[]) => items.map((c) => c.id).sort();
    const check = async (query: Record<string, string>, where: string, params: unknown[]) => {
      const expected = await teamIds(where, params);
      expect({ query, ids: ids(await all(query)) }).toEqual({ query, ids: expected });
      expect((await list({ ...query, pageSize: 1 })).total).toBe(expected.length);
      return expected.length;
    };
    expect(await check({ state: 'paused' }, `support_state = 'paused'`, [])).toBeGreaterThan(0);
    expect(await check({ managerId: manager.id }, 'responsible_manager_id = $2', [manager.id])).toBeGreaterThan(0);
    expect(await check({ windowEndsBefore: '2027-06-01' }, 'support_window_end < $2', ['2027-06-01'])).toBeGreaterThan(0);
    expect(await check({ state: 'active', windowEndsBefore: '2028-01-01' }, `support_state = 'active' AND support_window_end < $2`, ['2028-01-01'])).toBeGreaterThan(0);
    expect(
      await check(
        { fieldOfAction: 'language' },
        `EXISTS (SELECT 1 FROM goal g WHERE g.client_id = c.id AND g.field_of_action = $2 AND g.state IN ('open', 'in_progress'))`,
        ['language'],
      ),
    ).toBeGreaterThan(0);
    expect(
      await check(
        { lastContactBefore: '2026-09-01' },
        `NOT EXISTS (SELECT 1 FROM conversation cv WHERE cv.client_id = c.id AND cv.held_at >= timestamp '2026-09-01' AT TIME ZONE 'Europe/Berlin')`,
        [],
      ),
    ).toBeGreaterThan(0);
  });

  it('refuses a cursor it did not hand out and unknown filters (400 naming them)', async () => {
    const bad = await asLead.agent.get('/api/clients').query({ cursor: 'bm90LWEtY3Vyc29y' }).expect(400);
    expect(bad.body.errors).toEqual({ cursor: 'invalidCursor' });
    const unknown = await asLead.agent.get('/api/clients').query({ page: 2 }).expect(400);
    expect(unknown.body.errors).toEqual({ page: 'unknownProperty' });
    const state = await asLead.agent.get('/api/clients').query({ state: 'open' }).expect(400);
    expect(state.body.errors).toEqual({ state: 'isIn' });
  });

  it('searches a team from one index under row-level security: LIKE is an index condition before the policy (plan as the application role)', async () => {
    const [leakproof] = await adminQuery<{ proleakproof: boolean }>(`SELECT proleakproof FROM pg_proc WHERE oid = 'textlike(text, text)'::regprocedure`, [], db.ownerUrl);
    expect(leakproof?.proleakproof).toBe(true);
    const [combined] = await adminQuery<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'client_team_search_trgm_idx'`, [], db.ownerUrl);
    expect(combined?.indexdef).toMatch(/USING gin \(team_id, search_text gin_trgm_ops\)/);
    // How the planner treats LIKE under a policy, shown on a table of its own (made in a transaction that is rolled
    // back; the client table's plan depends on its size, see docs/performance.md): with the policy forced and only
    // the trigram index, LIKE is an index condition — without LEAKPROOF it could only be a filter after the policy.
    const client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`CREATE TABLE search_probe (team_id uuid NOT NULL, municipality_id uuid NOT NULL, search_text text NOT NULL)`);
      await client.query(`CREATE INDEX search_probe_idx ON search_probe USING gin (team_id, search_text gin_trgm_ops)`);
      await client.query(`ALTER TABLE search_probe ENABLE ROW LEVEL SECURITY`);
      await client.query(`ALTER TABLE search_probe FORCE ROW LEVEL SECURITY`);
      await client.query(`CREATE POLICY search_probe_tenant ON search_probe USING (municipality_id = current_municipality_id())`);
      await client.query(`GRANT SELECT ON search_probe TO ${db.appRole}`);
      await client.query(`SET LOCAL ROLE ${db.appRole}`);
      await client.query(`SELECT set_config('app.municipality_id', $1, true)`, [lead.municipality_id]);
      await client.query(`SET LOCAL enable_seqscan = off`);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT count(1) FROM search_probe c WHERE c.team_id = $1 AND c.search_text LIKE $2`,
        [lead.team_id, `%${escapeLike('muell')}%`],
      );
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index Cond: \(\(team_id = .+\) AND \(search_text ~~ .+\)\)/);
      expect(plan).not.toMatch(/Filter: .*search_text ~~/);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});
