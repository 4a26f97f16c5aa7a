import {
  ClientResponse,
  ConversationResponse,
  ConversationRevisionResponse,
  CreateConversationRequest,
  CSRF_HEADER,
  TimelineResponse,
} from '@wegweiser/shared/contracts';
import { pdfText } from '@wegweiser/shared/pdf-testing';
import { DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { adminQuery } from '../support/test-database';
import { auditRows, CaseFileFixture, createCaseFileFixture } from './case-file-fixture';

const ORIGINAL_NOTE = 'Erstgespräch: Sprachkurs A2 besprochen, Termin beim Jobcenter offen.';
const ORIGINAL_AGREEMENTS = 'Zeugnisse bis Freitag kopieren.';

const conversation = (overrides: Partial<CreateConversationRequest> = {}): CreateConversationRequest => ({
  heldAt: '2026-03-02T09:30:00+01:00',
  durationMinutes: 45,
  form: 'office',
  interpreter: 'none',
  language: 'de',
  topics: ['language'],
  note: ORIGINAL_NOTE,
  agreements: ORIGINAL_AGREEMENTS,
  ...overrides,
});

type RevisionRow = { id: string; version: number; note_ciphertext: string; agreements_ciphertext: string | null; replaced_by: string };

/** Issue 16: a conversation is corrected with a trace — the earlier version stays, encrypted, for the team lead and in the Art. 15 export. */
describe('conversation corrections', () => {
  let f: CaseFileFixture;
  let lead: DemoUser;
  let asLead: SignedInAgent;
  let colleague: DemoUser;
  let asColleague: SignedInAgent;
  const path = (clientId: string) => `/api/clients/${clientId}/conversations`;
  const revisionRows = (conversationId: string) =>
    adminQuery<RevisionRow>(
      'SELECT id, version, note_ciphertext, agreements_ciphertext, replaced_by FROM conversation_revision WHERE conversation_id = $1 ORDER BY version',
      [conversationId],
      f.db.ownerUrl,
    );
  const record = async (clientId: string, as: SignedInAgent = f.asManagerA, overrides: Partial<CreateConversationRequest> = {}) =>
    (await as.agent.post(path(clientId)).set(CSRF_HEADER, as.csrf).send(conversation(overrides)).expect(201)).body as ConversationResponse;
  const nameOf = async (user: DemoUser) =>
    (await adminQuery<{ name: string }>(`SELECT concat_ws(' ', first_name, last_name) AS name FROM app_user WHERE id = $1`, [user.id], f.db.ownerUrl))[0]?.name;

  beforeAll(async () => {
    f = await createCaseFileFixture({ DEMO_CLIENTS: '120' });
    const server = f.api.app.getHttpServer();
    lead = pick(f.users, 'team_lead', (u) => u.team_id === f.managerA.team_id);
    asLead = await signIn(server, lead.email);
    colleague = pick(f.users, 'manager', (u) => u.team_id === f.managerA.team_id && u.id !== f.managerA.id);
    asColleague = await signIn(server, colleague.email);
  });

  afterAll(async () => {
    await f?.close();
  });

  it('the author corrects note, agreements and topics: the response says edited (when, by whom), the earlier version is kept encrypted', async () => {
    const client = f.ownClient(0);
    const created = await record(client.id);
    expect(created).toEqual(expect.objectContaining({ staffName: await nameOf(f.managerA), edited: false, editedAt: null, editedBy: null, canCorrect: true }));

    const { agent, csrf } = f.asManagerA;
    const corrected = (
      await agent
        .patch(`${path(client.id)}/${created.id}`)
        .set(CSRF_HEADER, csrf)
        .send({ version: 1, note: 'Korrigiert: Sprachkurs B1 ab April.', agreements: null, topics: ['language', 'work'] })
        .expect(200)
    ).body as ConversationResponse;
    expect(corrected).toEqual(
      expect.objectContaining({
        note: 'Korrigiert: Sprachkurs B1 ab April.',
        agreements: null,
        topics: ['language', 'work'],
        version: 2,
        edited: true,
        editedById: f.managerA.id,
        editedBy: await nameOf(f.managerA),
        staffName: await nameOf(f.managerA),
      }),
    );
    expect(Date.now() - Date.parse(corrected.editedAt ?? '')).toBeLessThan(60_000);

    // At rest: ciphertext only, none of the words of the earlier text.
    const rows = await revisionRows(created.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(expect.objectContaining({ version: 1, replaced_by: f.managerA.id }));
    for (const value of [rows[0]?.note_ciphertext, rows[0]?.agreements_ciphertext]) {
      expect(value).toMatch(/^v1:/);
      expect(value).not.toContain('Sprachkurs');
      expect(value).not.toContain('Zeugnisse');
    }

    // The list says so, too.
    const listed = ((await agent.get(path(client.id)).expect(200)).body as ConversationResponse[]).find((c) => c.id === created.id);
    expect(listed).toEqual(expect.objectContaining({ edited: true, editedBy: await nameOf(f.managerA), canReadRevisions: true }));
  });

  it('the team lead reads the earlier versions (audited); the author may too; another manager of the team gets 403 (audited as denied)', async () => {
    const client = f.ownClient(1);
    const created = await record(client.id);
    const { agent, csrf } = f.asManagerA;
    await agent.patch(`${path(client.id)}/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, note: 'Zweite Fassung.' }).expect(200);
    await agent.patch(`${path(client.id)}/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 2, note: 'Dritte Fassung.', durationMinutes: 30 }).expect(200);

    const revisions = (await asLead.agent.get(`${path(client.id)}/${created.id}/revisions`).expect(200)).body as ConversationRevisionResponse[];
    expect(revisions.map((r) => [r.version, r.note, r.agreements, r.durationMinutes])).toEqual([
      [1, ORIGINAL_NOTE, ORIGINAL_AGREEMENTS, 45],
      [2, 'Zweite Fassung.', ORIGINAL_AGREEMENTS, 45],
    ]);
    expect(revisions[0]).toEqual(expect.objectContaining({ conversationId: created.id, replacedById: f.managerA.id, replacedBy: await nameOf(f.managerA) }));
    const reads = await auditRows(f, `entity_type = 'conversation_revisions' AND entity_id = $1 AND user_id = $2`, [created.id, lead.id]);
    expect(reads).toEqual([expect.objectContaining({ action: 'read', outcome: 'success', client_id: client.id })]);

    await agent.get(`${path(client.id)}/${created.id}/revisions`).expect(200);

    const refused = await asColleague.agent.get(`${path(client.id)}/${created.id}/revisions`).expect(403);
    expect(refused.body.code).toBe('conversationRevisionsForbidden');
    expect(JSON.stringify(refused.body)).not.toContain('Fassung');
    const denied = await auditRows(f, `entity_type = 'conversation_revisions' AND entity_id = $1 AND user_id = $2`, [created.id, colleague.id]);
    expect(denied).toEqual([expect.objectContaining({ action: 'denied', outcome: 'denied' })]);
    // The colleague's list does not offer them either.
    const listed = ((await asColleague.agent.get(path(client.id)).expect(200)).body as ConversationResponse[]).find((c) => c.id === created.id);
    expect(listed).toEqual(expect.objectContaining({ edited: true, canReadRevisions: false, canCorrect: false }));
    // Another team: the client is not there at all.
    await f.asManagerB.agent.get(`${path(client.id)}/${created.id}/revisions`).expect(404);
  });

  it('only the author or the team lead corrects: the responsible manager gets 403 for the lead’s conversation and nothing changes', async () => {
    const client = f.ownClient(2);
    const byLead = await record(client.id, asLead, { note: 'Vom Teamleiter erfasst.' });
    expect(byLead.staffId).toBe(lead.id);
    const { agent, csrf } = f.asManagerA;
    const refused = await agent.patch(`${path(client.id)}/${byLead.id}`).set(CSRF_HEADER, csrf).send({ version: 1, note: 'Überschrieben.' }).expect(403);
    expect(refused.body.code).toBe('notConversationAuthor');
    expect(await revisionRows(byLead.id)).toEqual([]);
    // The lead corrects a conversation the manager recorded.
    const byManager = await record(client.id);
    const corrected = await asLead.agent.patch(`${path(client.id)}/${byManager.id}`).set(CSRF_HEADER, asLead.csrf).send({ version: 1, topics: ['health'] }).expect(200);
    expect(corrected.body).toEqual(expect.objectContaining({ topics: ['health'], editedBy: await nameOf(lead), staffName: await nameOf(f.managerA) }));
    expect((await revisionRows(byManager.id)).map((r) => r.replaced_by)).toEqual([lead.id]);
  });

  it('bad input or a stale version is refused (4xx) and keeps no revision and changes nothing', async () => {
    const client = f.ownClient(3);
    const created = await record(client.id);
    const { agent, csrf } = f.asManagerA;
    const url = `${path(client.id)}/${created.id}`;
    const empty = await agent.patch(url).set(CSRF_HEADER, csrf).send({ version: 1, note: '   ' }).expect(400);
    expect(empty.body.code).toBe('validationFailed');
    await agent.patch(url).set(CSRF_HEADER, csrf).send({ version: 1, topics: ['not_a_field'] }).expect(400);
    await agent.patch(url).set(CSRF_HEADER, csrf).send({ version: 1, note: 'x'.repeat(20_001) }).expect(400);
    expect((await agent.patch(url).set(CSRF_HEADER, csrf).send({ version: 7, note: 'Zu spät.' }).expect(409)).body.code).toBe('staleVersion');
    await agent.get(`${path(client.id)}/not-a-uuid/revisions`).expect(400);
    expect(await revisionRows(created.id)).toEqual([]);
    const [row] = await adminQuery<{ version: number }>('SELECT version FROM conversation WHERE id = $1', [created.id], f.db.ownerUrl);
    expect(row?.version).toBe(1);
    const listed = ((await agent.get(path(client.id)).expect(200)).body as ConversationResponse[]).find((c) => c.id === created.id);
    expect(listed).toEqual(expect.objectContaining({ note: ORIGINAL_NOTE, edited: false }));
  });

  it('the correction is in the timeline with who made it; the file names the responsible manager', async () => {
    const client = f.ownClient(4);
    const created = await record(client.id);
    const { agent, csrf } = f.asManagerA;
    await agent.patch(`${path(client.id)}/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, note: 'Nachgetragen.' }).expect(200);
    const timeline = (await agent.get(`/api/clients/${client.id}/timeline`).expect(200)).body as TimelineResponse;
    const name = await nameOf(f.managerA);
    expect(timeline.items).toContainEqual(expect.objectContaining({ kind: 'conversation_corrected', entityId: created.id, details: { version: 1, by: name } }));
    expect(timeline.items).toContainEqual(expect.objectContaining({ kind: 'conversation', entityId: created.id, details: expect.objectContaining({ by: name }) }));
    const file = (await agent.get(`/api/clients/${client.id}`).expect(200)).body as ClientResponse;
    expect(file).toEqual(expect.objectContaining({ responsibleManagerId: f.managerA.id, responsibleManagerName: name }));
  });

  it('the Art. 15 export contains the earlier text next to the corrected one', async () => {
    const client = f.ownClient(5);
    const created = await record(client.id, f.asManagerA, { note: 'Ursprungsfassung Wohnungssuche Kreuzberg.' });
    const { agent, csrf } = f.asManagerA;
    await agent.patch(`${path(client.id)}/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, note: 'Berichtigte Fassung Wohnungssuche Neukölln.' }).expect(200);
    const response = await asLead.agent.get(`/api/clients/${client.id}/documents/subject-access`).buffer(true).responseType('blob').expect(200);
    const text = pdfText(response.body as Buffer);
    expect(text).toContain('Berichtigte Fassung Wohnungssuche Neukölln.');
    expect(text).toContain('Frühere Fassung (Version 1)');
    expect(text).toContain('Ursprungsfassung Wohnungssuche Kreuzberg.');
    expect(text.indexOf('Ursprungsfassung')).toBeGreaterThan(text.indexOf('Berichtigte Fassung'));
  });
});
