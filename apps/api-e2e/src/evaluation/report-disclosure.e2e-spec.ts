import { auditSuppression, PublishedCountTable } from '@wegweiser/api/evaluation';
import { CSRF_HEADER, EvaluationReportResponse, EvaluationTableResponse } from '@wegweiser/shared/contracts';
import { auditRows, createReportFixture, DATASET_REQUEST, download, finishedReport, ReportFixture, requestReport } from './report-fixture';

/**
 * Figures worked out by hand from metrics-dataset.ts for the year 2024 (Q1: a1–a12, Q2: b1–b10, Q3: x2 — male, 34,
 * B1 after 1 month —, Q4: nobody), as the report lays them out:
 * count tables with the cohorts (or groups) as rows plus "Insgesamt", outcomes in the intervals 0–11, 12–23 and
 * 24–35 months, "nicht innerhalb von 36 Monaten" and "Insgesamt" (= the group size, issue 19); shares cumulative
 * within 12/24/36 months of the group's size.
 */
const HAND: Record<string, number[][]> = {
  // female a1 a3 a6 a8 a10 | b1 b3 b5 b7; male a2 a4 a7 a9 a11 | b2 b4 b6 b8 b10; diverse/unspecified a5 a12 | b9
  'cohorts.gender': [
    [5, 5, 2, 12],
    [4, 5, 1, 10],
    [0, 1, 0, 1],
    [0, 0, 0, 0],
    [9, 11, 3, 23],
  ],
  // under 25: a2 a5 a9 | b4 b9; 25–34: a1 a6 a8 a12 | b1 b2 b6 b7; 35–44: a3 a7 a11 | b3 b8; 45+: a4 a10 | b5 b10
  'cohorts.ageBand': [
    [3, 4, 3, 2, 12],
    [2, 4, 2, 2, 10],
    [0, 1, 0, 0, 1],
    [0, 0, 0, 0, 0],
    [5, 9, 5, 4, 23],
  ],
  // B1: Q1 months 11, 12, 1, 35, 0, 6, 3 → 5 | 1 | 1; Q2 months 6, 11, 1, 24 → 3 | 0 | 1
  // issue 19: group × {0–11, 12–23, 24–35, not within 36 (nobody at start: folded in)} with the cohort size as total
  'outcomes.b1': [
    [5, 1, 1, 5, 12],
    [3, 0, 1, 6, 10],
    [8, 1, 2, 11, 22],
  ],
  // first employment: Q1 16, 23, 36 (not within 36), 8, 0 → 2 | 2 | 0; Q2 12, 6 → 1 | 1 | 0
  'outcomes.employment': [
    [2, 2, 0, 8, 12],
    [1, 1, 0, 8, 10],
    [3, 3, 0, 16, 22],
  ],
  // by gender, both cohorts: female B1 a1 a3 a6 a8 a10 b1 b3 (all within 12); male a2 (12), a4 (35), b2 (11), b4 (24)
  'breakdown.gender.b1': [
    [7, 0, 0, 2, 9],
    [1, 1, 2, 6, 10],
    [0, 0, 0, 3, 3],
    [8, 1, 2, 11, 22],
  ],
  // female a1 (16), a3 (23), a8 (8), b5 (12); male a11 (0), b6 (6); a4's 36 months are not within 36
  'breakdown.gender.employment': [
    [1, 3, 0, 5, 9],
    [2, 0, 0, 8, 10],
    [0, 0, 0, 3, 3],
    [3, 3, 0, 16, 22],
  ],
  // first against latest rating: Q1 a1 ↑ a2 ↓ a4 = (health), Q2 b1 ↑
  'softRatings.health': [
    [1, 1, 1, 3],
    [1, 0, 0, 1],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [2, 1, 1, 4],
  ],
  // closed, by reason (rows: goals reached, moved away, window ended, no contact, declined, other) and cohort:
  // Q1 a2 a5 moved away, a9 no contact; Q2 b7 declined
  'closures.byReason': [
    [0, 0, 0, 0, 0],
    [2, 0, 0, 0, 2],
    [0, 0, 0, 0, 0],
    [1, 0, 0, 0, 1],
    [0, 1, 0, 0, 1],
    [0, 0, 0, 0, 0],
    [3, 1, 0, 0, 4],
  ],
};
/** The municipality's k (its policy: default 5, never lower). */
const K = 5;

