import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { addDays, ClientRow, createPlanFixture, PlanFixture } from './plan-fixture';

interface Ctx {
  client: ClientRow;
  plan: string;
  consents: string;
  languageGoal: string;
  workGoal: string;
  step: string;
  referral: string;
  consent: string;
  partner: string;
  offer: string;
  inactiveOffer: string;
  today: string;
  tomorrow: string;
}

type Case = [label: string, method: 'post' | 'patch' | 'delete', path: (c: Ctx) => string, body: (c: Ctx) => object, field: string, code: string];

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const consentBody = (c: Ctx) => ({ purpose: 'Vermittlung', recipientKind: 'partner', partnerId: c.partner, dataCategories: ['personal'], givenOn: c.today, recordedAs: 'signed_paper' });
const goalBody = (c: Ctx) => ({ fieldOfAction: 'work', target: 'Arbeit finden', dueOn: c.client.window_end });
const consents = (c: Ctx) => c.consents;
const goals = (c: Ctx) => `${c.plan}/goals`;
const workGoal = (c: Ctx) => `${c.plan}/goals/${c.workGoal}`;
const steps = (c: Ctx) => `${c.plan}/goals/${c.workGoal}/steps`;
const step = (c: Ctx) => `${c.plan}/goals/${c.workGoal}/steps/${c.step}`;
const referrals = (c: Ctx) => `${c.plan}/referrals`;
const referral = (c: Ctx) => `${c.plan}/referrals/${c.referral}`;

