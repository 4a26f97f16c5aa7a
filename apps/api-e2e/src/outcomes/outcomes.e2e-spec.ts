import { calendarToday } from '@wegweiser/api/core';
import { CSRF_HEADER, OutcomeCreatedResponse, OutcomeResponse, OutcomeUndoneResponse, SoftRatingResponse, TimelineResponse } from '@wegweiser/shared/contracts';
import { auditRows, CaseFileFixture, closeCase, createCaseFileFixture } from '../conversations/case-file-fixture';
import { adminQuery } from '../support/test-database';

/** The support start the specs give their clients (the dates they record lie after it). */
const SUPPORT_START = '2025-06-01';
const dayAfter = (date: string, days = 1) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const employment = { kind: 'employment', achievedOn: '2026-05-01', employmentKind: 'social_insurance', fullTime: true, matchesQualification: false, description: 'Lagerlogistik' };

/** Outcomes (B1, employment, apprenticeship, studies) and soft ratings of a client's file. */
describe('outcomes and soft ratings', () => {
  let f: CaseFileFixture;
  const outcomes = (clientId: string) => `/api/clients/${clientId}/outcomes`;
  const ratings = (clientId: string) => `/api/clients/${clientId}/ratings`;

  beforeAll(async () => {
    f = await createCaseFileFixture();
    // Support started on SUPPORT_START at the latest (every date the specs record lies after it).
    const ids = Array.from({ length: 16 }, (_, n) => f.ownClient(n).id);
    await adminQuery(
      `UPDATE client SET arrival_date = LEAST(arrival_date, $2::date),
              support_window_end = CASE WHEN support_start > $2::date THEN ($2::date + interval '36 months')::date ELSE support_window_end END,
              support_start = LEAST(support_start, $2::date)
        WHERE id = ANY($1::uuid[])`,
      [ids, SUPPORT_START],
      f.db.ownerUrl,
    );
  });

  afterAll(async () => {
    await f?.close();
  });

  it('records every kind of outcome, ends an employment with the current version, and lists them in order', async () => {
    const client = f.ownClient(0);
    await adminQuery('DELETE FROM outcome WHERE client_id = $1', [client.id], f.db.ownerUrl);
    const { agent, csrf } = f.asManagerA;
    const job = (await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send(employment).expect(201)).body as OutcomeResponse;
    expect(job).toEqual(expect.objectContaining({ kind: 'employment', employmentKind: 'social_insurance', fullTime: true, matchesQualification: false, endedOn: null, level: null, version: 1 }));
    await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'apprenticeship', achievedOn: '2026-08-01', description: 'Pflegefachfrau' }).expect(201);
    await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'studies', achievedOn: '2026-10-01' }).expect(201);
    await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'b1', achievedOn: '2026-02-15', level: 'B2' }).expect(201);

    const ended = await agent.patch(`${outcomes(client.id)}/${job.id}`).set(CSRF_HEADER, csrf).send({ version: 1, endedOn: '2026-07-31' }).expect(200);
    expect(ended.body).toEqual(expect.objectContaining({ endedOn: '2026-07-31', version: 2 }));
    const stale = await agent.patch(`${outcomes(client.id)}/${job.id}`).set(CSRF_HEADER, csrf).send({ version: 1, fullTime: false }).expect(409);
    expect(stale.body).toEqual(expect.objectContaining({ code: 'staleVersion', currentVersion: 2 }));

    const listed = (await agent.get(outcomes(client.id)).expect(200)).body as OutcomeResponse[];
    const dates = listed.map((o) => o.achievedOn);
    expect(dates).toEqual([...dates].sort());
    expect(listed.filter((o) => o.createdAt > job.createdAt || o.id === job.id).map((o) => o.kind)).toEqual(expect.arrayContaining(['b1', 'employment', 'apprenticeship', 'studies']));
  });

  it('records soft ratings as a series (oldest first)', async () => {
    const client = f.ownClient(1);
    const { agent, csrf } = f.asManagerA;
    await agent.post(ratings(client.id)).set(CSRF_HEADER, csrf).send({ ratedOn: '2026-09-01', health: 4, socialEnvironment: 3, employmentQuality: 2 }).expect(201);
    const created = await agent.post(ratings(client.id)).set(CSRF_HEADER, csrf).send({ ratedOn: '2026-03-01', health: 3, socialEnvironment: 2 }).expect(201);
    expect(created.body).toEqual(expect.objectContaining({ ratedOn: '2026-03-01', health: 3, socialEnvironment: 2, employmentQuality: null, ratedBy: f.managerA.id }));
    const listed = (await agent.get(ratings(client.id)).expect(200)).body as SoftRatingResponse[];
    const dates = listed.map((r) => r.ratedOn);
    expect(dates).toEqual([...dates].sort());
    expect(listed.map((r) => r.id)).toContain(created.body.id);
  });

  it.each([
    ['kind', 400, { kind: 'lottery' }],
    ['achievedOn', 400, { achievedOn: '2026-13-01' }],
    ['achievedOn', 400, { achievedOn: undefined }],
    ['endedOn', 400, { endedOn: '01.05.2026' }],
    ['endedOn', 422, { endedOn: '2026-04-30' }],
    ['employmentKind', 400, { employmentKind: 'volunteer' }],
    ['employmentKind', 422, { employmentKind: undefined }],
    ['fullTime', 400, { fullTime: 'yes' }],
    ['matchesQualification', 422, { matchesQualification: undefined }],
    ['description', 400, { description: 'x'.repeat(201) }],
    ['level', 422, { level: 'B1' }],
    ['certificate', 422, { certificate: 'telc Deutsch B1' }],
    ['presentAtStart', 400, { presentAtStart: 'ja' }],
    ['presentAtStart', 400, { presentAtStart: null }],
    ['completed', 400, { completed: 'yes' }],
    ['clientId', 400, { clientId: '00000000-0000-4000-8000-000000000000' }],
  ])('POST outcome with an invalid %s → %i naming it (400 malformed, 422 against the rules); nothing stored', async (field, status, overrides) => {
    const client = f.ownClient(2);
    const before = await f.count('outcome');
    const response = await f.asManagerA.agent.post(outcomes(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send({ ...employment, ...overrides });
    expect(response.status).toBe(status);
    expect(Object.keys(response.body.errors ?? {})).toContain(field);
    expect(await f.count('outcome')).toBe(before);
  });

  it.each([
    ['level', 'requiredForKind', { kind: 'b1', achievedOn: '2026-02-01' }],
    ['endedOn', 'notForKind', { kind: 'b1', achievedOn: '2026-02-01', level: 'B1', endedOn: '2026-03-01' }],
    ['employmentKind', 'notForKind', { kind: 'studies', achievedOn: '2026-02-01', employmentKind: 'mini_job' }],
    ['completed', 'notForKind', { ...employment, endedOn: '2026-06-30', completed: true }],
    ['completed', 'notForKind', { kind: 'b1', achievedOn: '2026-02-01', level: 'B1', completed: false }],
    ['completed', 'requiresEnd', { kind: 'apprenticeship', achievedOn: '2025-08-01', completed: true }],
    ['completed', 'requiresEnd', { kind: 'studies', achievedOn: '2025-10-01', completed: false }],
  ])('POST outcome whose details do not fit the kind (%s %s) → 422 naming it; nothing stored', async (field, code, body) => {
    const before = await f.count('outcome');
    const response = await f.asManagerA.agent.post(outcomes(f.ownClient(2).id)).set(CSRF_HEADER, f.asManagerA.csrf).send(body);
    expect(response.status).toBe(422);
    expect(response.body).toEqual(expect.objectContaining({ code: 'validationFailed' }));
    expect(response.body.errors).toEqual(expect.objectContaining({ [field]: code }));
    expect(await f.count('outcome')).toBe(before);
  });

  it('POST outcome with a language level below B1 → 400 (not a B1 outcome); nothing stored', async () => {
    const before = await f.count('outcome');
    const response = await f.asManagerA.agent.post(outcomes(f.ownClient(2).id)).set(CSRF_HEADER, f.asManagerA.csrf).send({ kind: 'b1', achievedOn: '2026-02-01', level: 'A2' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors ?? {})).toContain('level');
    expect(await f.count('outcome')).toBe(before);
  });

  describe('dates that say what they mean', () => {
    const today = calendarToday();
    const tomorrow = dayAfter(today);
    const before = dayAfter(SUPPORT_START, -200);
    const post = (clientId: string, body: object) => f.asManagerA.agent.post(outcomes(clientId)).set(CSRF_HEADER, f.asManagerA.csrf).send(body);
    const patch = (clientId: string, id: string, body: object) => f.asManagerA.agent.patch(`${outcomes(clientId)}/${id}`).set(CSRF_HEADER, f.asManagerA.csrf).send(body);
    const fresh = async (n: number) => {
      const client = f.ownClient(n);
      await adminQuery('DELETE FROM outcome WHERE client_id = $1', [client.id], f.db.ownerUrl);
      await adminQuery(`UPDATE client SET support_start = $2 WHERE id = $1`, [client.id, SUPPORT_START], f.db.ownerUrl);
      return client;
    };
    const stored = async (id: string) =>
      (await adminQuery('SELECT achieved_on::text, ended_on::text, present_at_start, completed, version FROM outcome WHERE id = $1', [id], f.db.ownerUrl))[0];

    it.each([
      ['achievedOn', { kind: 'b1', achievedOn: tomorrow, level: 'B1' }],
      ['achievedOn', { ...employment, achievedOn: tomorrow }],
      ['achievedOn', { kind: 'b1', achievedOn: tomorrow, level: 'B1', presentAtStart: true }],
      ['endedOn', { ...employment, endedOn: tomorrow }],
      ['endedOn', { kind: 'apprenticeship', achievedOn: '2025-08-01', endedOn: tomorrow, completed: true }],
    ])('POST: %s after today → 422 inFuture; nothing stored, no goal closed, German unchanged', async (field, body) => {
      const client = await fresh(13);
      const counts = async () => [await f.count('outcome'), await f.count('language_skill'), (await adminQuery(`SELECT count(*) FROM goal WHERE state = 'achieved'`, [], f.db.ownerUrl))[0]];
      const was = await counts();
      const response = await post(client.id, body).expect(422);
      expect(response.body).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { [field]: 'inFuture' } }));
      expect(await counts()).toEqual(was);
    });

    it('accepts today', async () => {
      const client = await fresh(13);
      await post(client.id, { ...employment, achievedOn: today }).expect(201);
    });

    it('a date before the support start is refused (beforeSupportStart) unless "bei Beginn vorhanden"; then it is listed as such', async () => {
      const client = await fresh(14);
      const count = await f.count('outcome');
      expect((await post(client.id, { kind: 'b1', achievedOn: before, level: 'B1' }).expect(422)).body.errors).toEqual({ achievedOn: 'beforeSupportStart' });
      expect((await post(client.id, { kind: 'b1', achievedOn: before, level: 'B1', presentAtStart: false }).expect(422)).body.errors).toEqual({ achievedOn: 'beforeSupportStart' });
      expect(await f.count('outcome')).toBe(count);

      const created = (await post(client.id, { kind: 'b1', achievedOn: before, level: 'B1', certificate: 'telc Deutsch B1', presentAtStart: true }).expect(201)).body as OutcomeCreatedResponse;
      expect(created).toEqual(expect.objectContaining({ achievedOn: before, presentAtStart: true, completed: null }));
      const listed = (await f.asManagerA.agent.get(outcomes(client.id)).expect(200)).body as OutcomeResponse[];
      expect(listed.find((o) => o.id === created.id)).toEqual(expect.objectContaining({ presentAtStart: true, achievedOn: before }));
      // On the start day itself both readings are allowed.
      await post(client.id, { ...employment, achievedOn: SUPPORT_START, presentAtStart: true }).expect(201);
      const plain = (await post(client.id, { ...employment, achievedOn: dayAfter(SUPPORT_START, 3) }).expect(201)).body as OutcomeResponse;
      expect(plain.presentAtStart).toBe(false);
    });

    it('"bei Beginn vorhanden" with a date after the support start → 422 afterSupportStart; nothing stored', async () => {
      const client = await fresh(14);
      const count = await f.count('outcome');
      const response = await post(client.id, { kind: 'b1', achievedOn: dayAfter(SUPPORT_START), level: 'B1', presentAtStart: true }).expect(422);
      expect(response.body.errors).toEqual({ achievedOn: 'afterSupportStart' });
      expect(await f.count('outcome')).toBe(count);
    });

    it('a B1 present at the start still closes the language goals (from the start) and raises German; undo restores it', async () => {
      const client = await fresh(15);
      await adminQuery('DELETE FROM goal WHERE client_id = $1', [client.id], f.db.ownerUrl);
      await adminQuery('DELETE FROM language_skill WHERE client_id = $1', [client.id], f.db.ownerUrl);
      const [goal] = await adminQuery<{ id: string }>(
        `INSERT INTO goal (municipality_id, client_id, field_of_action, target, target_level, due_on, state, state_changed_on)
         VALUES ($1, $2, 'language', 'Ziel', 'B1', '2027-01-31', 'open', '2025-07-01') RETURNING id`,
        [client.municipality_id, client.id],
        f.db.ownerUrl,
      );
      const created = (await post(client.id, { kind: 'b1', achievedOn: before, level: 'B1', presentAtStart: true }).expect(201)).body as OutcomeCreatedResponse;
      expect(created.effects).toEqual({ closedGoals: [expect.objectContaining({ id: goal?.id })], germanLevel: { from: null, to: 'B1' } });
      const [closed] = await adminQuery(`SELECT state, state_changed_on::text FROM goal WHERE id = $1`, [goal?.id], f.db.ownerUrl);
      expect(closed).toEqual({ state: 'achieved', state_changed_on: SUPPORT_START });
      const [german] = await adminQuery(`SELECT level, certified_on::text FROM language_skill WHERE client_id = $1 AND language = 'de'`, [client.id], f.db.ownerUrl);
      expect(german).toEqual({ level: 'B1', certified_on: before });
      const undone = (await f.asManagerA.agent.post(`${outcomes(client.id)}/${created.id}/undo`).set(CSRF_HEADER, f.asManagerA.csrf).send({ version: 1 }).expect(200)).body as OutcomeUndoneResponse;
      expect(undone).toEqual({ restoredGoals: [expect.objectContaining({ id: goal?.id })], germanLevel: null });
      expect(await adminQuery(`SELECT state FROM goal WHERE id = $1`, [goal?.id], f.db.ownerUrl)).toEqual([{ state: 'open' }]);
    });

    it('apprenticeship and studies end completed or broken off; the flag is returned and can be corrected', async () => {
      const client = await fresh(13);
      const done = (await post(client.id, { kind: 'apprenticeship', achievedOn: '2025-08-01', endedOn: '2026-07-31', completed: true, description: 'Pflegefachfrau' }).expect(201)).body as OutcomeResponse;
      expect(done).toEqual(expect.objectContaining({ endedOn: '2026-07-31', completed: true }));
      const studies = (await post(client.id, { kind: 'studies', achievedOn: '2025-10-01' }).expect(201)).body as OutcomeResponse;
      expect(studies.completed).toBeNull();
      const broken = (await patch(client.id, studies.id, { version: 1, endedOn: '2026-03-31', completed: false }).expect(200)).body as OutcomeResponse;
      expect(broken).toEqual(expect.objectContaining({ endedOn: '2026-03-31', completed: false, version: 2 }));
      // Taking the end away while the flag stays: refused, nothing changed.
      expect((await patch(client.id, studies.id, { version: 2, endedOn: null }).expect(422)).body.errors).toEqual({ completed: 'requiresEnd' });
      expect(await stored(studies.id)).toEqual({ achieved_on: '2025-10-01', ended_on: '2026-03-31', present_at_start: false, completed: false, version: 2 });
      await patch(client.id, studies.id, { version: 2, endedOn: null, completed: null }).expect(200);
    });

    it.each([
      ['achievedOn', 'inFuture', { achievedOn: 'TOMORROW' }],
      ['endedOn', 'inFuture', { endedOn: 'TOMORROW' }],
      ['achievedOn', 'beforeSupportStart', { achievedOn: 'BEFORE' }],
      ['achievedOn', 'afterSupportStart', { presentAtStart: true }],
      ['completed', 'notForKind', { endedOn: '2026-06-30', completed: true }],
    ])('PATCH: %s %s → 422; nothing changed', async (field, code, changes) => {
      const client = await fresh(13);
      const created = (await post(client.id, employment).expect(201)).body as OutcomeResponse;
      const body = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v === 'TOMORROW' ? tomorrow : v === 'BEFORE' ? before : v]));
      const response = await patch(client.id, created.id, { version: 1, ...body }).expect(422);
      expect(response.body.errors).toEqual({ [field]: code });
      expect(await stored(created.id)).toEqual({ achieved_on: employment.achievedOn, ended_on: null, present_at_start: false, completed: null, version: 1 });
    });

    it('PATCH: a date before the start together with "bei Beginn vorhanden" is accepted', async () => {
      const client = await fresh(13);
      const created = (await post(client.id, employment).expect(201)).body as OutcomeResponse;
      const changed = (await patch(client.id, created.id, { version: 1, achievedOn: before, presentAtStart: true }).expect(200)).body as OutcomeResponse;
      expect(changed).toEqual(expect.objectContaining({ achievedOn: before, presentAtStart: true, version: 2 }));
    });

    it('a later change of the support start leaves stored outcomes valid: other fields can still be edited; the date rule applies when the date is set', async () => {
      const client = await fresh(13);
      const created = (await post(client.id, employment).expect(201)).body as OutcomeResponse;
      // The support start is moved after the outcome (e.g. corrected by the team lead).
      await adminQuery(`UPDATE client SET support_start = $2 WHERE id = $1`, [client.id, dayAfter(employment.achievedOn, 10)], f.db.ownerUrl);
      await patch(client.id, created.id, { version: 1, description: 'Lager' }).expect(200);
      expect((await patch(client.id, created.id, { version: 2, achievedOn: dayAfter(employment.achievedOn, 1) }).expect(422)).body.errors).toEqual({ achievedOn: 'beforeSupportStart' });
      await patch(client.id, created.id, { version: 2, presentAtStart: true }).expect(200);
    });

    it('a soft rating dated after today → 422 inFuture on ratedOn; nothing stored; today is fine', async () => {
      const client = f.ownClient(13);
      const count = await f.count('soft_rating');
      const response = await f.asManagerA.agent.post(ratings(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send({ ratedOn: tomorrow, health: 3, socialEnvironment: 3 }).expect(422);
      expect(response.body).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { ratedOn: 'inFuture' } }));
      expect(await f.count('soft_rating')).toBe(count);
      await f.asManagerA.agent.post(ratings(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send({ ratedOn: today, health: 3, socialEnvironment: 3 }).expect(201);
    });
  });

  it.each([
    ['version', 400, {}],
    ['achievedOn', 400, { version: 1, achievedOn: null }],
    ['kind', 400, { version: 1, kind: 'b1' }],
    ['presentAtStart', 400, { version: 1, presentAtStart: null }],
    ['employmentKind', 422, { version: 1, employmentKind: null }],
    ['level', 422, { version: 1, level: 'B1' }],
    ['endedOn', 422, { version: 1, endedOn: '2020-01-01' }],
  ])('PATCH outcome with an invalid %s → %i naming it; nothing changed', async (field, status, body) => {
    const client = f.ownClient(3);
    await adminQuery('DELETE FROM outcome WHERE client_id = $1', [client.id], f.db.ownerUrl);
    const created = (await f.asManagerA.agent.post(outcomes(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send(employment).expect(201)).body as OutcomeResponse;
    const response = await f.asManagerA.agent.patch(`${outcomes(client.id)}/${created.id}`).set(CSRF_HEADER, f.asManagerA.csrf).send(body);
    expect(response.status).toBe(status);
    expect(Object.keys(response.body.errors ?? {})).toContain(field);
    expect((await adminQuery('SELECT version, employment_kind, ended_on FROM outcome WHERE id = $1', [created.id], f.db.ownerUrl))[0]).toEqual({ version: 1, employment_kind: 'social_insurance', ended_on: null });
  });

  it.each([
    ['ratedOn', { ratedOn: 'heute' }],
    ['health', { health: 0 }],
    ['health', { health: 6 }],
    ['socialEnvironment', { socialEnvironment: 2.5 }],
    ['socialEnvironment', { socialEnvironment: undefined }],
    ['employmentQuality', { employmentQuality: 9 }],
    ['ratedBy', { ratedBy: '00000000-0000-4000-8000-000000000000' }],
  ])('POST rating with an invalid %s → 400 naming it; nothing stored', async (field, overrides) => {
    const before = await f.count('soft_rating');
    const response = await f.asManagerA.agent
      .post(ratings(f.ownClient(4).id))
      .set(CSRF_HEADER, f.asManagerA.csrf)
      .send({ ratedOn: '2026-03-01', health: 3, socialEnvironment: 3, ...overrides });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors ?? {})).toContain(field);
    expect(await f.count('soft_rating')).toBe(before);
  });

  it('closed case: reads work, writes are 409 caseClosed and store nothing', async () => {
    const client = f.ownClient(5);
    const { agent, csrf } = f.asManagerA;
    const job = (await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send(employment).expect(201)).body as OutcomeResponse;
    await closeCase(f, client.id);
    const [outcomeCount, ratingCount] = [await f.count('outcome'), await f.count('soft_rating')];
    expect((await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send(employment).expect(409)).body.code).toBe('caseClosed');
    expect((await agent.patch(`${outcomes(client.id)}/${job.id}`).set(CSRF_HEADER, csrf).send({ version: 1, endedOn: '2026-06-01' }).expect(409)).body.code).toBe('caseClosed');
    expect((await agent.post(ratings(client.id)).set(CSRF_HEADER, csrf).send({ ratedOn: '2026-03-01', health: 3, socialEnvironment: 3 }).expect(409)).body.code).toBe('caseClosed');
    expect([await f.count('outcome'), await f.count('soft_rating')]).toEqual([outcomeCount, ratingCount]);
    await agent.get(outcomes(client.id)).expect(200);
    await agent.get(ratings(client.id)).expect(200);
  });

  it('team-B manager: 404 for every route of a team-A client; nothing stored', async () => {
    const client = f.ownClient(6);
    const { agent, csrf } = f.asManagerB;
    const [outcomeCount, ratingCount] = [await f.count('outcome'), await f.count('soft_rating')];
    await agent.get(outcomes(client.id)).expect(404);
    await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send(employment).expect(404);
    await agent.get(ratings(client.id)).expect(404);
    await agent.post(ratings(client.id)).set(CSRF_HEADER, csrf).send({ ratedOn: '2026-03-01', health: 3, socialEnvironment: 3 }).expect(404);
    const [seeded] = await adminQuery<{ id: string }>('SELECT id FROM outcome WHERE client_id = $1 LIMIT 1', [client.id], f.db.ownerUrl);
    if (seeded) await agent.patch(`${outcomes(client.id)}/${seeded.id}`).set(CSRF_HEADER, csrf).send({ version: 1, description: 'x' }).expect(404);
    expect([await f.count('outcome'), await f.count('soft_rating')]).toEqual([outcomeCount, ratingCount]);
  });

  it('audits reads of outcomes and ratings', async () => {
    const client = f.ownClient(7);
    const before = await auditRows(f, `action = 'read' AND client_id = $1`, [client.id]);
    await f.asManagerA.agent.get(outcomes(client.id)).expect(200);
    await f.asManagerA.agent.get(ratings(client.id)).expect(200);
    const after = await auditRows(f, `action = 'read' AND client_id = $1`, [client.id]);
    expect(after.slice(before.length).map((r) => [r.entity_type, r.user_id])).toEqual([
      ['outcome_list', f.managerA.id],
      ['soft_rating_list', f.managerA.id],
    ]);
  });

  describe('a recorded language level achieves the language goals up to it', () => {
    interface GoalRow {
      id: string;
      field_of_action: string;
      target_level: string | null;
      state: string;
      state_changed_on: string;
      version: number;
    }
    const goal = async (clientId: string, fieldOfAction: string, targetLevel: string | null, state: string) => {
      const client = f.clients.find((c) => c.id === clientId);
      const [row] = await adminQuery<{ id: string }>(
        `INSERT INTO goal (municipality_id, client_id, field_of_action, target, target_level, due_on, state, state_changed_on)
         VALUES ($1, $2, $3, 'Ziel', $4, '2027-01-31', $5, '2026-01-02') RETURNING id`,
        [client?.municipality_id, clientId, fieldOfAction, targetLevel, state],
        f.db.ownerUrl,
      );
      return row?.id ?? '';
    };
    const goals = async (clientId: string) =>
      Object.fromEntries(
        (
          await adminQuery<GoalRow>(
            `SELECT id, field_of_action, target_level, state, state_changed_on::text, version FROM goal WHERE client_id = $1`,
            [clientId],
            f.db.ownerUrl,
          )
        ).map((g) => [g.id, g]),
      );
    const emptyPlan = async (n: number) => {
      const client = f.ownClient(n);
      await adminQuery('DELETE FROM goal WHERE client_id = $1', [client.id], f.db.ownerUrl);
      await adminQuery('DELETE FROM outcome WHERE client_id = $1', [client.id], f.db.ownerUrl);
      return client;
    };

    it('a B1 outcome achieves an in-progress B1 language goal on its date; a C1 goal, a work goal and a dropped goal stay; audited', async () => {
      const client = await emptyPlan(8);
      const [b1, c1, work, dropped] = [
        await goal(client.id, 'language', 'B1', 'in_progress'),
        await goal(client.id, 'language', 'C1', 'open'),
        await goal(client.id, 'work', null, 'in_progress'),
        await goal(client.id, 'language', 'A2', 'dropped'),
      ];
      const before = await goals(client.id);
      const { agent, csrf } = f.asManagerA;
      await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'b1', achievedOn: '2026-03-10', level: 'B1', certificate: 'telc Deutsch B1' }).expect(201);

      const after = await goals(client.id);
      expect(after[b1]).toEqual(expect.objectContaining({ state: 'achieved', state_changed_on: '2026-03-10', version: 2 }));
      for (const id of [c1, work, dropped]) expect(after[id]).toEqual(before[id]);
      const audited = await auditRows(f, `action = 'update' AND entity_type = 'goal' AND client_id = $1`, [client.id]);
      expect(audited.map((r) => [r.entity_id, r.user_id])).toEqual([[b1, f.managerA.id]]);
    });

    it('a B2 outcome achieves the B1 and the B2 goal (open or in progress), not the C1 goal', async () => {
      const client = await emptyPlan(9);
      const [b1, b2, c1] = [await goal(client.id, 'language', 'B1', 'open'), await goal(client.id, 'language', 'B2', 'in_progress'), await goal(client.id, 'language', 'C1', 'in_progress')];
      await f.asManagerA.agent.post(outcomes(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send({ kind: 'b1', achievedOn: '2026-04-20', level: 'B2' }).expect(201);
      const after = await goals(client.id);
      expect([after[b1], after[b2]]).toEqual([
        expect.objectContaining({ state: 'achieved', state_changed_on: '2026-04-20', version: 2 }),
        expect.objectContaining({ state: 'achieved', state_changed_on: '2026-04-20', version: 2 }),
      ]);
      expect(after[c1]).toEqual(expect.objectContaining({ state: 'in_progress', version: 1 }));
    });

    it('B1 raises the German level in the same transaction, says which goals it closed; undo restores both, leaving a trace', async () => {
      const client = await emptyPlan(11);
      await adminQuery('DELETE FROM language_skill WHERE client_id = $1', [client.id], f.db.ownerUrl);
      const [b1, a2, c1] = [await goal(client.id, 'language', 'B1', 'in_progress'), await goal(client.id, 'language', 'A2', 'open'), await goal(client.id, 'language', 'C1', 'open')];
      const { agent, csrf } = f.asManagerA;
      await agent.put(`/api/clients/${client.id}/languages/de`).set(CSRF_HEADER, csrf).send({ version: 0, level: 'A1' }).expect(200);
      const before = await goals(client.id);

      const created = (await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'b1', achievedOn: '2026-03-10', level: 'B1', certificate: 'telc Deutsch B1' }).expect(201))
        .body as OutcomeCreatedResponse;
      expect(created.effects.closedGoals.map((g) => g.id).sort()).toEqual([b1, a2].sort());
      expect(created.effects.closedGoals[0]).toEqual(expect.objectContaining({ target: 'Ziel' }));
      expect(created.effects.germanLevel).toEqual({ from: 'A1', to: 'B1' });
      const [german] = await adminQuery<{ level: string; certificate: string; certified_on: string }>(
        `SELECT level, certificate, certified_on::text FROM language_skill WHERE client_id = $1 AND language = 'de'`,
        [client.id],
        f.db.ownerUrl,
      );
      expect(german).toEqual({ level: 'B1', certificate: 'telc Deutsch B1', certified_on: '2026-03-10' });

      const again = await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'b1', achievedOn: '2026-03-10', level: 'B1' }).expect(409);
      expect(again.body.code).toBe('outcomeExists');
      await agent.post(`${outcomes(client.id)}/${created.id}/undo`).set(CSRF_HEADER, csrf).send({ version: 2 }).expect(409);
      await f.asManagerB.agent.post(`${outcomes(client.id)}/${created.id}/undo`).set(CSRF_HEADER, f.asManagerB.csrf).send({ version: 1 }).expect(404);

      const undone = (await agent.post(`${outcomes(client.id)}/${created.id}/undo`).set(CSRF_HEADER, csrf).send({ version: 1 }).expect(200)).body as OutcomeUndoneResponse;
      expect(undone.restoredGoals.map((g) => g.id).sort()).toEqual([b1, a2].sort());
      expect(undone.germanLevel).toBe('A1');
      const after = await goals(client.id);
      expect([after[b1]?.state, after[b1]?.state_changed_on, after[a2]?.state, after[c1]]).toEqual([before[b1]?.state, before[b1]?.state_changed_on, 'open', before[c1]]);
      expect(await adminQuery('SELECT id FROM outcome WHERE id = $1', [created.id], f.db.ownerUrl)).toEqual([]);

      const timeline = (await agent.get(`/api/clients/${client.id}/timeline`).expect(200)).body as TimelineResponse;
      const kinds = timeline.items.map((i) => i.kind);
      expect(kinds).toContain('outcome_undone');
      expect(kinds.filter((k) => k === 'language_changed').length).toBeGreaterThanOrEqual(3);
      const undoneEvent = timeline.items.find((i) => i.kind === 'outcome_undone');
      const [name] = await adminQuery<{ name: string }>(`SELECT first_name || ' ' || last_name AS name FROM app_user WHERE id = $1`, [f.managerA.id], f.db.ownerUrl);
      expect(undoneEvent?.details['by']).toBe(name?.name);
      // Recording it again after the undo is allowed.
      await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'b1', achievedOn: '2026-03-10', level: 'B1' }).expect(201);
    });

    it('a certificate below the recorded German level leaves the level; a client without German gets the entry; undo removes it', async () => {
      const client = await emptyPlan(12);
      await adminQuery('DELETE FROM language_skill WHERE client_id = $1', [client.id], f.db.ownerUrl);
      const { agent, csrf } = f.asManagerA;
      const created = (await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'b1', achievedOn: '2026-03-10', level: 'B2' }).expect(201)).body as OutcomeCreatedResponse;
      expect(created.effects).toEqual({ closedGoals: [], germanLevel: { from: null, to: 'B2' } });
      const lower = (await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'b1', achievedOn: '2026-02-10', level: 'B1' }).expect(201)).body as OutcomeCreatedResponse;
      expect(lower.effects.germanLevel).toBeNull();
      await agent.post(`${outcomes(client.id)}/${created.id}/undo`).set(CSRF_HEADER, csrf).send({ version: 1 }).expect(200);
      expect(await adminQuery(`SELECT level FROM language_skill WHERE client_id = $1 AND language = 'de'`, [client.id], f.db.ownerUrl)).toEqual([]);
      await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ ...employment }).expect(201);
      expect((await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ ...employment }).expect(409)).body.code).toBe('outcomeExists');
    });

    it('other outcomes and refused outcomes leave the language goals as they are', async () => {
      const client = await emptyPlan(10);
      await goal(client.id, 'language', 'B1', 'in_progress');
      const before = await goals(client.id);
      const { agent, csrf } = f.asManagerA;
      await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send(employment).expect(201);
      await agent.post(outcomes(client.id)).set(CSRF_HEADER, csrf).send({ kind: 'b1', achievedOn: '2026-02-01', level: 'A2' }).expect(400);
      await f.asManagerB.agent.post(outcomes(client.id)).set(CSRF_HEADER, f.asManagerB.csrf).send({ kind: 'b1', achievedOn: '2026-02-01', level: 'B1' }).expect(404);
      expect(await goals(client.id)).toEqual(before);
    });
  });

  it('the demo data holds outcomes and ratings for the team', async () => {
    const [row] = await adminQuery<{ outcomes: string; ratings: string }>('SELECT (SELECT count(*) FROM outcome) AS outcomes, (SELECT count(*) FROM soft_rating) AS ratings', [], f.db.ownerUrl);
    expect(Number(row?.outcomes)).toBeGreaterThan(50);
    expect(Number(row?.ratings)).toBeGreaterThan(300);
  });

  it('the demo data breaks none of the API rules: nothing in the future, before the start only "bei Beginn vorhanden", completed only for ended training', async () => {
    const today = calendarToday();
    const [row] = await adminQuery<Record<string, string>>(
      `SELECT
         (SELECT count(*) FROM outcome WHERE achieved_on > $1 OR ended_on > $1) AS future_outcomes,
         (SELECT count(*) FROM soft_rating WHERE rated_on > $1) AS future_ratings,
         (SELECT count(*) FROM language_skill WHERE certified_on > $1) AS future_certificates,
         (SELECT count(*) FROM outcome o JOIN client c ON c.id = o.client_id
           WHERE (o.achieved_on < c.support_start AND NOT o.present_at_start) OR (o.present_at_start AND o.achieved_on > c.support_start)) AS start_rule,
         (SELECT count(*) FROM outcome WHERE completed IS NOT NULL AND (ended_on IS NULL OR kind NOT IN ('apprenticeship', 'studies'))) AS completed_rule,
         (SELECT count(*) FROM outcome WHERE present_at_start) AS present_at_start,
         (SELECT count(*) FROM outcome WHERE completed IS NOT NULL) AS ended_training,
         (SELECT count(*) FROM outcome WHERE kind = 'employment' AND ended_on IS NOT NULL) AS ended_jobs`,
      [today],
      f.db.ownerUrl,
    );
    expect(row).toEqual(expect.objectContaining({ future_outcomes: '0', future_ratings: '0', future_certificates: '0', start_rule: '0', completed_rule: '0' }));
    expect([Number(row?.['present_at_start']), Number(row?.['ended_training']), Number(row?.['ended_jobs'])].every((n) => n > 0)).toBe(true);
  });
});
