import { CSRF_HEADER, GoalResponse } from '@wegweiser/shared/contracts';
import { createPlanFixture, PlanFixture } from './plan-fixture';

/** Optimistic locking on the plan: conditional updates, the loser learns the current version. */
describe('plan concurrency', () => {
  let f: PlanFixture;
  beforeAll(async () => (f = await createPlanFixture()));
  afterAll(() => f?.close());

  async function newGoal(clientId: string, windowEnd: string): Promise<GoalResponse> {
    const { agent, csrf } = f.asManagerA;
    return (await agent.post(`/api/clients/${clientId}/plan/goals`).set(CSRF_HEADER, csrf).send({ fieldOfAction: 'work', target: 'Version 1', dueOn: windowEnd }).expect(201)).body;
  }

  it('two editors of the same goal from version 3: the first wins, the second gets 409 with the current version', async () => {
    const client = await f.client();
    const goal = await newGoal(client.id, client.window_end);
    const path = `/api/clients/${client.id}/plan/goals/${goal.id}`;
    const manager = f.asManagerA;
    const lead = f.asLeadA;
    await manager.agent.patch(path).set(CSRF_HEADER, manager.csrf).send({ version: 1, target: 'Version 2' }).expect(200);
    const three = await lead.agent.patch(path).set(CSRF_HEADER, lead.csrf).send({ version: 2, target: 'Version 3' }).expect(200);
    expect(three.body.version).toBe(3);

    const first = await manager.agent.patch(path).set(CSRF_HEADER, manager.csrf).send({ version: 3, target: 'Fassung der Managerin' }).expect(200);
    expect(first.body).toMatchObject({ version: 4, target: 'Fassung der Managerin' });
    const second = await lead.agent.patch(path).set(CSRF_HEADER, lead.csrf).send({ version: 3, state: 'dropped' }).expect(409);
    expect(second.body).toEqual({ statusCode: 409, code: 'staleVersion', message: expect.any(String), currentVersion: 4 });

    const [row] = await f.query('SELECT target, state, version FROM goal WHERE id = $1', [goal.id]);
    expect(row).toEqual({ target: 'Fassung der Managerin', state: 'open', version: 4 });
  });

  it('20 parallel updates of a goal from one version → exactly one succeeds, 19 get 409 with the new version', async () => {
    const client = await f.client();
    const goal = await newGoal(client.id, client.window_end);
    const path = `/api/clients/${client.id}/plan/goals/${goal.id}`;
    const sessions = [f.asManagerA, f.asLeadA];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const { agent, csrf } = sessions[i % 2] as (typeof sessions)[number];
        return agent.patch(path).set(CSRF_HEADER, csrf).send({ version: 1, target: `Parallel ${i}` });
      }),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'staleVersion' && r.body.currentVersion === 2)).toBe(true);
    const winner = responses.find((r) => r.status === 200);
    const [row] = await f.query('SELECT target, version FROM goal WHERE id = $1', [goal.id]);
    expect(row).toEqual({ target: winner?.body.target, version: 2 });
  });

  it('20 parallel updates of a step and of a referral from one version → one each succeeds', async () => {
    const client = await f.client();
    const goal = await newGoal(client.id, client.window_end);
    const [offer] = await f.offers();
    if (!offer) throw new Error('no offer seeded');
    await f.consent(client.id, offer.partnerId);
    const { agent, csrf } = f.asManagerA;
    const plan = `/api/clients/${client.id}/plan`;
    const step = (await agent.post(`${plan}/goals/${goal.id}/steps`).set(CSRF_HEADER, csrf).send({ description: 'Schritt', assignee: 'client' }).expect(201)).body;
    const referral = (await agent.post(`${plan}/referrals`).set(CSRF_HEADER, csrf).send({ partnerOfferId: offer.id }).expect(201)).body;
    const burst = (path: string, body: (i: number) => object) =>
      Promise.all(Array.from({ length: 20 }, (_, i) => agent.patch(path).set(CSRF_HEADER, csrf).send(body(i)))).then((rs) => rs.map((r) => r.status).sort());
    const expected = [200, ...Array(19).fill(409)];
    expect(await burst(`${plan}/goals/${goal.id}/steps/${step.id}`, (i) => ({ version: 1, description: `Schritt ${i}` }))).toEqual(expected);
    expect(await burst(`${plan}/referrals/${referral.id}`, (i) => ({ version: 1, state: i % 2 ? 'sent' : 'cancelled' }))).toEqual(expected);
  });

  it('parallel agreements of one plan get consecutive versions, none lost', async () => {
    const client = await f.client();
    const { agent, csrf } = f.asManagerA;
    const responses = await Promise.all(Array.from({ length: 5 }, () => agent.post(`/api/clients/${client.id}/plan/agree`).set(CSRF_HEADER, csrf).send({ agreedOn: f.today })));
    expect(responses.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(responses.map((r) => r.body.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
