import { ClientFileResponse, CSRF_HEADER, GoalResponse, TimelineResponse } from '@wegweiser/shared/contracts';
import { createClient } from '../clients/client-fixtures';
import { demoUsers, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

/** Issue 4, acceptance 1: record a whole case through the API, read it back as one file and as a timeline. */
describe('client file and timeline', () => {
  let db: TestDatabase;
  let api: TestApp;
  let manager: SignedInAgent;
  let lead: SignedInAgent;
  let municipalityId: string;
  /** The client recorded in full by the first test. */
  let recorded: { id: string } | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    const user = pick(await demoUsers(db.ownerUrl), 'manager');
    municipalityId = user.municipality_id;
    manager = await signIn(api.app.getHttpServer(), user.email);
    lead = await signIn(api.app.getHttpServer(), pick(await demoUsers(db.ownerUrl), 'team_lead', (u) => u.team_id === user.team_id).email);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const post = (path: string, body: object) => manager.agent.post(path).set(CSRF_HEADER, manager.csrf).send(body);
  const put = (path: string, body: object) => manager.agent.put(path).set(CSRF_HEADER, manager.csrf).send(body);

  it('a manager records a whole case and reads it back in one file response and in the timeline', async () => {
    const client = await createClient(manager, { firstName: 'Amina', lastName: 'Haddad', firstNameOriginal: 'أمينة', lastNameOriginal: 'حداد' });
    recorded = client;
    const base = `/api/clients/${client.id}`;
    const [offer] = await adminQuery<{ id: string; partner_id: string }>('SELECT id, partner_id FROM partner_offer WHERE municipality_id = $1 ORDER BY id LIMIT 1', [municipalityId], db.ownerUrl);
    if (!offer) throw new Error('no partner offer seeded');

    const consent = (await post(`${base}/consents`, { purpose: 'Vermittlung in einen Sprachkurs', recipientKind: 'partner', partnerId: offer.partner_id, dataCategories: ['personal', 'language'], givenOn: '2026-02-01', recordedAs: 'signed_paper' }).expect(201)).body;
    await put(`${base}/qualifications`, { version: 0, schoolYears: 12, schoolCountry: 'SY', recognitionState: 'pending', interests: ['Pflege'] }).expect(200);
    await put(`${base}/languages/ar`, { version: 0, level: 'C2', native: true }).expect(200);
    await put(`${base}/languages/de`, { version: 0, level: 'A2' }).expect(200);
    const goals: GoalResponse[] = [];
    for (const goal of [
      { fieldOfAction: 'language', target: 'Deutsch bis B1', targetLevel: 'B1', dueOn: client.supportWindowEnd },
      { fieldOfAction: 'work', target: 'Praktikum in der Pflege', dueOn: client.supportWindowEnd },
      { fieldOfAction: 'housing', target: 'Eigene Wohnung', dueOn: client.supportWindowEnd },
    ]) goals.push((await post(`${base}/plan/goals`, goal).expect(201)).body);
    const step = (await post(`${base}/plan/goals/${(goals[0] as GoalResponse).id}/steps`, { description: 'Zum Kurs anmelden', assignee: 'client' }).expect(201)).body;
    const referral = (await post(`${base}/plan/referrals`, { partnerOfferId: offer.id, goalId: (goals[0] as GoalResponse).id }).expect(201)).body;
    const conversation = (topic: string, heldAt: string) => ({ heldAt, durationMinutes: 45, form: 'office', interpreter: 'professional', language: 'ar', topics: [topic], note: `Gespräch über ${topic}.`, agreements: null, nextAppointmentAt: null });
    const first = (await post(`${base}/conversations`, conversation('language', '2026-02-02T09:00:00Z')).expect(201)).body;
    const second = (await post(`${base}/conversations`, conversation('work', '2026-03-02T09:00:00Z')).expect(201)).body;
    const b1 = (await post(`${base}/outcomes`, { kind: 'b1', achievedOn: '2026-03-10', level: 'B1', certificate: 'telc Deutsch B1' }).expect(201)).body;

    const auditBefore = Number((await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE client_id = $1 AND action = 'read'`, [client.id], db.ownerUrl))[0]?.n);
    const file = (await manager.agent.get(`${base}/file`).expect(200)).body as ClientFileResponse;
    expect(file.client).toEqual(expect.objectContaining({ id: client.id, firstName: 'Amina', lastNameOriginal: 'حداد' }));
    expect(file.support).toEqual(expect.objectContaining({ state: 'active' }));
    expect(file.consents.map((c) => c.id)).toEqual([consent.id]);
    expect(file.qualifications).toEqual(expect.objectContaining({ schoolYears: 12, recognitionState: 'pending' }));
    // German was A2; the B1 certificate raised it (issue 16: outcomes and languages stay consistent).
    expect(file.languages.map((l) => [l.language, l.level]).sort()).toEqual([['ar', 'C2'], ['de', 'B1']]);
    expect(file.plan.goals.map((g) => g.id).sort()).toEqual(goals.map((g) => g.id).sort());
    expect(file.plan.goals.find((g) => g.id === (goals[0] as GoalResponse).id)?.steps.map((s) => s.id)).toEqual([step.id]);
    expect(file.plan.referrals.map((r) => r.id)).toEqual([referral.id]);
    expect(file.conversations.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(file.conversations[1]?.note).toBe('Gespräch über language.');
    expect(file.outcomes.map((o) => o.id)).toEqual([b1.id]);
    expect(file.access).toEqual({ canEdit: true, refusal: null });
    const auditAfter = Number((await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE client_id = $1 AND action = 'read'`, [client.id], db.ownerUrl))[0]?.n);
    expect(auditAfter - auditBefore).toBe(1);

    const timeline = (await manager.agent.get(`${base}/timeline`).expect(200)).body as TimelineResponse;
    const kinds = timeline.items.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['conversation', 'goal_created', 'referral', 'outcome', 'consent_given']));
    expect(timeline.items.filter((e) => e.kind === 'conversation').map((e) => e.entityId)).toEqual([second.id, first.id]);
    expect(timeline.items.filter((e) => e.kind === 'goal_created')).toHaveLength(3);
    const times = timeline.items.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(JSON.stringify(timeline)).not.toContain('Gespräch über');
    // Changes of the file's data come from the audit trail, with the name of who made them.
    const edits = timeline.items.filter((e) => e.kind === 'qualifications_changed' || e.kind === 'language_changed');
    expect(edits.map((e) => e.kind).sort()).toEqual(['language_changed', 'language_changed', 'language_changed', 'qualifications_changed']);
    for (const edit of edits) expect(edit.details['by']).toMatch(/^[^\d-]+ [^\d-]+/);
  });

  /** Issue 20: the file is read in one statement; each part must answer exactly as the part's own endpoint does. */
  async function expectFileEqualsItsParts(as: SignedInAgent, clientId: string): Promise<ClientFileResponse> {
    const base = `/api/clients/${clientId}`;
    const get = async (path: string) => (await as.agent.get(path).expect(200)).body as unknown;
    const file = (await get(`${base}/file`)) as ClientFileResponse;
    const parts = {
      client: await get(base),
      support: await get(`${base}/support`),
      qualifications: await get(`${base}/qualifications`),
      languages: await get(`${base}/languages`),
      consents: await get(`${base}/consents`),
      plan: await get(`${base}/plan`),
      conversations: await get(`${base}/conversations`),
      outcomes: await get(`${base}/outcomes`),
      ratings: await get(`${base}/ratings`),
    };
    const { access, ...fileParts } = file;
    expect({ clientId, ...fileParts }).toEqual({ clientId, ...parts });
    expect(access).toEqual(expect.objectContaining({ canEdit: expect.any(Boolean) }));
    return file;
  }

  it('answers every part of the file as its own endpoint does — one statement for the whole file — for the manager and the team lead', async () => {
    if (!recorded) throw new Error('the first test records the client');
    const base = `/api/clients/${recorded.id}`;
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
    // Every kind of row a part reads: a corrected conversation, work experience, an agreed plan sent for sign-off, a rating.
    const [conversation] = (await manager.agent.get(`${base}/conversations`).expect(200)).body as ClientFileResponse['conversations'];
    if (!conversation) throw new Error('the first test records conversations');
    await manager.agent.patch(`${base}/conversations/${conversation.id}`).set(CSRF_HEADER, manager.csrf).send({ version: conversation.version, note: 'Korrigiert.' }).expect(200);
    await post(`${base}/work-experience`, { occupation: 'Bäckerin', years: 3, country: 'SY' }).expect(201);
    await post(`${base}/plan/agree`, { agreedOn: today }).expect(201);
    await post(`${base}/plan/review/submit`, {}).expect(201);
    await post(`${base}/ratings`, { ratedOn: today, health: 3, socialEnvironment: 2 }).expect(201);

    const file = await expectFileEqualsItsParts(manager, recorded.id);
    expect(file.conversations.filter((c) => c.edited).map((c) => [c.id, c.note])).toEqual([[conversation.id, 'Korrigiert.']]);
    expect(file.qualifications.workExperience.map((w) => w.occupation)).toEqual(['Bäckerin']);
    expect(file.plan).toEqual(expect.objectContaining({ latestAgreement: expect.objectContaining({ version: 1 }), changedSinceAgreement: false }));
    expect(file.plan.review).toEqual(expect.objectContaining({ state: 'submitted', agreementVersion: 1 }));
    expect(file.plan.referrals[0]?.partnerName).toEqual(expect.any(String));
    expect(file.consents[0]?.partnerName).toEqual(expect.any(String));
    expect(file.ratings).toHaveLength(1);
    expect(file.support.history.length).toBeGreaterThan(0);
    await expectFileEqualsItsParts(lead, recorded.id);

    // And the demo data's files, as the manager and as the team lead.
    const page = (await manager.agent.get('/api/clients?pageSize=8').expect(200)).body as { items: { id: string }[] };
    expect(page.items.length).toBeGreaterThanOrEqual(5);
    for (const { id } of page.items) {
      await expectFileEqualsItsParts(manager, id);
      await expectFileEqualsItsParts(lead, id);
    }
  });

  it('personal data and work experience changes are in the timeline with who and when', async () => {
    const client = await createClient(manager, { firstName: 'Samir', lastName: 'Timeline' });
    const base = `/api/clients/${client.id}`;
    await manager.agent.patch(base).set(CSRF_HEADER, manager.csrf).send({ version: client.version, phone: '0151 1234567' }).expect(200);
    const work = (await post(`${base}/work-experience`, { occupation: 'Lagerhelfer', years: 2 }).expect(201)).body as { id: string };
    await manager.agent.patch(`${base}/work-experience/${work.id}`).set(CSRF_HEADER, manager.csrf).send({ version: 1, years: 3 }).expect(200);
    await manager.agent.delete(`${base}/work-experience/${work.id}`).set(CSRF_HEADER, manager.csrf).expect(204);
    const timeline = (await manager.agent.get(`${base}/timeline`).expect(200)).body as TimelineResponse;
    const [name] = await adminQuery<{ name: string }>(`SELECT first_name || ' ' || last_name AS name FROM app_user WHERE id = $1`, [manager.session.me.id], db.ownerUrl);
    for (const kind of ['personal_data_changed', 'work_experience_added', 'work_experience_changed', 'work_experience_removed'] as const) {
      const event = timeline.items.find((e) => e.kind === kind);
      expect(event?.details['by']).toBe(name?.name);
      expect(Date.now() - Date.parse(event?.at ?? '')).toBeLessThan(10 * 60_000);
    }
    // Another team sees none of it (the timeline is 404 for them, see below); reads are not changes.
    expect(timeline.items.filter((e) => e.kind === 'personal_data_changed')).toHaveLength(1);
  });

  it("tells whether the user may change the file: not another manager's client, not a closed case", async () => {
    const [colleagues] = await adminQuery<{ id: string }>(
      `SELECT c.id FROM client c WHERE c.team_id = (SELECT team_id FROM app_user WHERE id = $1)
         AND c.responsible_manager_id IS DISTINCT FROM $1 AND c.support_state <> 'closed' LIMIT 1`,
      [manager.session.me.id],
      db.ownerUrl,
    );
    const [closed] = await adminQuery<{ id: string }>(
      `SELECT c.id FROM client c WHERE c.responsible_manager_id = $1 AND c.support_state = 'closed' LIMIT 1`,
      [manager.session.me.id],
      db.ownerUrl,
    );
    if (!colleagues || !closed) throw new Error('the demo data lacks a colleague\'s or a closed client');
    const other = (await manager.agent.get(`/api/clients/${colleagues.id}/file`).expect(200)).body as ClientFileResponse;
    expect(other.access).toEqual({ canEdit: false, refusal: 'notOwnCaseload' });
    await post(`/api/clients/${colleagues.id}/plan/goals`, { fieldOfAction: 'work', target: 'x', dueOn: other.support.windowEnd }).expect(404);
    const done = (await manager.agent.get(`/api/clients/${closed.id}/file`).expect(200)).body as ClientFileResponse;
    expect(done.access).toEqual({ canEdit: false, refusal: 'caseClosed' });
  });

  it('another team gets 404 for the file and the timeline', async () => {
    const [foreign] = await adminQuery<{ id: string }>(
      `SELECT c.id FROM client c WHERE c.team_id <> (SELECT team_id FROM app_user WHERE id = $1) LIMIT 1`,
      [manager.session.me.id],
      db.ownerUrl,
    );
    await manager.agent.get(`/api/clients/${foreign?.id}/file`).expect(404);
    await manager.agent.get(`/api/clients/${foreign?.id}/timeline`).expect(404);
  });
});