/** One invalid field per case, over every request body (and query) of the plan and consent routes. */
const CASES: Case[] = [
  ['consent purpose empty', 'post', consents, (c) => ({ ...consentBody(c), purpose: ' ' }), 'purpose', 'minLength'],
  ['consent purpose too long', 'post', consents, (c) => ({ ...consentBody(c), purpose: 'x'.repeat(501) }), 'purpose', 'maxLength'],
  ['consent purpose a number', 'post', consents, (c) => ({ ...consentBody(c), purpose: 5 }), 'purpose', 'isString'],
  ['consent filing note too long', 'post', consents, (c) => ({ ...consentBody(c), filedAt: 'x'.repeat(201) }), 'filedAt', 'maxLength'],
  ['consent recipient unknown', 'post', consents, (c) => ({ ...consentBody(c), recipientKind: 'jobcenter' }), 'recipientKind', 'isIn'],
  ['consent partner not a uuid', 'post', consents, (c) => ({ ...consentBody(c), partnerId: 'vhs' }), 'partnerId', 'isUuid'],
  ['consent partner missing', 'post', consents, (c) => ({ ...consentBody(c), partnerId: undefined }), 'partnerId', 'requiredForPartner'],
  ['consent partner for evaluation', 'post', consents, (c) => ({ ...consentBody(c), recipientKind: 'evaluation' }), 'partnerId', 'onlyForPartner'],
  ['consent partner unknown', 'post', consents, (c) => ({ ...consentBody(c), partnerId: UNKNOWN }), 'partnerId', 'notFound'],
  ['consent categories empty', 'post', consents, (c) => ({ ...consentBody(c), dataCategories: [] }), 'dataCategories', 'arrayMinSize'],
  ['consent category unknown', 'post', consents, (c) => ({ ...consentBody(c), dataCategories: ['secrets'] }), 'dataCategories', 'isIn'],
  ['consent categories not a list', 'post', consents, (c) => ({ ...consentBody(c), dataCategories: 'personal' }), 'dataCategories', 'isArray'],
  ['consent categories twice', 'post', consents, (c) => ({ ...consentBody(c), dataCategories: ['plan', 'plan'] }), 'dataCategories', 'arrayUnique'],
  ['consent given on no date', 'post', consents, (c) => ({ ...consentBody(c), givenOn: '2026-02-30' }), 'givenOn', 'isCalendarDate'],
  ['consent given tomorrow', 'post', consents, (c) => ({ ...consentBody(c), givenOn: c.tomorrow }), 'givenOn', 'inFuture'],
  ['consent valid until German date', 'post', consents, (c) => ({ ...consentBody(c), validUntil: '01.02.2027' }), 'validUntil', 'isCalendarDate'],
  ['consent valid until before given', 'post', consents, (c) => ({ ...consentBody(c), validUntil: addDays(c.today, -1) }), 'validUntil', 'beforeGivenOn'],
  ['consent recorded verbally', 'post', consents, (c) => ({ ...consentBody(c), recordedAs: 'verbal' }), 'recordedAs', 'isIn'],
  ['consent unknown property', 'post', consents, (c) => ({ ...consentBody(c), clientId: c.client.id }), 'clientId', 'unknownProperty'],
  ['withdraw version 0', 'post', (c) => `${c.consents}/${c.consent}/withdraw`, () => ({ version: 0 }), 'version', 'min'],
  ['withdraw version text', 'post', (c) => `${c.consents}/${c.consent}/withdraw`, () => ({ version: 'eins' }), 'version', 'isInt'],
  ['withdraw on null', 'post', (c) => `${c.consents}/${c.consent}/withdraw`, () => ({ version: 1, withdrawnOn: null }), 'withdrawnOn', 'isCalendarDate'],
  ['withdraw tomorrow', 'post', (c) => `${c.consents}/${c.consent}/withdraw`, (c) => ({ version: 1, withdrawnOn: c.tomorrow }), 'withdrawnOn', 'inFuture'],
  ['goal field unknown', 'post', goals, (c) => ({ ...goalBody(c), fieldOfAction: 'sports' }), 'fieldOfAction', 'isIn'],
  ['goal target empty', 'post', goals, (c) => ({ ...goalBody(c), target: '' }), 'target', 'minLength'],
  ['goal target too long', 'post', goals, (c) => ({ ...goalBody(c), target: 'x'.repeat(501) }), 'target', 'maxLength'],
  ['goal level unknown', 'post', goals, (c) => ({ ...goalBody(c), fieldOfAction: 'language', targetLevel: 'B3' }), 'targetLevel', 'isIn'],
  ['language goal without level', 'post', goals, (c) => ({ ...goalBody(c), fieldOfAction: 'language' }), 'targetLevel', 'requiredForLanguage'],
  ['work goal with level', 'post', goals, (c) => ({ ...goalBody(c), targetLevel: 'B1' }), 'targetLevel', 'onlyForLanguage'],
  ['goal due no date', 'post', goals, (c) => ({ ...goalBody(c), dueOn: 'bald' }), 'dueOn', 'isCalendarDate'],
  ['goal due missing', 'post', goals, (c) => ({ ...goalBody(c), dueOn: undefined }), 'dueOn', 'isCalendarDate'],
  ['goal due after window', 'post', goals, (c) => ({ ...goalBody(c), dueOn: addDays(c.client.window_end, 1) }), 'dueOn', 'outsideSupportWindow'],
  ['goal state unknown', 'post', goals, (c) => ({ ...goalBody(c), state: 'done' }), 'state', 'isIn'],
  ['goal state null', 'post', goals, (c) => ({ ...goalBody(c), state: null }), 'state', 'isIn'],
  ['goal update without version', 'patch', workGoal, () => ({ target: 'Neu' }), 'version', 'isInt'],
  ['goal update target null', 'patch', workGoal, () => ({ version: 1, target: null }), 'target', 'isString'],
  ['goal update due null', 'patch', workGoal, () => ({ version: 1, dueOn: null }), 'dueOn', 'isCalendarDate'],
  ['goal update state changed tomorrow', 'patch', workGoal, (c) => ({ version: 1, state: 'achieved', stateChangedOn: c.tomorrow }), 'stateChangedOn', 'inFuture'],
  ['goal update level on work goal', 'patch', workGoal, () => ({ version: 1, targetLevel: 'A2' }), 'targetLevel', 'onlyForLanguage'],
  ['goal update to language without level', 'patch', workGoal, () => ({ version: 1, fieldOfAction: 'language' }), 'targetLevel', 'requiredForLanguage'],
  ['language goal update level null', 'patch', (c) => `${c.plan}/goals/${c.languageGoal}`, () => ({ version: 1, targetLevel: null }), 'targetLevel', 'requiredForLanguage'],
  ['goal update due after window', 'patch', workGoal, (c) => ({ version: 1, dueOn: addDays(c.client.window_end, 1) }), 'dueOn', 'outsideSupportWindow'],
  ['goal delete without version', 'delete', workGoal, () => ({}), 'version', 'isInt'],
  ['goal delete version text', 'delete', (c) => `${workGoal(c)}?version=eins`, () => ({}), 'version', 'isInt'],
  ['step description empty', 'post', steps, () => ({ description: ' ', assignee: 'client' }), 'description', 'minLength'],
  ['step assignee unknown', 'post', steps, () => ({ description: 'Anrufen', assignee: 'jobcenter' }), 'assignee', 'isIn'],
  ['step due after window', 'post', steps, (c) => ({ description: 'Anrufen', assignee: 'client', dueOn: addDays(c.client.window_end, 1) }), 'dueOn', 'outsideSupportWindow'],
  ['step update version 0', 'patch', step, () => ({ version: 0 }), 'version', 'min'],
  ['step update done tomorrow', 'patch', step, (c) => ({ version: 1, doneOn: c.tomorrow }), 'doneOn', 'inFuture'],
  ['step update done no date', 'patch', step, () => ({ version: 1, doneOn: '2026-13-01' }), 'doneOn', 'isCalendarDate'],
  ['step update assignee null', 'patch', step, () => ({ version: 1, assignee: null }), 'assignee', 'isIn'],
  ['referral offer not a uuid', 'post', referrals, () => ({ partnerOfferId: 'kurs' }), 'partnerOfferId', 'isUuid'],
  ['referral offer unknown', 'post', referrals, () => ({ partnerOfferId: UNKNOWN }), 'partnerOfferId', 'notFound'],
  ['referral offer inactive', 'post', referrals, (c) => ({ partnerOfferId: c.inactiveOffer }), 'partnerOfferId', 'inactive'],
  ['referral goal unknown', 'post', referrals, (c) => ({ partnerOfferId: c.offer, goalId: UNKNOWN }), 'goalId', 'notFound'],
  ['referral created accepted', 'post', referrals, (c) => ({ partnerOfferId: c.offer, state: 'accepted' }), 'state', 'isIn'],
  ['referral proposed with sent on', 'post', referrals, (c) => ({ partnerOfferId: c.offer, sentOn: c.today }), 'sentOn', 'onlyWhenSent'],
  ['referral sent tomorrow', 'post', referrals, (c) => ({ partnerOfferId: c.offer, state: 'sent', sentOn: c.tomorrow }), 'sentOn', 'inFuture'],
  ['referral update state unknown', 'patch', referral, () => ({ version: 1, state: 'lost' }), 'state', 'isIn'],
  ['referral update goal not a uuid', 'patch', referral, () => ({ version: 1, goalId: 'ziel' }), 'goalId', 'isUuid'],
  ['referral update goal of nobody', 'patch', referral, () => ({ version: 1, goalId: UNKNOWN }), 'goalId', 'notFound'],
  ['referral update sent on without sending', 'patch', referral, (c) => ({ version: 1, sentOn: c.today }), 'sentOn', 'onlyWhenSent'],
  ['referral update version negative', 'patch', referral, () => ({ version: -1, state: 'sent' }), 'version', 'min'],
  ['agree without date', 'post', (c) => `${c.plan}/agree`, () => ({}), 'agreedOn', 'isCalendarDate'],
  ['agree tomorrow', 'post', (c) => `${c.plan}/agree`, (c) => ({ agreedOn: c.tomorrow }), 'agreedOn', 'inFuture'],
  ['agree before the support started', 'post', (c) => `${c.plan}/agree`, (c) => ({ agreedOn: addDays(c.client.support_start, -1) }), 'agreedOn', 'outsideSupportWindow'],
];

