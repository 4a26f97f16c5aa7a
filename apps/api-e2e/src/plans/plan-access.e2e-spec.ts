import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { pick, signIn } from '../support/sessions';
import { ClientRow, createPlanFixture, PlanFixture } from './plan-fixture';

interface Ids {
  client: ClientRow;
  goalId: string;
  stepId: string;
  referralId: string;
  consentId: string;
  offerId: string;
}

/** Every consent and plan route with a body that would succeed for the client's own manager. */
const routes = (ids: Ids, today: string): [method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object][] => {
  const plan = `/api/clients/${ids.client.id}/plan`;
  return [
    ['get', plan],
    ['get', `${plan}/agreements`],
    ['get', `${plan}/agreements/1`],
    ['post', `${plan}/agree`, { agreedOn: today }],
    ['post', `${plan}/goals`, { fieldOfAction: 'work', target: 'Arbeit', dueOn: ids.client.window_end }],
    ['patch', `${plan}/goals/${ids.goalId}`, { version: 1, target: 'Fremd' }],
    ['delete', `${plan}/goals/${ids.goalId}?version=1`],
    ['post', `${plan}/goals/${ids.goalId}/steps`, { description: 'Fremd', assignee: 'client' }],
    ['patch', `${plan}/goals/${ids.goalId}/steps/${ids.stepId}`, { version: 1, description: 'Fremd' }],
    ['post', `${plan}/referrals`, { partnerOfferId: ids.offerId }],
    ['patch', `${plan}/referrals/${ids.referralId}`, { version: 1, state: 'cancelled' }],
    ['get', `/api/clients/${ids.client.id}/consents`],
    ['post', `/api/clients/${ids.client.id}/consents`, { purpose: 'Evaluation', recipientKind: 'evaluation', dataCategories: ['plan'], givenOn: today, recordedAs: 'electronic' }],
    ['post', `/api/clients/${ids.client.id}/consents/${ids.consentId}/withdraw`, { version: 1 }],
  ];
};

/** Object-level access to plans and consents: team scope (404), own caseload (404 on writes), closed cases (409). */
describe('plan and consent access', () => {
  let f: PlanFixture;
  let ids: Ids;

  beforeAll(async () => {
    f = await createPlanFixture();
    const client = await f.client({ emptyPlan: true });
    const [offer] = await f.offers();
    if (!offer) throw new Error('no offer seeded');
    const { agent, csrf } = f.asManagerA;
    const plan = `/api/clients/${client.id}/plan`;
    const goal = (await agent.post(`${plan}/goals`).set(CSRF_HEADER, csrf).send({ fieldOfAction: 'work', target: 'Arbeit', dueOn: client.window_end }).expect(201)).body;
    const step = (await agent.post(`${plan}/goals/${goal.id}/steps`).set(CSRF_HEADER, csrf).send({ description: 'Bewerben', assignee: 'client' }).expect(201)).body;
    const consent = await f.consent(client.id, offer.partnerId);
    const referral = (await agent.post(`${plan}/referrals`).set(CSRF_HEADER, csrf).send({ partnerOfferId: offer.id }).expect(201)).body;
    await agent.post(`${plan}/agree`).set(CSRF_HEADER, csrf).send({ agreedOn: f.today }).expect(201);
    ids = { client, goalId: goal.id, stepId: step.id, referralId: referral.id, consentId: consent.id, offerId: offer.id };
  });
  afterAll(() => f?.close());

  it('a manager of team B gets 404 on every plan and consent route of a team-A client; nothing changes; each attempt is audited as denied', async () => {
    const before = await f.fingerprint();
    const denied = () => f.query(`SELECT 1 FROM audit_event WHERE action = 'denied' AND user_id = $1 AND entity_id = $2`, [f.managerB.id, ids.client.id]);
    const deniedBefore = (await denied()).length;
    const { agent, csrf } = f.asManagerB;
    for (const [method, path, body] of routes(ids, f.today)) {
      const response = await agent[method](path).set(CSRF_HEADER, csrf).send(body ?? {});
      expect({ method, path, status: response.status, code: response.body.code }).toEqual({ method, path, status: 404, code: 'notFound' });
    }
    expect(await f.fingerprint()).toEqual(before);
    expect((await denied()).length - deniedBefore).toBe(routes(ids, f.today).length);
  });

  it('another manager of the same team reads the plan but may not change it (404 notFound, as outside the team)', async () => {
    const colleague = pick(f.users, 'manager', (u) => u.team_id === f.managerA.team_id && u.id !== f.managerA.id);
    const { agent, csrf } = await signIn(f.server(), colleague.email);
    const before = await f.fingerprint();
    for (const [method, path, body] of routes(ids, f.today)) {
      const response = await agent[method](path).set(CSRF_HEADER, csrf).send(body ?? {});
      if (method === 'get') expect({ path, status: response.status }).toEqual({ path, status: 200 });
      else expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 404, code: 'notFound' });
    }
    expect(await f.fingerprint()).toEqual(before);
  });

  it('the team lead may change any plan of the team', async () => {
    const { agent, csrf } = f.asLeadA;
    const plan = `/api/clients/${ids.client.id}/plan`;
    await agent.post(`${plan}/goals/${ids.goalId}/steps`).set(CSRF_HEADER, csrf).send({ description: 'Von der Leitung', assignee: 'manager' }).expect(201);
  });

  it('a closed case is read-only (409 caseClosed), but a consent can still be withdrawn', async () => {
    const closed = await f.client({ state: 'closed' });
    const [offer] = await f.offers();
    const [consent] = await f.query<{ id: string; version: number }>(
      `INSERT INTO consent (municipality_id, client_id, purpose, recipient_kind, partner_id, data_categories, given_on, recorded_as)
       VALUES ($1, $2, 'Vermittlung', 'partner', $3, '{personal}', $4, 'signed_paper') RETURNING id, version`,
      [closed.municipality_id, closed.id, offer?.partnerId, closed.support_start],
    );
    const [goal] = await f.query<{ id: string; version: number }>('SELECT id, version FROM goal WHERE client_id = $1 LIMIT 1', [closed.id]);
    const { agent, csrf } = f.asManagerA;
    const plan = `/api/clients/${closed.id}/plan`;
    await agent.get(plan).expect(200);
    const before = await f.fingerprint(closed.id);
    for (const [method, path, body] of [
      ['post', `${plan}/goals`, { fieldOfAction: 'work', target: 'Arbeit', dueOn: closed.window_end }],
      ['patch', `${plan}/goals/${goal?.id}`, { version: goal?.version, state: 'achieved' }],
      ['post', `${plan}/agree`, { agreedOn: closed.support_start }],
      ['post', `/api/clients/${closed.id}/consents`, { purpose: 'Evaluation', recipientKind: 'evaluation', dataCategories: ['plan'], givenOn: closed.support_start, recordedAs: 'electronic' }],
    ] as const) {
      const response = await agent[method](path).set(CSRF_HEADER, csrf).send(body);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 409, code: 'caseClosed' });
    }
    expect(await f.fingerprint(closed.id)).toEqual(before);
    const withdrawn = await agent.post(`/api/clients/${closed.id}/consents/${consent?.id}/withdraw`).set(CSRF_HEADER, csrf).send({ version: consent?.version }).expect(200);
    expect(withdrawn.body.withdrawnOn).toBe(f.today);
  });
});
