import { CSRF_HEADER, GoalResponse, PlanAgreementResponse, PlanResponse } from '@wegweiser/shared/contracts';
import { addDays, createPlanFixture, PlanFixture } from './plan-fixture';

/** Acceptance: consent, a plan with goals, steps and a referral, agreed, changed, re-agreed; window and reads. */
describe('integration plan: from consent to re-agreement', () => {
  let f: PlanFixture;
  beforeAll(async () => (f = await createPlanFixture()));
  afterAll(() => f?.close());

  const as = () => f.asManagerA;
  const post = (path: string, body: object) => as().agent.post(path).set(CSRF_HEADER, as().csrf).send(body);
  const patch = (path: string, body: object) => as().agent.patch(path).set(CSRF_HEADER, as().csrf).send(body);

  it('a manager records consent, three goals with steps and a referral, agrees, changes, re-agrees; version 1 stays readable as agreed', async () => {
    const client = await f.client({ emptyPlan: true });
    const plan = `/api/clients/${client.id}/plan`;
    const [offer] = await f.offers('language');
    if (!offer) throw new Error('no language offer seeded');

    const consent = await post(`/api/clients/${client.id}/consents`, {
      purpose: 'Vermittlung in einen Integrationskurs',
      recipientKind: 'partner',
      partnerId: offer.partnerId,
      dataCategories: ['personal', 'language'],
      givenOn: f.today,
      recordedAs: 'with_interpreter',
      filedAt: '  Handakte, Fach 3  ',
    }).expect(201);
    expect(consent.body).toMatchObject({ partnerId: offer.partnerId, partnerName: offer.partnerName, valid: true, withdrawnOn: null, version: 1, filedAt: 'Handakte, Fach 3' });

    const due = client.window_end;
    const language = (await post(`${plan}/goals`, { fieldOfAction: 'language', target: 'Deutsch mit Zertifikat', targetLevel: 'B1', dueOn: due }).expect(201)).body as GoalResponse;
    const work = (await post(`${plan}/goals`, { fieldOfAction: 'work', target: 'Praktikum in der Pflege', dueOn: addDays(f.today, 90) }).expect(201)).body as GoalResponse;
    await post(`${plan}/goals`, { fieldOfAction: 'housing', target: 'Eigene Wohnung finden', dueOn: due, state: 'in_progress' }).expect(201);
    expect(language).toMatchObject({ targetLevel: 'B1', state: 'open', stateChangedOn: f.today, version: 1, steps: [] });

    const step = (await post(`${plan}/goals/${language.id}/steps`, { description: 'Zum Kurs anmelden', assignee: 'client', dueOn: addDays(f.today, 14) }).expect(201)).body;
    await post(`${plan}/goals/${language.id}/steps`, { description: 'Kinderbetreuung klären', assignee: 'manager' }).expect(201);
    await post(`${plan}/goals/${work.id}/steps`, { description: 'Praktikumsplatz vermitteln', assignee: 'partner' }).expect(201);
    const referral = (await post(`${plan}/referrals`, { partnerOfferId: offer.id, goalId: language.id }).expect(201)).body;
    expect(referral).toMatchObject({ state: 'proposed', sentOn: null, partnerId: offer.partnerId, offerTitle: offer.title, goalId: language.id });

    const before = (await as().agent.get(plan).expect(200)).body as PlanResponse;
    expect(before.goals.map((g) => g.fieldOfAction)).toEqual(['language', 'work', 'housing']);
    expect(before.goals[0]?.steps.map((s) => s.description)).toEqual(['Zum Kurs anmelden', 'Kinderbetreuung klären']);
    expect(before).toMatchObject({ latestAgreement: null, changedSinceAgreement: true, supportWindowEnd: client.window_end });

    const first = (await post(`${plan}/agree`, { agreedOn: f.today }).expect(201)).body as PlanAgreementResponse;
    expect(first).toMatchObject({ version: 1, agreedOn: f.today, agreedById: f.managerA.id });
    expect((await as().agent.get(plan).expect(200)).body).toMatchObject({ latestAgreement: { version: 1 }, changedSinceAgreement: false });

    await patch(`${plan}/goals/${work.id}`, { version: 1, state: 'in_progress' }).expect(200);
    await patch(`${plan}/goals/${language.id}/steps/${step.id}`, { version: 1, doneOn: f.today }).expect(200);
    const sent = await patch(`${plan}/referrals/${referral.id}`, { version: 1, state: 'sent' }).expect(200);
    expect(sent.body).toMatchObject({ state: 'sent', sentOn: f.today, version: 2 });
    expect((await as().agent.get(plan).expect(200)).body.changedSinceAgreement).toBe(true);

    const second = (await post(`${plan}/agree`, { agreedOn: f.today }).expect(201)).body as PlanAgreementResponse;
    expect(second.version).toBe(2);
    const list = await as().agent.get(`${plan}/agreements`).expect(200);
    expect(list.body.map((a: { version: number }) => a.version)).toEqual([2, 1]);

    const v1 = (await as().agent.get(`${plan}/agreements/1`).expect(200)).body as PlanAgreementResponse;
    expect(v1).toEqual(first);
    expect(v1.snapshot.goals.find((g) => g.id === work.id)?.state).toBe('open');
    expect(v1.snapshot.goals.find((g) => g.id === language.id)?.steps[0]?.doneOn).toBeNull();
    expect(v1.snapshot.referrals).toEqual([expect.objectContaining({ id: referral.id, state: 'proposed', sentOn: null })]);
    const v2 = (await as().agent.get(`${plan}/agreements/2`).expect(200)).body as PlanAgreementResponse;
    expect(v2.snapshot.goals.find((g) => g.id === work.id)?.state).toBe('in_progress');
    expect(v2.snapshot.referrals[0]).toMatchObject({ state: 'sent', sentOn: f.today });
    await as().agent.get(`${plan}/agreements/3`).expect(404);
    // The stored snapshot carries ids, fields and states only: no versions, names or other free text.
    expect(Object.keys(v1.snapshot.referrals[0] ?? {}).sort()).toEqual(['goalId', 'id', 'partnerId', 'partnerOfferId', 'sentOn', 'state']);
  });

  it('a due date after the end of the support window → 400 outsideSupportWindow naming the field; nothing is stored', async () => {
    const client = await f.client();
    const plan = `/api/clients/${client.id}/plan`;
    const before = await f.fingerprint(client.id);
    const late = addDays(client.window_end, 1);
    const response = await post(`${plan}/goals`, { fieldOfAction: 'work', target: 'Arbeit finden', dueOn: late }).expect(400);
    expect(response.body).toEqual({ statusCode: 400, code: 'outsideSupportWindow', message: expect.any(String), errors: { dueOn: 'outsideSupportWindow' } });
    await post(`${plan}/goals`, { fieldOfAction: 'work', target: 'Arbeit finden', dueOn: addDays(client.support_start, -1) }).expect(400);
    const [goal] = await f.query<{ id: string; version: number }>('SELECT id, version FROM goal WHERE client_id = $1 LIMIT 1', [client.id]);
    const patched = await patch(`${plan}/goals/${goal?.id}`, { version: goal?.version, dueOn: late }).expect(400);
    expect(patched.body.errors).toEqual({ dueOn: 'outsideSupportWindow' });
    await post(`${plan}/goals/${goal?.id}/steps`, { description: 'Später', assignee: 'client', dueOn: late }).expect(400);
    await post(`${plan}/goals`, { fieldOfAction: 'work', target: 'Arbeit finden', dueOn: client.window_end }).expect(201);
    const after = await f.fingerprint(client.id);
    expect({ ...after, goal: before['goal'] }).toEqual(before);
  });

  it('a referral without a valid consent → 409 consentRequired; after the consent is withdrawn, new referrals are refused', async () => {
    const client = await f.client();
    const plan = `/api/clients/${client.id}/plan`;
    const [offer, other] = await f.offers('work');
    if (!offer || !other) throw new Error('two work offers expected');
    const refused = await post(`${plan}/referrals`, { partnerOfferId: offer.id }).expect(409);
    expect(refused.body).toEqual({ statusCode: 409, code: 'consentRequired', message: expect.any(String) });

    await f.consent(client.id, offer.partnerId, { givenOn: addDays(f.today, -60), validUntil: addDays(f.today, -1) });
    if (other.partnerId !== offer.partnerId) await f.consent(client.id, other.partnerId);
    await f.consent(client.id, offer.partnerId, { recipientKind: 'evaluation', partnerId: undefined });
    await post(`${plan}/referrals`, { partnerOfferId: offer.id }).expect(409);

    const consent = await f.consent(client.id, offer.partnerId);
    await post(`${plan}/referrals`, { partnerOfferId: offer.id, state: 'sent' }).expect(201);
    const proposed = (await post(`${plan}/referrals`, { partnerOfferId: offer.id }).expect(201)).body;

    const withdrawn = await post(`/api/clients/${client.id}/consents/${consent.id}/withdraw`, { version: consent.version }).expect(200);
    expect(withdrawn.body).toMatchObject({ withdrawnOn: f.today, valid: false, version: consent.version + 1 });
    const again = await post(`/api/clients/${client.id}/consents/${consent.id}/withdraw`, { version: consent.version + 1 }).expect(409);
    expect(again.body.code).toBe('consentWithdrawn');

    expect((await post(`${plan}/referrals`, { partnerOfferId: offer.id }).expect(409)).body.code).toBe('consentRequired');
    expect((await patch(`${plan}/referrals/${proposed.id}`, { version: 1, state: 'sent' }).expect(409)).body.code).toBe('consentRequired');
    await patch(`${plan}/referrals/${proposed.id}`, { version: 1, state: 'cancelled' }).expect(200);
    const rows = await f.query<{ state: string }>('SELECT state FROM referral WHERE client_id = $1 AND partner_id = $2 ORDER BY created_at', [client.id, offer.partnerId]);
    expect(rows.map((r) => r.state)).toEqual(['sent', 'cancelled']);
  });

  it('every read of the plan, its agreements and the consents writes one audit row', async () => {
    const client = await f.client();
    const plan = `/api/clients/${client.id}/plan`;
    await post(`${plan}/agree`, { agreedOn: f.today }).expect(201);
    const reads = () => f.query<{ entity_type: string; entity_id: string; client_id: string; user_id: string }>(
      `SELECT entity_type, entity_id, client_id, user_id FROM audit_event WHERE action = 'read' AND client_id = $1 ORDER BY id`,
      [client.id],
    );
    const before = (await reads()).length;
    await as().agent.get(plan).expect(200);
    await as().agent.get(`${plan}/agreements`).expect(200);
    await as().agent.get(`${plan}/agreements/1`).expect(200);
    await as().agent.get(`/api/clients/${client.id}/consents`).expect(200);
    const after = (await reads()).slice(before);
    expect(after.map((r) => r.entity_type)).toEqual(['plan', 'plan_agreement_list', 'plan_agreement', 'consent_list']);
    expect(after.every((r) => r.client_id === client.id && r.user_id === f.managerA.id)).toBe(true);
  });

  it('a goal of an agreed version cannot be deleted (409 goalAgreed); another one only with its current version', async () => {
    const client = await f.client({ emptyPlan: true });
    const plan = `/api/clients/${client.id}/plan`;
    const agreed = (await post(`${plan}/goals`, { fieldOfAction: 'health', target: 'Hausarzt finden', dueOn: client.window_end }).expect(201)).body;
    await post(`${plan}/agree`, { agreedOn: f.today }).expect(201);
    expect((await as().agent.delete(`${plan}/goals/${agreed.id}?version=1`).set(CSRF_HEADER, as().csrf).expect(409)).body.code).toBe('goalAgreed');
    const draft = (await post(`${plan}/goals`, { fieldOfAction: 'legal', target: 'Pass beantragen', dueOn: client.window_end }).expect(201)).body;
    await post(`${plan}/goals/${draft.id}/steps`, { description: 'Termin buchen', assignee: 'client' }).expect(201);
    await patch(`${plan}/goals/${draft.id}`, { version: 1, target: 'Reisepass beantragen' }).expect(200);
    const stale = await as().agent.delete(`${plan}/goals/${draft.id}?version=1`).set(CSRF_HEADER, as().csrf).expect(409);
    expect(stale.body).toMatchObject({ code: 'staleVersion', currentVersion: 2 });
    await as().agent.delete(`${plan}/goals/${draft.id}?version=2`).set(CSRF_HEADER, as().csrf).expect(204);
    expect(await f.query('SELECT 1 FROM goal_step WHERE goal_id = $1', [draft.id])).toEqual([]);
  });
});
