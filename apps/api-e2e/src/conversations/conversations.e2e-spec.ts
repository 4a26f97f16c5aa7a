import { ConversationResponse, CreateConversationRequest, CSRF_HEADER, OutcomeResponse } from '@wegweiser/shared/contracts';
import { adminQuery } from '../support/test-database';
import { auditRows, CaseFileFixture, closeCase, createCaseFileFixture } from './case-file-fixture';

const conversation = (overrides: Partial<CreateConversationRequest> = {}): CreateConversationRequest => ({
  heldAt: '2026-03-02T09:30:00+01:00',
  durationMinutes: 45,
  form: 'office',
  interpreter: 'professional',
  language: 'ar',
  topics: ['language', 'work'],
  note: 'Deutschkurs B1 ab April; Bewerbung beim Jobcenter besprochen.',
  agreements: 'Lebenslauf bis zum nächsten Termin mitbringen.',
  nextAppointmentAt: '2026-03-16T10:00:00+01:00',
  ...overrides,
});

/** Conversations and outcomes of a client's file through the API (real PostgreSQL, demo data). */
describe('conversations', () => {
  let f: CaseFileFixture;
  const path = (clientId: string) => `/api/clients/${clientId}/conversations`;

  beforeAll(async () => {
    f = await createCaseFileFixture();
  });

  afterAll(async () => {
    await f?.close();
  });

  it('a manager records two conversations and a B1 outcome and reads them back (newest first, notes decrypted)', async () => {
    const client = f.ownClient(0);
    const { agent, csrf } = f.asManagerA;
    const first = await agent.post(path(client.id)).set(CSRF_HEADER, csrf).send(conversation()).expect(201);
    expect(first.body).toEqual(
      expect.objectContaining({
        clientId: client.id,
        staffId: f.managerA.id,
        heldAt: '2026-03-02T08:30:00.000Z',
        interpreter: 'professional',
        note: conversation().note,
        agreements: conversation().agreements,
        nextAppointmentAt: '2026-03-16T09:00:00.000Z',
        version: 1,
      }),
    );
    const second = await agent
      .post(path(client.id))
      .set(CSRF_HEADER, csrf)
      .send(conversation({ heldAt: '2026-03-16T10:00:00+01:00', form: 'phone', durationMinutes: 15, interpreter: 'none', language: 'de', topics: ['housing'], note: 'Wohnungsbesichtigung am Freitag.', agreements: null, nextAppointmentAt: null }))
      .expect(201);
    const b1 = await agent
      .post(`/api/clients/${client.id}/outcomes`)
      .set(CSRF_HEADER, csrf)
      .send({ kind: 'b1', achievedOn: '2026-03-10', level: 'B1', certificate: 'telc Deutsch B1' })
      .expect(201);

    const listed = (await agent.get(path(client.id)).expect(200)).body as ConversationResponse[];
    const ours = listed.filter((c) => [first.body.id, second.body.id].includes(c.id));
    expect(ours.map((c) => c.id)).toEqual([second.body.id, first.body.id]);
    expect(ours[0]).toEqual(expect.objectContaining({ note: 'Wohnungsbesichtigung am Freitag.', agreements: null, form: 'phone', topics: ['housing'] }));
    expect(listed.map((c) => c.heldAt)).toEqual([...listed.map((c) => c.heldAt)].sort().reverse());

    const outcomes = (await agent.get(`/api/clients/${client.id}/outcomes`).expect(200)).body as OutcomeResponse[];
    expect(outcomes).toContainEqual(expect.objectContaining({ id: b1.body.id, kind: 'b1', achievedOn: '2026-03-10', level: 'B1', certificate: 'telc Deutsch B1', version: 1 }));
  });

  it('changes a conversation only with the current version (409 staleVersion with currentVersion)', async () => {
    const client = f.ownClient(1);
    const { agent, csrf } = f.asManagerA;
    const created = (await agent.post(path(client.id)).set(CSRF_HEADER, csrf).send(conversation()).expect(201)).body as ConversationResponse;
    const changed = await agent.patch(`${path(client.id)}/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, note: 'Korrigierte Notiz.', agreements: null }).expect(200);
    expect(changed.body).toEqual(expect.objectContaining({ note: 'Korrigierte Notiz.', agreements: null, version: 2, durationMinutes: 45 }));
    const stale = await agent.patch(`${path(client.id)}/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, durationMinutes: 30 }).expect(409);
    expect(stale.body).toEqual(expect.objectContaining({ code: 'staleVersion', currentVersion: 2 }));
    const [row] = await adminQuery<{ duration_minutes: number; version: number }>('SELECT duration_minutes, version FROM conversation WHERE id = $1', [created.id], f.db.ownerUrl);
    expect(row).toEqual({ duration_minutes: 45, version: 2 });
  });

  it('a conversation of another client is not found through this client', async () => {
    const { agent, csrf } = f.asManagerA;
    const created = (await agent.post(path(f.ownClient(2).id)).set(CSRF_HEADER, csrf).send(conversation()).expect(201)).body as ConversationResponse;
    await agent.patch(`${path(f.ownClient(3).id)}/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, note: 'x' }).expect(404);
  });

  it('refuses a conversation on a closed case with 409 caseClosed, and stores nothing', async () => {
    const client = f.ownClient(4);
    const { agent, csrf } = f.asManagerA;
    const existing = (await agent.post(path(client.id)).set(CSRF_HEADER, csrf).send(conversation()).expect(201)).body as ConversationResponse;
    await closeCase(f, client.id);
    const before = await f.count('conversation');
    const response = await agent.post(path(client.id)).set(CSRF_HEADER, csrf).send(conversation()).expect(409);
    expect(response.body.code).toBe('caseClosed');
    await agent.patch(`${path(client.id)}/${existing.id}`).set(CSRF_HEADER, csrf).send({ version: 1, note: 'Nachtrag' }).expect(409);
    expect(await f.count('conversation')).toBe(before);
    // Still readable.
    await agent.get(path(client.id)).expect(200);
  });

  it('a manager of team B gets 404 for the conversations of a team-A client (read and write); the denial is audited', async () => {
    const client = f.ownClient(5);
    const { agent, csrf } = f.asManagerB;
    const before = await f.count('conversation');
    expect((await agent.get(path(client.id)).expect(404)).body.code).toBe('notFound');
    await agent.post(path(client.id)).set(CSRF_HEADER, csrf).send(conversation()).expect(404);
    expect(await f.count('conversation')).toBe(before);
    const denied = await auditRows(f, `action = 'denied' AND user_id = $1 AND entity_id = $2`, [f.managerB.id, client.id]);
    expect(denied).toHaveLength(2);
  });

  it('a manager may read, but not write, the conversations of a team colleague’s client', async () => {
    const colleagueClient = f.clients.find((c) => c.team_id === f.managerA.team_id && c.responsible_manager_id !== f.managerA.id && c.support_state !== 'closed');
    if (!colleagueClient) throw new Error('no colleague client');
    const { agent, csrf } = f.asManagerA;
    await agent.get(path(colleagueClient.id)).expect(200);
    expect((await agent.post(path(colleagueClient.id)).set(CSRF_HEADER, csrf).send(conversation()).expect(404)).body.code).toBe('notFound');
  });

  it('audits every read of the conversations (one row per request, ids only)', async () => {
    const client = f.ownClient(6);
    const before = await auditRows(f, `action = 'read' AND client_id = $1`, [client.id]);
    await f.asManagerA.agent.get(path(client.id)).expect(200);
    const after = await auditRows(f, `action = 'read' AND client_id = $1`, [client.id]);
    expect(after.slice(before.length)).toEqual([
      { action: 'read', outcome: 'success', entity_type: 'conversation_list', entity_id: client.id, client_id: client.id, user_id: f.managerA.id },
    ]);
    const created = (await f.asManagerA.agent.post(path(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send(conversation()).expect(201)).body as ConversationResponse;
    const writes = await auditRows(f, `action = 'create' AND entity_id = $1`, [created.id]);
    expect(writes).toEqual([expect.objectContaining({ entity_type: 'conversation', client_id: client.id, user_id: f.managerA.id })]);
  });

  const invalid: [string, Record<string, unknown>][] = [
    ['heldAt', { heldAt: 'gestern' }],
    ['heldAt', { heldAt: '2026-03-02T09:30:00' }],
    ['heldAt', { heldAt: '2026-02-30T09:30:00Z' }],
    ['durationMinutes', { durationMinutes: 0 }],
    ['durationMinutes', { durationMinutes: 601 }],
    ['durationMinutes', { durationMinutes: 12.5 }],
    ['durationMinutes', { durationMinutes: '45' }],
    ['form', { form: 'letter' }],
    ['interpreter', { interpreter: 'yes' }],
    ['interpreter', { interpreter: undefined }],
    ['language', { language: 'Arabic' }],
    ['topics', { topics: 'work' }],
    ['topics', { topics: ['cooking'] }],
    ['topics', { topics: ['work', 'work'] }],
    ['note', { note: '' }],
    ['note', { note: '   ' }],
    ['note', { note: 'x'.repeat(20_001) }],
    ['note', { note: undefined }],
    ['agreements', { agreements: 42 }],
    ['nextAppointmentAt', { nextAppointmentAt: 'bald' }],
    ['nextAppointmentAt', { nextAppointmentAt: '2026-03-01T09:00:00Z' }],
    ['staffId', { staffId: '00000000-0000-4000-8000-000000000000' }],
  ];

  it.each(invalid)('POST with an invalid %s → 400 naming it; nothing stored', async (field, overrides) => {
    const client = f.ownClient(7);
    const before = await f.count('conversation');
    const response = await f.asManagerA.agent.post(path(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send(conversation(overrides));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validationFailed');
    expect(Object.keys(response.body.errors ?? {})).toContain(field);
    expect(await f.count('conversation')).toBe(before);
  });

  it.each([
    ['version', { note: 'ohne Version' }],
    ['note', { version: 1, note: null }],
    ['heldAt', { version: 1, heldAt: null }],
    ['durationMinutes', { version: 1, durationMinutes: 0 }],
    ['nextAppointmentAt', { version: 1, nextAppointmentAt: '2020-01-01T00:00:00Z' }],
    ['clientId', { version: 1, clientId: '00000000-0000-4000-8000-000000000000' }],
  ])('PATCH with an invalid %s → 400 naming it; nothing changed', async (field, body) => {
    const client = f.ownClient(8);
    const created = (await f.asManagerA.agent.post(path(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send(conversation()).expect(201)).body as ConversationResponse;
    const [before] = await adminQuery('SELECT * FROM conversation WHERE id = $1', [created.id], f.db.ownerUrl);
    const response = await f.asManagerA.agent.patch(`${path(client.id)}/${created.id}`).set(CSRF_HEADER, f.asManagerA.csrf).send(body);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors ?? {})).toContain(field);
    expect((await adminQuery('SELECT * FROM conversation WHERE id = $1', [created.id], f.db.ownerUrl))[0]).toEqual(before);
  });

  it('refuses a malformed client id with 400', async () => {
    await f.asManagerA.agent.get('/api/clients/not-a-uuid/conversations').expect(400);
  });
});
