import { PasswordHasher } from '@wegweiser/api/auth';
import { Client } from 'pg';
import { CSRF_HEADER, evaluationPeriod, EvaluationReportRequest, EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { DEMO_PASSWORD_FOR_TESTS, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { createMunicipality, insertPerson } from './metrics-dataset';
import { download, finishedReport } from './report-fixture';
import { ReleaseModel, size, sumOf } from './release-lp';
import { BAND_25_34_Q1, PERSONS_Q1, releasePeople, SMALL_BAND, SMALL_BAND_Q1 } from './report-releases-dataset';

const K = 5;
const PROTECTION = 1;
const QUARTER: EvaluationReportRequest = { template: 'annualCouncil', ...evaluationPeriod('quarter', 2024, 1) };
const YEAR: EvaluationReportRequest = { template: 'annualCouncil', ...evaluationPeriod('year', 2024) };
const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];
/** The printed age bands of the annualCouncil breakdown "Altersgruppe bei Betreuungsbeginn" (none merged here). */
const AGE_BANDS = ['unter 25', '25–34', '35–44', SMALL_BAND];

/**
 * Issue 19, acceptance 2 ("Releases are consistent"): a quarter report and then the year report of the same year,
 * checked with the test's own LP over both published JSON reports (not the production audit); the ledger is
 * persisted (survives a restart), per municipality, and a repeated preview adds nothing.
 */
describe('evaluation releases across reports (ledger)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let a: { municipalityId: string; teamId: string };
  let b: { municipalityId: string; teamId: string };
  let asEvaluatorA: SignedInAgent;
  const sql = <T extends object>(query: string, params: unknown[] = []) => adminQuery<T>(query, params, db.ownerUrl);
  const ledger = (municipalityId: string) =>
    sql<{ scope_key: string; value: number | null; first_published_at: Date }>(
      'SELECT scope_key, value, first_published_at FROM evaluation_release_figure WHERE municipality_id = $1 ORDER BY scope_key',
      [municipalityId],
    );
  const preview = async (who: SignedInAgent, body: EvaluationReportRequest) =>
    (await who.agent.post('/api/evaluation/preview').set(CSRF_HEADER, who.csrf).send(body).expect(200)).body as EvaluationReportResponse;
  const jsonReport = async (who: SignedInAgent, body: EvaluationReportRequest) => {
    const job = await finishedReport(who, body);
    return JSON.parse((await download(who, job.id, 'json').expect(200)).body.toString('utf8')) as EvaluationReportResponse;
  };
  const evaluator = async (municipalityId: string, email: string) => {
    await sql(`INSERT INTO app_user (municipality_id, email, first_name, last_name, role, password_hash) VALUES ($1, $2, 'Test', 'Konto', 'evaluator', $3)`, [
      municipalityId,
      email,
      await new PasswordHasher().hash(DEMO_PASSWORD_FOR_TESTS),
    ]);
  };

  let quarterReport: EvaluationReportResponse;
  let yearReport: EvaluationReportResponse;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { LOGIN_RATE_LIMIT_PER_IP: '1000' });
    a = await createMunicipality(db.ownerUrl, 'RELA');
    b = await createMunicipality(db.ownerUrl, 'RELB');
    for (const person of releasePeople('a')) await insertPerson(db.ownerUrl, a, person);
    // Municipality B: the same cohort with one more person in Q1 (divers, aged 25–34: its figures differ from A's).
    for (const person of [...releasePeople('b'), { key: 'b1d9', gender: 'diverse' as const, born: '1990-03-01', country: 'SY', start: '2024-02-01' }])
      await insertPerson(db.ownerUrl, b, person);
    await evaluator(a.municipalityId, 'eva@rela.example');
    await evaluator(b.municipalityId, 'eva@relb.example');
    asEvaluatorA = await signIn(api.app.getHttpServer(), 'eva@rela.example');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('records the quarter report (aggregates only) and a repeated preview adds nothing', async () => {
    quarterReport = await jsonReport(asEvaluatorA, QUARTER);
    const recorded = await ledger(a.municipalityId);
    expect(recorded.length).toBeGreaterThan(0);
    // Only aggregate figures of the quarter: no client id, no name, no case number anywhere in the ledger.
    const ids = (await sql<{ id: string }>('SELECT id FROM client WHERE municipality_id = $1', [a.municipalityId])).map((r) => r.id);
    const stored = JSON.stringify(await sql('SELECT * FROM evaluation_release_figure'));
    for (const id of ids) expect(stored).not.toContain(id);
    expect(stored).not.toContain('EV-2024');
    expect(recorded.every((row) => row.scope_key.includes('2024-Q1'))).toBe(true);

    const again = await preview(asEvaluatorA, QUARTER);
    expect(again.sections).toEqual(quarterReport.sections);
    await preview(asEvaluatorA, QUARTER);
    expect(await ledger(a.municipalityId)).toEqual(recorded);
  }, 300_000);

  it('audits the year report against the quarter report after a restart (a new app on the same database)', async () => {
    const before = await ledger(a.municipalityId);
    await api.close();
    api = await createTestApp(db, [], { LOGIN_RATE_LIMIT_PER_IP: '1000' });
    asEvaluatorA = await signIn(api.app.getHttpServer(), 'eva@rela.example');
    yearReport = await jsonReport(asEvaluatorA, YEAR);
    const after = await ledger(a.municipalityId);
    // Every figure of the quarter is still there, unchanged (a suppressed one may only have got its value since).
    const byKey = new Map(after.map((row) => [row.scope_key, row]));
    for (const row of before) {
      const now = byKey.get(row.scope_key);
      expect(now?.first_published_at).toEqual(row.first_published_at);
      if (row.value !== null) expect(now?.value).toBe(row.value);
    }
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.some((row) => row.scope_key.includes('2024-Q4'))).toBe(true);
  }, 600_000);

  it('lets no hidden count of the age band and status tables be narrowed from both reports together (own LP)', () => {
    // The small group is its own row and column in both reports (not merged into "übrige"), hidden in the quarter.
    for (const report of [quarterReport, yearReport]) {
      const cohorts = report.sections.flatMap((s) => s.tables).find((t) => t.id === 'cohorts.ageBand');
      expect(cohorts?.columnLabels).toEqual([...AGE_BANDS, 'Insgesamt']);
    }
    const quarterCohorts = quarterReport.sections.flatMap((s) => s.tables).find((t) => t.id === 'cohorts.ageBand');
    expect(quarterCohorts?.rows[0]?.values[AGE_BANDS.indexOf(SMALL_BAND)]).toBeNull();
    const model = new ReleaseModel(QUARTERS, 'ageBand', AGE_BANDS);
    model.addReport(quarterReport);
    model.addReport(yearReport);
    // The model is not empty: both reports hide something and relate to the same sizes; the status tables are in it.
    expect(model.hidden.length).toBeGreaterThan(0);
    expect(model.statusTables).toEqual(expect.arrayContaining(['status.employment.month12', 'plans.agreed']));
    const exposed: string[] = [];
    for (const { what, terms } of model.hidden) {
      const { min, max } = model.interval(terms);
      // Narrowed to values ≥ k only: a complementary suppression, no small count revealed (the method's rule).
      if (max - min < PROTECTION && min < K) exposed.push(`${what}: [${min}, ${max}]`);
    }
    expect(exposed).toEqual([]);

    // "45 und älter" of Q1 (3 persons) is hidden in both reports and cannot be derived from them…
    const smallQ1 = model.interval(sumOf([size('2024-Q1', SMALL_BAND)]));
    expect(smallQ1.max - smallQ1.min).toBeGreaterThanOrEqual(PROTECTION);
    expect(smallQ1.min).toBeLessThanOrEqual(SMALL_BAND_Q1);
    expect(smallQ1.max).toBeGreaterThanOrEqual(SMALL_BAND_Q1);
    // …nor the rest of the year (2 persons: the year's 5 minus Q1), nor any other small sum of quarters.
    const rest = model.interval(sumOf(QUARTERS.slice(1).map((q) => size(q, SMALL_BAND))));
    expect(rest.max - rest.min).toBeGreaterThanOrEqual(PROTECTION);
    const small: string[] = [];
    for (let from = 0; from < QUARTERS.length; from++)
      for (let to = from; to < QUARTERS.length; to++)
        for (const band of AGE_BANDS) {
          const { min, max } = model.interval(sumOf(QUARTERS.slice(from, to + 1).map((q) => size(q, band))));
          if (max - min < PROTECTION && min < K) small.push(`${band} ${QUARTERS[from]}…${QUARTERS[to]} = ${min}`);
        }
    expect(small).toEqual([]);
  });

  it('keeps the ledger per municipality: B releases its own quarter unconstrained by A', async () => {
    const ledgerA = await ledger(a.municipalityId);
    const asEvaluatorB = await signIn(api.app.getHttpServer(), 'eva@relb.example');
    // A figure B suppressed before (recorded as such) and publishes now is no conflict: it gets its value.
    const cohortSize = { family: 'size:ageBand', quarters: ['2024-Q1'], rows: ['18_24', '25_34', '35_44', '45_plus', 'under_18'], columns: ['*'] };
    const cohortSizeKey = 'size:ageBand|2024-Q1|18_24,25_34,35_44,45_plus,under_18|*';
    await sql(`INSERT INTO evaluation_release_figure (municipality_id, scope_key, scope, quarters, value) VALUES ($1, $2, $3, '{2024-Q1}', NULL)`, [
      b.municipalityId,
      cohortSizeKey,
      JSON.stringify(cohortSize),
    ]);
    // B's Q1 differs from A's (one more person): were A's figures of the same scopes seen, they would conflict
    // (refused) or constrain the audit; B's release is built as in a municipality without any release.
    const report = await preview(asEvaluatorB, QUARTER);
    const cohorts = report.sections.flatMap((s) => s.tables).find((t) => t.id === 'cohorts.ageBand');
    expect(cohorts?.rows.at(-1)?.values.at(-1)).toBe(PERSONS_Q1 + 1);
    expect(cohorts?.rows[0]?.values[AGE_BANDS.indexOf('25–34')]).toBe(BAND_25_34_Q1 + 1);
    const quarterA = quarterReport.sections.flatMap((s) => s.tables).find((t) => t.id === 'cohorts.ageBand');
    expect(quarterA?.rows[0]?.values[AGE_BANDS.indexOf('25–34')]).toBe(BAND_25_34_Q1);
    const ledgerB = await ledger(b.municipalityId);
    expect(ledgerB.length).toBeGreaterThan(1);
    expect(ledgerB.find((row) => row.scope_key === cohortSizeKey)?.value).toBe(PERSONS_Q1 + 1);
    expect(ledgerB.every((row) => row.scope_key.includes('2024-Q1'))).toBe(true);
    expect(await ledger(a.municipalityId)).toEqual(ledgerA);
    // Row-level security: the application role, as tenant B, sees only B's figures and cannot write into A.
    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.municipality_id', $1, true)`, [b.municipalityId]);
      const seen = await app.query<{ municipality_id: string }>('SELECT DISTINCT municipality_id FROM evaluation_release_figure');
      expect(seen.rows).toEqual([{ municipality_id: b.municipalityId }]);
      const error = await app
        .query(`INSERT INTO evaluation_release_figure (municipality_id, scope_key, scope, quarters, value) VALUES ($1, 'x', '{}', '{2024-Q1}', 1)`, [a.municipalityId])
        .then(() => undefined, (e: { code?: string }) => e);
      expect(error?.code).toBe('42501');
    } finally {
      await app.query('ROLLBACK');
      await app.end();
    }
  }, 300_000);

  it('takes a data change after a release as a revision: the reports answer with the new figures and the ledger follows', async () => {
    // One more person in A's Q1 (aged 35–44): every figure of Q1 that counts them has another true value now.
    await insertPerson(db.ownerUrl, a, { key: 'a1late', gender: 'female', born: '1985-03-01', country: 'SY', start: '2024-03-15' });
    const asEvaluator = await signIn(api.app.getHttpServer(), 'eva@rela.example');
    // The cohort size of Q1 as the ledger holds it (the sum over every age band of the quarter).
    const q1Size = (rows: { scope_key: string; value: number | null }[]) => {
      const found = rows.filter((row) => row.scope_key === 'size:ageBand|2024-Q1|18_24,25_34,35_44,45_plus,under_18|*');
      expect(found).toHaveLength(1);
      return found[0]?.value;
    };
    expect(q1Size(await ledger(a.municipalityId))).toBe(PERSONS_Q1);
    // Both reports answer (the stale figures of the earlier releases leave the audit instead of making it fail), and
    // whatever they print of Q1 is the new truth; the audit may hide Q1's size now (the year printed before holds
    // the old one), but never prints the old value.
    const quarter = await preview(asEvaluator, QUARTER);
    const year = await preview(asEvaluator, YEAR);
    const q1Printed = [quarter, year].map(
      (report) => report.sections.flatMap((s) => s.tables).find((t) => t.id === 'cohorts.ageBand')?.rows[0]?.values.at(-1),
    );
    for (const value of q1Printed) expect([null, PERSONS_Q1 + 1]).toContain(value);
    // The ledger holds one value per figure: the revised one where it was printed again, else the old one.
    expect(q1Size(await ledger(a.municipalityId))).toBe(q1Printed.includes(PERSONS_Q1 + 1) ? PERSONS_Q1 + 1 : PERSONS_Q1);
  }, 300_000);
});