describe('plan and consent input validation', () => {
  let f: PlanFixture;
  let ctx: Ctx;

  beforeAll(async () => {
    f = await createPlanFixture();
    const client = await f.client({ emptyPlan: true });
    const { agent, csrf } = f.asManagerA;
    const plan = `/api/clients/${client.id}/plan`;
    const create = async (path: string, body: object) => (await agent.post(path).set(CSRF_HEADER, csrf).send(body).expect(201)).body.id as string;
    const [offer, second] = await f.offers();
    if (!offer || !second) throw new Error('offers expected');
    await f.query('UPDATE partner_offer SET active = false WHERE id = $1', [second.id]);
    const consent = await f.consent(client.id, offer.partnerId);
    const workGoal = await create(`${plan}/goals`, { fieldOfAction: 'work', target: 'Arbeit', dueOn: client.window_end });
    ctx = {
      client,
      plan,
      consents: `/api/clients/${client.id}/consents`,
      workGoal,
      languageGoal: await create(`${plan}/goals`, { fieldOfAction: 'language', target: 'Deutsch', targetLevel: 'B1', dueOn: client.window_end }),
      step: await create(`${plan}/goals/${workGoal}/steps`, { description: 'Bewerben', assignee: 'client' }),
      referral: await create(`${plan}/referrals`, { partnerOfferId: offer.id }),
      consent: consent.id,
      partner: offer.partnerId,
      offer: offer.id,
      inactiveOffer: second.id,
      today: f.today,
      tomorrow: addDays(f.today, 1),
    };
  });
  afterAll(() => f?.close());

  it.each(CASES)('%s → 400 naming the field; nothing changes', async (_label, method, path, body, field, code) => {
    const before = await f.fingerprint();
    const { agent, csrf } = f.asManagerA;
    const response = await agent[method](path(ctx)).set(CSRF_HEADER, csrf).send(body(ctx));
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: { [field]: code } });
    expect(await f.fingerprint()).toEqual(before);
  });

  it('a malformed id in the path → 400, nothing changes', async () => {
    const before = await f.fingerprint();
    const { agent, csrf } = f.asManagerA;
    await agent.patch(`${ctx.plan}/goals/not-a-uuid`).set(CSRF_HEADER, csrf).send({ version: 1 }).expect(400);
    await agent.get(`/api/clients/not-a-uuid/plan`).expect(400);
    await agent.get(`${ctx.plan}/agreements/eins`).expect(400);
    expect(await f.fingerprint()).toEqual(before);
  });

  it('an agreement dated before the previous one → 400 beforeLastAgreement', async () => {
    const { agent, csrf } = f.asManagerA;
    await agent.post(`${ctx.plan}/agree`).set(CSRF_HEADER, csrf).send({ agreedOn: ctx.today }).expect(201);
    const response = await agent.post(`${ctx.plan}/agree`).set(CSRF_HEADER, csrf).send({ agreedOn: addDays(ctx.today, -1) }).expect(400);
    expect(response.body.errors).toEqual({ agreedOn: 'beforeLastAgreement' });
  });

  it('a referral moves forward only (409 invalidReferralTransition)', async () => {
    const { agent, csrf } = f.asManagerA;
    await agent.patch(`${ctx.plan}/referrals/${ctx.referral}`).set(CSRF_HEADER, csrf).send({ version: 1, state: 'completed' }).expect(409);
    await agent.patch(`${ctx.plan}/referrals/${ctx.referral}`).set(CSRF_HEADER, csrf).send({ version: 1, state: 'cancelled' }).expect(200);
    const back = await agent.patch(`${ctx.plan}/referrals/${ctx.referral}`).set(CSRF_HEADER, csrf).send({ version: 2, state: 'sent' }).expect(409);
    expect(back.body.code).toBe('invalidReferralTransition');
  });
});
