import {
  CSRF_HEADER,
  PlanResponse,
  PlanReviewListItemResponse,
  PlanReviewResponse,
  ReminderPageResponse,
  SupportExtensionListItemResponse,
  SupportExtensionResponse,
  TimelineResponse,
} from '@wegweiser/shared/contracts';
import { pick, signIn, SignedInAgent } from '../support/sessions';
import { ClientRow, createPlanFixture, PlanFixture } from './plan-fixture';

const COMMENT = 'Bitte das Sprachziel mit einem Termin für die Prüfung ergänzen.';
const JUSTIFICATION = 'Die Ausbildung endet nach dem regulären Ende des Betreuungszeitraums.';

/** Acceptance 4 and the approval half of 3: the four-eyes sign-off of plans, and the team lead's lists. */
describe('plan sign-off: submit, return with comment, resubmit, approve', () => {
  let f: PlanFixture;
  let asOtherLead: SignedInAgent;
  let client: ClientRow;
  let plan: string;

  const post = (as: SignedInAgent, path: string, body: object = {}) => as.agent.post(path).set(CSRF_HEADER, as.csrf).send(body);
  const latest = async (as: SignedInAgent) => ((await as.agent.get(plan).expect(200)).body as PlanResponse).review;
  const history = async (as: SignedInAgent) => (await as.agent.get(`${plan}/reviews`).expect(200)).body as PlanReviewResponse[];
  const waiting = async (as: SignedInAgent) => (await as.agent.get('/api/plan-reviews?state=submitted').expect(200)).body as PlanReviewListItemResponse[];
  const reviewRows = () => f.query<{ state: string; version: number }>('SELECT state, version FROM plan_review WHERE client_id = $1 ORDER BY submitted_at', [client.id]);

  beforeAll(async () => {
    f = await createPlanFixture();
    const otherLead = pick(f.users, 'team_lead', (u) => u.municipality_id === f.managerA.municipality_id && u.team_id !== f.managerA.team_id);
    asOtherLead = await signIn(f.server(), otherLead.email);
    client = await f.client({ emptyPlan: true });
    plan = `/api/clients/${client.id}/plan`;
    await post(f.asManagerA, `${plan}/goals`, { fieldOfAction: 'language', target: 'Deutsch bis B1', targetLevel: 'B1', dueOn: client.window_end }).expect(201);
  });
  afterAll(() => f?.close());

  it('walks through every state; both users see each state on the plan and in the history', async () => {
    // Nothing agreed yet: nothing to submit, nothing stored.
    const early = await post(f.asManagerA, `${plan}/review/submit`).expect(409);
    expect(early.body.code).toBe('planNotAgreed');
    expect(await reviewRows()).toEqual([]);
    expect(await latest(f.asManagerA)).toBeNull();

    await post(f.asManagerA, `${plan}/agree`, { agreedOn: f.today }).expect(201);
    const submitted = (await post(f.asManagerA, `${plan}/review/submit`).expect(201)).body as PlanReviewResponse;
    expect(submitted).toMatchObject({ clientId: client.id, agreementVersion: 1, state: 'submitted', comment: null, submittedById: f.managerA.id, decidedAt: null, version: 1 });
    expect(submitted.submittedByName).toMatch(/\S+ \S+/);
    expect(await latest(f.asLeadA)).toEqual(submitted);
    const again = await post(f.asManagerA, `${plan}/review/submit`).expect(409);
    expect(again.body.code).toBe('planReviewPending');

    // The lead's waiting list: the client (summary), the agreed version, who submitted when.
    const listed = (await waiting(f.asLeadA)).find((item) => item.client.id === client.id);
    expect(listed).toEqual({
      client: expect.objectContaining({ id: client.id, teamId: f.managerA.team_id, caseNumber: expect.any(String) }),
      review: submitted,
      agreement: { agreedOn: f.today, goals: [expect.objectContaining({ fieldOfAction: 'language', target: 'Deutsch bis B1', targetLevel: 'B1', steps: [] })] },
    });
    expect((await waiting(asOtherLead)).map((item) => item.client.id)).not.toContain(client.id);

    // Returned with a comment (required, trimmed, versioned).
    const blank = await post(f.asLeadA, `${plan}/review/return`, { version: 1, comment: '   ' }).expect(400);
    expect(blank.body.errors).toHaveProperty('comment');
    const stale = await post(f.asLeadA, `${plan}/review/return`, { version: 2, comment: COMMENT }).expect(409);
    expect(stale.body).toMatchObject({ code: 'staleVersion', currentVersion: 1 });
    expect(await reviewRows()).toEqual([{ state: 'submitted', version: 1 }]);
    const returned = (await post(f.asLeadA, `${plan}/review/return`, { version: 1, comment: `  ${COMMENT} ` }).expect(200)).body as PlanReviewResponse;
    expect(returned).toMatchObject({ id: submitted.id, state: 'returned', comment: COMMENT, decidedById: f.leadA.id, version: 2 });
    expect(returned.decidedAt).not.toBeNull();
    expect(await latest(f.asManagerA)).toEqual(returned);
    expect((await waiting(f.asLeadA)).map((item) => item.client.id)).not.toContain(client.id);

    // The responsible manager is reminded, with the comment; once per decision.
    const reminders = await f.query<{ kind: string; recipient_id: string; subject_id: string }>(
      `SELECT kind, recipient_id, subject_id FROM reminder WHERE client_id = $1 AND kind = 'plan_returned'`,
      [client.id],
    );
    expect(reminders).toEqual([{ kind: 'plan_returned', recipient_id: f.managerA.id, subject_id: submitted.id }]);
    const page = (await f.asManagerA.agent.get('/api/reminders?limit=200').expect(200)).body as ReminderPageResponse;
    expect(page.items.find((r) => r.kind === 'plan_returned' && r.clientId === client.id)).toMatchObject({ subjectTitle: COMMENT, recipientId: f.managerA.id, dueOn: f.today });

    // Deciding what does not wait: 409, nothing changes.
    for (const [action, body] of [['approve', { version: 2 }], ['return', { version: 2, comment: COMMENT }]] as const) {
      const response = await post(f.asLeadA, `${plan}/review/${action}`, body).expect(409);
      expect(response.body.code).toBe('planReviewNotSubmitted');
    }
    expect(await reviewRows()).toEqual([{ state: 'returned', version: 2 }]);

    // Resubmitted (the same agreed version): a new review; the returned one stays in the history.
    const resubmitted = (await post(f.asManagerA, `${plan}/review/submit`).expect(201)).body as PlanReviewResponse;
    expect(resubmitted).toMatchObject({ agreementVersion: 1, state: 'submitted', comment: null, version: 1 });
    expect(resubmitted.id).not.toBe(submitted.id);
    expect((await history(f.asLeadA)).map((r) => [r.state, r.id])).toEqual([
      ['submitted', resubmitted.id],
      ['returned', submitted.id],
    ]);
    expect((await waiting(f.asLeadA)).find((item) => item.client.id === client.id)?.review.id).toBe(resubmitted.id);

    const approved = (await post(f.asLeadA, `${plan}/review/approve`, { version: 1 }).expect(200)).body as PlanReviewResponse;
    expect(approved).toMatchObject({ id: resubmitted.id, state: 'approved', comment: null, decidedById: f.leadA.id, version: 2 });
    expect(await latest(f.asManagerA)).toEqual(approved);
    expect((await history(f.asManagerA)).map((r) => r.state)).toEqual(['approved', 'returned']);
    const twice = await post(f.asManagerA, `${plan}/review/submit`).expect(409);
    expect(twice.body.code).toBe('planAlreadyApproved');

    // A newer agreed version may be submitted again.
    await post(f.asManagerA, `${plan}/goals`, { fieldOfAction: 'work', target: 'Praktikum finden', dueOn: client.window_end }).expect(201);
    await post(f.asManagerA, `${plan}/agree`, { agreedOn: f.today }).expect(201);
    const next = (await post(f.asManagerA, `${plan}/review/submit`).expect(201)).body as PlanReviewResponse;
    expect(next).toMatchObject({ agreementVersion: 2, state: 'submitted' });
  });

  it('records each change in the timeline (codes only, never the comment) and in the audit trail', async () => {
    const timeline = (await f.asManagerA.agent.get(`/api/clients/${client.id}/timeline`).expect(200)).body as TimelineResponse;
    const kinds = timeline.items.filter((e) => e.kind.startsWith('plan_') && e.kind !== 'plan_agreed').map((e) => `${e.kind}:${e.details['version']}`);
    expect(kinds.sort()).toEqual(['plan_approved:1', 'plan_returned:1', 'plan_submitted:1', 'plan_submitted:1', 'plan_submitted:2']);
    expect(JSON.stringify(timeline)).not.toContain('Prüfung');
    const audit = await f.query<{ action: string; n: string }>(
      `SELECT action, count(*)::text AS n FROM audit_event WHERE entity_type = 'plan_review' AND client_id = $1 GROUP BY action ORDER BY action`,
      [client.id],
    );
    expect(audit).toEqual([
      { action: 'create', n: '3' },
      { action: 'update', n: '2' },
    ]);
  });

  it('a manager may not approve or return (403), the lead of another team gets 404; nothing changes', async () => {
    const colleague = pick(f.users, 'manager', (u) => u.team_id === f.managerA.team_id && u.id !== f.managerA.id);
    const asColleague = await signIn(f.server(), colleague.email);
    const before = await reviewRows();
    for (const as of [f.asManagerA, asColleague]) {
      for (const [action, body] of [['approve', { version: 1 }], ['return', { version: 1, comment: COMMENT }]] as const) {
        const response = await post(as, `${plan}/review/${action}`, body).expect(403);
        expect(response.body.code).toBe('forbidden');
      }
      await as.agent.get('/api/plan-reviews').expect(403);
    }
    // Another manager of the team reads the state but may not submit for someone else's client.
    expect((await latest(asColleague))?.state).toBe('submitted');
    // (403 notOwnCaseload, or 404 where the API hides colleagues' files from writes.)
    const foreign = await post(asColleague, `${plan}/review/submit`);
    expect([403, 404]).toContain(foreign.status);
    const denied = () => f.query('SELECT 1 FROM audit_event WHERE action = $1 AND user_id = $2 AND entity_id = $3', ['denied', asOtherLead.session.me.id, client.id]);
    const deniedBefore = (await denied()).length;
    for (const [action, body] of [['approve', { version: 1 }], ['return', { version: 1, comment: COMMENT }], ['submit', {}]] as const) {
      const response = await post(asOtherLead, `${plan}/review/${action}`, body).expect(404);
      expect(response.body.code).toBe('notFound');
    }
    await asOtherLead.agent.get(`${plan}/reviews`).expect(404);
    expect((await denied()).length - deniedBefore).toBe(4);
    expect(await reviewRows()).toEqual(before);
  });

  it('lists the team lead’s pending extension requests with client and justification; managers may not approve (403)', async () => {
    const [open] = await f.query<{ id: string; until: string }>(
      `SELECT id, (support_start + interval '40 months')::date::text AS until FROM client
        WHERE responsible_manager_id = $1 AND support_state = 'active' AND support_window_end >= current_date + 2
          AND support_window_end < (support_start + interval '40 months')::date AND id <> $2
          AND NOT EXISTS (SELECT 1 FROM support_extension e WHERE e.client_id = client.id AND e.state = 'pending')
        ORDER BY case_number LIMIT 1`,
      [f.managerA.id, client.id],
    );
    if (!open) throw new Error('no client of manager A to extend');
    const requested = (await post(f.asManagerA, `/api/clients/${open.id}/support/extensions`, { requestedUntil: open.until, justification: JUSTIFICATION }).expect(201))
      .body as SupportExtensionResponse;
    const pending = async (as: SignedInAgent) => (await as.agent.get('/api/support-extensions?state=pending').expect(200)).body as SupportExtensionListItemResponse[];

    const item = (await pending(f.asLeadA)).find((e) => e.extension.id === requested.id);
    expect(item).toEqual({ client: expect.objectContaining({ id: open.id, teamId: f.managerA.team_id }), extension: requested, requestedByName: expect.stringMatching(/\S+ \S+/) });
    expect(item?.extension).toMatchObject({ requestedUntil: open.until, justification: JUSTIFICATION, state: 'pending' });
    expect((await pending(asOtherLead)).map((e) => e.extension.id)).not.toContain(requested.id);
    await f.asManagerA.agent.get('/api/support-extensions').expect(403);
    await f.asLeadA.agent.get('/api/support-extensions?state=waiting').expect(400);

    const unexplained = await post(f.asLeadA, `/api/support-extensions/${requested.id}/reject`, { version: 1, comment: '  ' }).expect(400);
    expect(unexplained.body.errors).toHaveProperty('comment');
    await post(f.asLeadA, `/api/support-extensions/${requested.id}/reject`, { version: 1 }).expect(400);
    const byManager = await post(f.asManagerA, `/api/support-extensions/${requested.id}/approve`, { version: 1 }).expect(403);
    expect(byManager.body.code).toBe('forbidden');
    expect((await pending(f.asLeadA)).map((e) => e.extension.id)).toContain(requested.id);
    await post(f.asLeadA, `/api/support-extensions/${requested.id}/approve`, { version: 1 }).expect(200);
    expect((await pending(f.asLeadA)).map((e) => e.extension.id)).not.toContain(requested.id);
    const decided = (await f.asLeadA.agent.get('/api/support-extensions?state=approved').expect(200)).body as SupportExtensionListItemResponse[];
    expect(decided.map((e) => e.extension.id)).toContain(requested.id);
    expect(await f.query(`SELECT 1 FROM reminder WHERE subject_id = $1`, [requested.id])).toEqual([]);
  });

  it('returning an extension request needs a comment and reminds the responsible manager', async () => {
    const [open] = await f.query<{ id: string; until: string }>(
      `SELECT id, (support_start + interval '40 months')::date::text AS until FROM client
        WHERE responsible_manager_id = $1 AND support_state = 'active' AND support_window_end >= current_date + 2
          AND support_window_end < (support_start + interval '40 months')::date AND id <> $2
          AND NOT EXISTS (SELECT 1 FROM support_extension e WHERE e.client_id = client.id)
        ORDER BY case_number LIMIT 1`,
      [f.managerA.id, client.id],
    );
    if (!open) throw new Error('no client of manager A to extend');
    const requested = (await post(f.asManagerA, `/api/clients/${open.id}/support/extensions`, { requestedUntil: open.until, justification: JUSTIFICATION }).expect(201))
      .body as SupportExtensionResponse;
    await post(f.asLeadA, `/api/support-extensions/${requested.id}/reject`, { version: 1 }).expect(400);
    expect(await f.query(`SELECT state FROM support_extension WHERE id = $1`, [requested.id])).toEqual([{ state: 'pending' }]);
    const rejected = (await post(f.asLeadA, `/api/support-extensions/${requested.id}/reject`, { version: 1, comment: 'Bitte den Ausbildungsvertrag beilegen.' }).expect(200)).body;
    expect(rejected).toMatchObject({ state: 'rejected', comment: 'Bitte den Ausbildungsvertrag beilegen.' });
    const page = (await f.asManagerA.agent.get('/api/reminders?limit=200').expect(200)).body as ReminderPageResponse;
    expect(page.items.filter((r) => r.kind === 'extension_rejected' && r.clientId === open.id)).toEqual([
      expect.objectContaining({ subjectTitle: 'Bitte den Ausbildungsvertrag beilegen.', recipientId: f.managerA.id }),
    ]);
  });
});