const tables = (report: EvaluationReportResponse) => report.sections.flatMap((s) => s.tables);
const table = (report: EvaluationReportResponse, id: string): EvaluationTableResponse => {
  const found = tables(report).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const values = (t: EvaluationTableResponse) => t.rows.map((r) => r.values);

/** A published count table with totals, as the disclosure module's audit takes it (last row and column = totals). */
function asPublished(t: EvaluationTableResponse): PublishedCountTable {
  const inner = t.rows.slice(0, -1);
  const totals = t.rows.at(-1)?.values ?? [];
  return {
    rowLabels: inner.map((r) => r.label),
    columnLabels: t.columnLabels.slice(0, -1),
    cells: inner.map((r) => r.values.slice(0, -1)),
    rowTotals: inner.map((r) => r.values.at(-1) ?? null),
    columnTotals: totals.slice(0, -1),
    grandTotal: totals.at(-1) ?? null,
  };
}

/** Issue 7 acceptance 1, 2 and 4: hand-computed figures, no recomputable suppressed cell, determinism, 422. */
describe('evaluation report: figures and disclosure control', () => {
  let f: ReportFixture;
  let report: EvaluationReportResponse;
  const preview = (body: object) => f.asEvaluator.agent.post('/api/evaluation/preview').set(CSRF_HEADER, f.asEvaluator.csrf).send(body);

  beforeAll(async () => {
    f = await createReportFixture();
    report = (await preview(DATASET_REQUEST).expect(200)).body as EvaluationReportResponse;
  });

  afterAll(async () => {
    await f?.close();
  });


  it('describes the municipality, the period widened to whole cohorts and k', () => {
    expect(report).toEqual(
      expect.objectContaining({
        template: 'annualCouncil',
        municipality: { code: 'EVAL', name: 'Testkommune EVAL' },
        period: { from: '2024-01-01', to: '2024-12-31', firstCohort: '2024-Q1', lastCohort: '2024-Q4' },
        granularity: 'quarter',
        k: K,
      }),
    );
  });

  it('every published figure equals its hand-computed value, and every count below k is suppressed', () => {
    for (const [id, expected] of Object.entries(HAND)) {
      const published = values(table(report, id));
      expect({ id, shape: published.map((r) => r.length) }).toEqual({ id, shape: expected.map((r) => r.length) });
      published.forEach((row, r) =>
        row.forEach((value, c) => {
          const hand = expected[r]?.[c] ?? NaN;
          if (hand < K) expect({ id, r, c, value }).toEqual({ id, r, c, value: null });
          else if (value !== null) expect({ id, r, c, value }).toEqual({ id, r, c, value: hand });
        }),
      );
    }
    // The figures the council reads first are all published.
    expect(values(table(report, 'cohorts.gender')).map((r) => r.at(-1))).toEqual([12, 10, 22]);
    // issue 19: the group sizes are the row totals of the two-way outcome tables now, where "divers / keine Angabe"
    // (3, with zeros) needs a complement: the women's size goes with it (an open point of issue 19, see the README).
    expect(values(table(report, 'cohorts.gender')).at(-1)).toEqual([null, 10, null, 22]);
    expect(values(table(report, 'outcomes.b1'))).toEqual([
      [5, null, null, 5, 12],
      [3, null, null, 6, 10],
      [8, null, null, 11, 22],
    ]);
    expect(table(report, 'outcomes.b1').rows[0]?.text).toEqual(['5', '·', '·', '5', '12']);
  });

  it('shares: 41,7 % = 5 of 12 within 12 months; hidden where the count behind them is hidden', () => {
    const shares = table(report, 'outcomes.b1.shares');
    // 5 and 7 of 12 in Q1; 9 and 12 of 23 in the year.
    expect(values(shares)).toEqual([
      [41.7, null, 58.3],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [39.1, null, 52.2],
    ]);
    expect(shares.rows[0]?.text[0]).toBe('41,7\u00a0%');
    // 6 of 23 within 36 months; within 12 (3) and 24 months the counts are below k.
    expect(values(table(report, 'outcomes.employment.shares')).at(-1)).toEqual([null, null, 26.1]);
  });

  it('the complement is a cell: 7 of 9 women reached B1, the 2 who did not are hidden, and so is every share of theirs', () => {
    const b1 = table(report, 'breakdown.gender.b1');
    const notReached = b1.columnLabels.indexOf('nicht innerhalb von 36 Monaten');
    expect(notReached).toBe(3);
    const [women] = values(b1);
    expect(9 - 7).toBeLessThan(K);
    expect(women?.[notReached]).toBeNull();
    expect(values(table(report, 'breakdown.gender.b1.shares'))[0]).toEqual([null, null, null]);
  });

  it('medians in months, published only where at least k reached the outcome', () => {
    // Q1: B1 after 0, 1, 3, 6, 11, 12, 33 → 6; first job after 0, 8, 16, 23 → 12 (a job dated after today is not counted).
    // Q2: B1 4 < k, jobs 2 < k; Q3, Q4 < k.
    expect(values(table(report, 'outcomes.medians'))).toEqual([
      [6, 12],
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('no published count is below k, and no suppressed cell of any count table can be recomputed from what is printed (LP)', () => {
    const counts = tables(report).filter((t) => t.kind === 'count');
    expect(counts.length).toBeGreaterThan(10);
    for (const t of counts) {
      for (const value of values(t).flat()) if (value !== null) expect({ id: t.id, value: value >= K }).toEqual({ id: t.id, value: true });
      if (!t.withTotals) continue;
      const audit = auditSuppression(asPublished(t), { k: K });
      expect({ id: t.id, belowK: audit.belowK, unprotected: audit.intervals.filter((i) => !i.protected) }).toEqual({ id: t.id, belowK: [], unprotected: [] });
    }
  });

  it('the municipality\'s default k = 5: no count below 5 and nothing recomputable', async () => {
    const strict = (await preview(DATASET_REQUEST).expect(200)).body as EvaluationReportResponse;
    expect(strict.k).toBe(5);
    for (const t of tables(strict).filter((x) => x.kind === 'count')) {
      for (const value of values(t).flat()) if (value !== null) expect(value).toBeGreaterThanOrEqual(5);
      if (t.withTotals) expect(auditSuppression(asPublished(t), { k: 5 }).passed).toBe(true);
    }
    expect(strict).toEqual(report);
  });

  it('the same data twice gives the same suppression and byte-identical JSON and CSV downloads', async () => {
    const again = (await preview(DATASET_REQUEST).expect(200)).body as EvaluationReportResponse;
    expect(again).toEqual(report);
    const first = await finishedReport(f.asEvaluator, DATASET_REQUEST);
    const second = await finishedReport(f.asEvaluator, DATASET_REQUEST);
    for (const format of ['json', 'csv'] as const) {
      const a = (await download(f.asEvaluator, first.id, format).expect(200)).body as Buffer;
      const b = (await download(f.asEvaluator, second.id, format).expect(200)).body as Buffer;
      expect(a.length).toBeGreaterThan(100);
      expect(a.equals(b)).toBe(true);
    }
    const json = JSON.parse(((await download(f.asEvaluator, first.id, 'json')).body as Buffer).toString('utf8')) as EvaluationReportResponse;
    expect(tables(json).map(values)).toEqual(tables(report).map(values));
  });

  it('a population below k is refused with 422 and a clear message; no report row, no file; the attempt is audited', async () => {
    // Q4 2023 holds one client (x1) only.
    const before = await f.sql('SELECT id FROM evaluation_report');
    const body = { template: 'cohortState', from: '2023-10-01', to: '2023-12-31' };
    const refused = await requestReport(f.asEvaluator, body).expect(422);
    expect(refused.body).toEqual({ statusCode: 422, code: 'populationBelowThreshold', message: expect.stringContaining('weniger als 5') });
    expect(refused.body.message).not.toMatch(/\b1\b/);
    const previewed = await preview(body).expect(422);
    expect(previewed.body.code).toBe('populationBelowThreshold');
    expect(await f.sql('SELECT id FROM evaluation_report')).toEqual(before);
    // k is the municipality's policy: a request cannot choose one (400), and Q1 2024 (12 clients) passes at k = 12 but not at 13.
    await requestReport(f.asEvaluator, { ...body, k: 3 }).expect(400);
    await f.sql('UPDATE municipality SET evaluation_k = 12 WHERE id = $1', [f.municipalityId]);
    await preview({ template: 'cohortState', from: '2024-01-01', to: '2024-03-31' }).expect(200);
    await f.sql('UPDATE municipality SET evaluation_k = 13 WHERE id = $1', [f.municipalityId]);
    await preview({ template: 'cohortState', from: '2024-01-01', to: '2024-03-31' }).expect(422);
    await f.sql('UPDATE municipality SET evaluation_k = 5 WHERE id = $1', [f.municipalityId]);

    const audited = await auditRows(f, `entity_type = 'evaluation_report' AND outcome = 'denied' AND user_id = $1`, [f.evaluatorId]);
    expect(audited.map((r) => [r.action, r.entity_id, r.client_id])).toEqual([
      ['export', null, null],
      ['read', null, null],
      ['read', null, null],
    ]);
  });
});
