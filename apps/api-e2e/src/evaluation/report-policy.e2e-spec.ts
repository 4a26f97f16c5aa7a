import { CSRF_HEADER, evaluationPeriod, EvaluationPolicyResponse, EvaluationReportJobResponse, EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { SignedInAgent } from '../support/sessions';
import { retentionActors } from '../retention/retention-fixture';
import { insertPerson } from './metrics-dataset';
import { auditRows, createReportFixture, ReportFixture, requestReport } from './report-fixture';

/** Quarters of 2022 with exactly 0, 2, 4 and 6 persons (added here; the dataset has none in 2022). */
const POPULATION_QUARTERS = { 0: 1, 2: 2, 4: 3, 6: 4 } as const;
const quarter = (population: keyof typeof POPULATION_QUARTERS) => ({ template: 'annualCouncil', ...evaluationPeriod('quarter', 2022, POPULATION_QUARTERS[population]) });
/** 2024-Q1 of the dataset: 12 persons. */
const TWELVE = { template: 'annualCouncil', ...evaluationPeriod('quarter', 2024, 1) };

/**
 * Issue 19, acceptance 3: k is the municipality's policy (minimum 5, default 5), set by its administrator.
 * A request cannot choose k (sending one is the same 400 whatever its value), and a refusal below k is the same
 * answer for every population below k, without the population in it: probing learns nothing.
 */
describe('evaluation: k as the municipality policy', () => {
  let f: ReportFixture;
  let admin: SignedInAgent;
  let adminId: string;
  const reportCount = async () => Number((await f.sql<{ n: string }>('SELECT count(*) AS n FROM evaluation_report'))[0]?.n);
  const preview = (who: SignedInAgent, body: object) => who.agent.post('/api/evaluation/preview').set(CSRF_HEADER, who.csrf).send(body);
  const putPolicy = (who: SignedInAgent, body: unknown) => who.agent.put('/api/evaluation/policy').set(CSRF_HEADER, who.csrf).send(body as object);
  const storedK = async () => (await f.sql<{ evaluation_k: number }>('SELECT evaluation_k FROM municipality WHERE id = $1', [f.municipalityId]))[0]?.evaluation_k;

  beforeAll(async () => {
    f = await createReportFixture();
    ({ admin, adminId } = await retentionActors(f));
    const where = { municipalityId: f.municipalityId, teamId: f.teamId };
    for (const [population, q] of Object.entries(POPULATION_QUARTERS)) {
      for (let i = 0; i < Number(population); i++) {
        await insertPerson(f.db.ownerUrl, where, { key: `p${q}-${i}`, gender: i % 2 ? 'female' : 'male', born: '1990-01-01', country: 'SY', start: `2022-${String(q * 3 - 1).padStart(2, '0')}-10` });
      }
    }
  });

  afterAll(async () => {
    await f?.close();
  });

  it('starts at k = 5; evaluators and administrators read it, a manager may not', async () => {
    expect(await storedK()).toBe(5);
    expect((await f.asEvaluator.agent.get('/api/evaluation/policy').expect(200)).body).toEqual({ k: 5 } satisfies EvaluationPolicyResponse);
    expect((await admin.agent.get('/api/evaluation/policy').expect(200)).body).toEqual({ k: 5 });
    await f.asManager.agent.get('/api/evaluation/policy').expect(403);
  });

  it('refuses a request that sends k — 3, 5, 40 or 41 — with the same 400, and creates nothing', async () => {
    const before = await reportCount();
    const bodies: unknown[] = [];
    for (const k of [3, 5, 40, 41]) {
      for (const send of [(b: object) => requestReport(f.asEvaluator, b), (b: object) => preview(f.asEvaluator, b)]) {
        const response = await send({ ...TWELVE, k });
        expect(response.status).toBe(400);
        bodies.push(response.body);
      }
    }
    expect(bodies[0]).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { k: 'unknownProperty' } }));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(await reportCount()).toBe(before);
  });

  it('answers a population of 0, 2 and 4 with byte-identical 422 bodies that do not contain the population', async () => {
    const before = await reportCount();
    const texts: string[] = [];
    for (const population of [0, 2, 4] as const) {
      for (const send of [(b: object) => requestReport(f.asEvaluator, b), (b: object) => preview(f.asEvaluator, b)]) {
        const response = await send(quarter(population));
        expect(response.status).toBe(422);
        texts.push(response.text);
      }
    }
    expect(JSON.parse(texts[0] ?? '{}')).toEqual(expect.objectContaining({ code: 'populationBelowThreshold' }));
    for (const text of texts) expect(text).toBe(texts[0]);
    // The only numbers in the answer are the status and k itself.
    expect(texts[0]?.match(/\d+/g)).toEqual(['422', '5']);
    expect(await reportCount()).toBe(before);
    // Six persons are enough at k = 5.
    await preview(f.asEvaluator, quarter(6)).expect(200);
  });

  it('lets only the administrator change k; 400 with a field error for anything but an integer 5…100, nothing changed', async () => {
    await putPolicy(f.asEvaluator, { k: 8 }).expect(403);
    await putPolicy(f.asManager, { k: 8 }).expect(403);
    for (const body of [{ k: 4 }, { k: 3 }, { k: 101 }, { k: 5.5 }, { k: '8' }, { k: null }, {}]) {
      const response = await putPolicy(admin, body).expect(400);
      expect(response.body).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { k: expect.any(String) } }));
    }
    await putPolicy(admin, { k: 8, extra: 1 }).expect(400);
    expect(await storedK()).toBe(5);
    expect(await f.sql('SELECT 1 FROM evaluation_policy_change')).toEqual([]);
  });

  it('raises k to 8 (audited with the old and the new value); then 6 persons get the same 422 as none, and reports state k = 8', async () => {
    expect((await putPolicy(admin, { k: 8 }).expect(200)).body).toEqual({ k: 8 });
    expect(await storedK()).toBe(8);
    const changes = await f.sql<{ id: string; old_k: number; new_k: number; changed_by: string }>('SELECT id, old_k, new_k, changed_by FROM evaluation_policy_change');
    expect(changes).toEqual([{ id: expect.any(String), old_k: 5, new_k: 8, changed_by: adminId }]);
    const audited = await auditRows(f, `entity_type = 'evaluation_policy_change'`, []);
    expect(audited).toEqual([expect.objectContaining({ action: 'update', outcome: 'success', user_id: adminId, entity_id: changes[0]?.id })]);
    expect((await f.asEvaluator.agent.get('/api/evaluation/policy').expect(200)).body).toEqual({ k: 8 });

    const six = await preview(f.asEvaluator, quarter(6)).expect(422);
    const none = await preview(f.asEvaluator, quarter(0)).expect(422);
    const sixJob = await requestReport(f.asEvaluator, quarter(6)).expect(422);
    expect(six.text).toBe(none.text);
    expect(sixJob.text).toBe(none.text);
    expect(six.text.match(/\d+/g)).toEqual(['422', '8']);

    const report = (await preview(f.asEvaluator, TWELVE).expect(200)).body as EvaluationReportResponse;
    expect(report.k).toBe(8);
    const job = (await requestReport(f.asEvaluator, TWELVE).expect(202)).body as EvaluationReportJobResponse;
    expect(job.k).toBe(8);

    // Saving the same k again is no change (nothing written).
    await putPolicy(admin, { k: 8 }).expect(200);
    expect(await f.sql('SELECT 1 FROM evaluation_policy_change')).toHaveLength(1);
  });

  it('accepts only periods on the grid: a whole quarter or calendar year (400 notOnPeriodGrid otherwise)', async () => {
    await preview(f.asEvaluator, { template: 'annualCouncil', ...evaluationPeriod('year', 2024) }).expect(200);
    for (const [body, field] of [
      [{ from: '2024-01-01', to: '2024-06-30' }, 'to'],
      [{ from: '2024-01-02', to: '2024-03-31' }, 'from'],
      [{ from: '2024-02-01', to: '2024-04-30' }, 'from'],
      [{ from: '2024-01-01', to: '2024-03-30' }, 'to'],
      [{ from: '2023-01-01', to: '2024-12-31' }, 'to'],
      [{ from: '2024-04-01', to: '2024-12-31' }, 'to'],
    ] as const) {
      const before = await reportCount();
      for (const send of [(b: object) => requestReport(f.asEvaluator, b), (b: object) => preview(f.asEvaluator, b)]) {
        const response = await send({ template: 'annualCouncil', ...body });
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual({ [field]: 'notOnPeriodGrid' });
      }
      expect(await reportCount()).toBe(before);
    }
  });
});
