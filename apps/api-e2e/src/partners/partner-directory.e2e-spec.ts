import { CSRF_HEADER, PartnerOfferListItemResponse, PartnerResponse } from '@wegweiser/shared/contracts';
import { completeTotpEnrolment } from '../support/second-factor';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

type Case = [label: string, method: 'post' | 'patch', path: () => string, body: object, field: string, code: string];

/** The partner directory: seeded per municipality, kept by admins, searched by managers (acceptance). */
describe('partner directory', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let admin: SignedInAgent;
  let manager: SignedInAgent;
  let managerUser: DemoUser;
  let created: PartnerResponse;
  const server = () => api.app.getHttpServer();
  const counts = async () => (await adminQuery('SELECT (SELECT count(*) FROM partner) AS partners, (SELECT count(*) FROM partner_offer) AS offers', [], db.ownerUrl))[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '100', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    managerUser = pick(users, 'manager');
    manager = await signIn(server(), managerUser.email);
    admin = await completeTotpEnrolment(await signIn(server(), pick(users, 'admin', (u) => u.municipality_id === managerUser.municipality_id).email));
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('seeds about twenty partners with offers per municipality; a manager sees those of the own municipality only', async () => {
    const response = await manager.agent.get('/api/partners').expect(200);
    const partners = response.body as PartnerResponse[];
    expect(partners.filter((p) => p.kind === 'organisation').length).toBeGreaterThanOrEqual(18);
    expect(partners.filter((p) => p.kind === 'working_group')).toHaveLength(4);
    expect(partners.every((p) => p.active && p.offers.every((o) => o.active && o.partnerId === p.id))).toBe(true);
    const own = await adminQuery<{ id: string }>('SELECT id FROM partner WHERE municipality_id = $1', [managerUser.municipality_id], db.ownerUrl);
    expect(partners.map((p) => p.id).sort()).toEqual(own.map((p) => p.id).sort());
  });

  it('searches partners by name and by topic, offers by topic and text', async () => {
    const byName = (await manager.agent.get('/api/partners?q=volkshoch').expect(200)).body as PartnerResponse[];
    expect(byName.map((p) => p.name)).toEqual([expect.stringMatching(/^Volkshochschule /)]);
    const byTopic = (await manager.agent.get('/api/partners?topic=health').expect(200)).body as PartnerResponse[];
    expect(byTopic.length).toBeGreaterThan(2);
    expect(byTopic.every((p) => p.topics.includes('health'))).toBe(true);
    expect((await manager.agent.get('/api/partners?q=%25').expect(200)).body).toEqual([]);
    await manager.agent.get('/api/partners?topic=legal').expect(400);

    const offers = (await manager.agent.get('/api/partner-offers?topic=language&q=kurs').expect(200)).body as PartnerOfferListItemResponse[];
    expect(offers.length).toBeGreaterThan(1);
    for (const o of offers) {
      expect(o.topic).toBe('language');
      expect(`${o.title} ${o.partnerName} ${o.description}`.toLowerCase()).toContain('kurs');
    }
  });

  it('an admin creates a partner with an offer and changes both; stale versions and duplicate names → 409; changes are audited', async () => {
    const { agent, csrf } = admin;
    created = (await agent.post('/api/partners').set(CSRF_HEADER, csrf).send({ name: 'Nachbarschaftshilfe Nord e.V.', kind: 'organisation', website: 'https://nachbarn.example' }).expect(201)).body;
    expect(created).toMatchObject({ version: 1, active: true, offers: [], topics: [] });
    const offer = (await agent.post(`/api/partners/${created.id}/offers`).set(CSRF_HEADER, csrf).send({ topic: 'culture', title: 'Nachbarschaftsfest' }).expect(201)).body;
    const changed = await agent.patch(`/api/partners/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, description: 'Hilfe im Quartier' }).expect(200);
    expect(changed.body).toMatchObject({ version: 2, description: 'Hilfe im Quartier', topics: ['culture'] });
    const stale = await agent.patch(`/api/partners/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, description: 'Alt' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'staleVersion', currentVersion: 2 });
    const [seeded] = (await manager.agent.get('/api/partners').expect(200)).body as PartnerResponse[];
    const taken = await agent.post('/api/partners').set(CSRF_HEADER, csrf).send({ name: seeded?.name, kind: 'organisation' }).expect(409);
    expect(taken.body.code).toBe('partnerNameTaken');
    const titleTaken = await agent.post(`/api/partners/${created.id}/offers`).set(CSRF_HEADER, csrf).send({ topic: 'work', title: 'Nachbarschaftsfest' }).expect(409);
    expect(titleTaken.body.code).toBe('offerTitleTaken');

    await agent.patch(`/api/partners/${created.id}/offers/${offer.id}`).set(CSRF_HEADER, csrf).send({ version: 1, active: false }).expect(200);
    const forManager = (await manager.agent.get('/api/partners?q=Nachbarschaftshilfe').expect(200)).body as PartnerResponse[];
    expect(forManager[0]).toMatchObject({ offers: [], topics: [] });
    expect((await manager.agent.get('/api/partner-offers?q=Nachbarschaftsfest').expect(200)).body).toEqual([]);
    expect(((await manager.agent.get('/api/partners?q=Nachbarschaftshilfe&includeInactive=true').expect(200)).body as PartnerResponse[])[0]?.offers).toEqual([]);
    const forAdmin = (await agent.get('/api/partners?q=Nachbarschaftshilfe&includeInactive=true').expect(200)).body as PartnerResponse[];
    expect(forAdmin[0]?.offers).toEqual([expect.objectContaining({ id: offer.id, active: false, version: 2 })]);

    const audit = await adminQuery<{ action: string; entity_type: string }>(
      `SELECT action, entity_type FROM audit_event WHERE entity_id IN ($1, $2) AND outcome = 'success' ORDER BY id`,
      [created.id, offer.id],
      db.ownerUrl,
    );
    expect(audit.map((a) => `${a.action} ${a.entity_type}`)).toEqual(['create partner', 'create partner_offer', 'update partner', 'update partner_offer']);
  });

  it('a manager can search but not create or change (403); an admin of another municipality gets 404', async () => {
    const before = await counts();
    const { agent, csrf } = manager;
    for (const [method, path, body] of [
      ['post', '/api/partners', { name: 'Neu', kind: 'organisation' }],
      ['patch', `/api/partners/${created.id}`, { version: 2, name: 'Neu' }],
      ['post', `/api/partners/${created.id}/offers`, { topic: 'work', title: 'Neu' }],
    ] as const) {
      const response = await agent[method](path).set(CSRF_HEADER, csrf).send(body);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 403, code: 'forbidden' });
    }
    const foreign = pick(users, 'admin', (u) => u.municipality_id !== managerUser.municipality_id);
    const other = await completeTotpEnrolment(await signIn(server(), foreign.email));
    await other.agent.patch(`/api/partners/${created.id}`).set(CSRF_HEADER, other.csrf).send({ version: 2, name: 'Übernommen' }).expect(404);
    await other.agent.post(`/api/partners/${created.id}/offers`).set(CSRF_HEADER, other.csrf).send({ topic: 'work', title: 'Fremd' }).expect(404);
    expect(((await other.agent.get('/api/partners?q=Nachbarschaftshilfe').expect(200)).body as PartnerResponse[]).length).toBe(0);
    expect(await counts()).toEqual(before);
  });

  const CASES: Case[] = [
    ['partner name empty', 'post', () => '/api/partners', { name: ' ', kind: 'organisation' }, 'name', 'minLength'],
    ['partner name too long', 'post', () => '/api/partners', { name: 'x'.repeat(201), kind: 'organisation' }, 'name', 'maxLength'],
    ['partner kind unknown', 'post', () => '/api/partners', { name: 'Verein', kind: 'company' }, 'kind', 'isIn'],
    ['partner e-mail invalid', 'post', () => '/api/partners', { name: 'Verein', kind: 'organisation', email: 'kein-at' }, 'email', 'isEmail'],
    ['partner phone letters', 'post', () => '/api/partners', { name: 'Verein', kind: 'organisation', phone: 'ruf mich an' }, 'phone', 'matches'],
    ['partner website without scheme', 'post', () => '/api/partners', { name: 'Verein', kind: 'organisation', website: 'verein.example' }, 'website', 'isUrl'],
    ['partner unknown property', 'post', () => '/api/partners', { name: 'Verein', kind: 'organisation', municipalityId: 'x' }, 'municipalityId', 'unknownProperty'],
    ['partner update without version', 'patch', () => `/api/partners/${created.id}`, { name: 'Neu' }, 'version', 'isInt'],
    ['partner update name null', 'patch', () => `/api/partners/${created.id}`, { version: 2, name: null }, 'name', 'isString'],
    ['partner update active text', 'patch', () => `/api/partners/${created.id}`, { version: 2, active: 'nein' }, 'active', 'isBoolean'],
    ['offer topic unknown', 'post', () => `/api/partners/${created.id}/offers`, { topic: 'legal', title: 'Beratung' }, 'topic', 'isIn'],
    ['offer title missing', 'post', () => `/api/partners/${created.id}/offers`, { topic: 'work' }, 'title', 'isString'],
    ['offer description too long', 'post', () => `/api/partners/${created.id}/offers`, { topic: 'work', title: 'Kurs', description: 'x'.repeat(2001) }, 'description', 'maxLength'],
    ['offer update version 0', 'patch', () => `/api/partners/${created.id}/offers/${created.id}`, { version: 0 }, 'version', 'min'],
    ['offer update topic null', 'patch', () => `/api/partners/${created.id}/offers/${created.id}`, { version: 1, topic: null }, 'topic', 'isIn'],
  ];

  it.each(CASES)('%s → 400 naming the field; nothing stored', async (_label, method, path, body, field, code) => {
    const before = await counts();
    const response = await admin.agent[method](path()).set(CSRF_HEADER, admin.csrf).send(body);
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: { [field]: code } });
    expect(await counts()).toEqual(before);
  });
});
