import { calendarToday } from '@wegweiser/api/core';
import { auditSuppression, PublishedCountTable } from '@wegweiser/api/evaluation';
import { CSRF_HEADER, EvaluationReportResponse, EvaluationTableResponse } from '@wegweiser/shared/contracts';
import { auditRows, createReportFixture, DATASET_REQUEST, download, finishedReport, ReportFixture, requestReport } from './report-fixture';

/**
 * Figures worked out by hand from metrics-dataset.ts for the year 2024 (Q1: a1–a12, Q2: b1–b10, Q3: x2 — male, 34,
 * B1 after 1 month —, Q4: nobody), as the report lays them out (issue 19):
 * count tables with the cohorts (or groups) as rows plus "Insgesamt"; the outcome tables are two-way: group ×
 * {0–11, 12–23, 24–35 Monate, nicht innerhalb von 36 Monaten} with the group size as row total. Nobody in the dataset
 * had an outcome at start (no `b1AtStart`, no `atStart` job or training, no certified German skill), so fewer than
 * k had it at start and "bei Beginn vorhanden" is folded into the last column (with 0 in it: the plain label).
 * Shares are cumulative within 12/24/36 months of the group's size (nobody at start: everybody counts).
 * Months = whole months completed from the support start to the outcome. The report tests observe until the real
 * today (≥ 2026-12-07): every outcome of the dataset is dated before that, a4's late job is not inserted here.
 */
const HAND: Record<string, number[][]> = {
  // female a1 a3 a6 a8 a10 | b1 b3 b5 b7; male a2 a4 a7 a9 a11 | b2 b4 b6 b8 b10 | x2; diverse/unspecified a5 a12 | b9
  // are published as female or male by their fixed pseudo-random assignment (metrics-dataset.ts `publishedGender`):
  // a5 → male, a12 → female, b9 → male.
  'cohorts.gender': [
    [6, 6, 12],
    [4, 6, 10],
    [0, 1, 1],
    [0, 0, 0],
    [10, 13, 23],
  ],
  // under 25: a2 (23) a5 (17) a9 (24) | b4 (23) b9 (19); 25–34: a1 a6 a8 a12 (25 on the start day) | b1 b2 b6 b7 | x2 (34);
  // 35–44: a3 a7 a11 | b3 b8 (44); 45+: a4 a10 | b5 b10. Only "45 und älter" (4) is below k: nothing to merge.
  'cohorts.ageBand': [
    [3, 4, 3, 2, 12],
    [2, 4, 2, 2, 10],
    [0, 1, 0, 0, 1],
    [0, 0, 0, 0, 0],
    [5, 9, 5, 4, 23],
  ],
  // B1 (B1 or higher): Q1 a1 11, a2 12, a3 1, a4 33, a6 0, a8 6, a10 3 → 5 | 1 | 1, 12 − 7 = 5 not within 36;
  // Q2 b1 6, b2 11, b3 1, b4 24 → 3 | 0 | 1, 10 − 4 = 6; Q3 x2 1 → 1 | 0 | 0, 0
  'outcomes.b1': [
    [5, 1, 1, 5, 12],
    [3, 0, 1, 6, 10],
    [1, 0, 0, 0, 1],
    [0, 0, 0, 0, 0],
    [9, 1, 2, 11, 23],
  ],
  // first employment (any kind): Q1 a11 0, a8 8, a1 16, a3 23 (2026-01-30 from 2024-01-31) → 2 | 2 | 0, 8;
  // a4 has no job here (its 36-month job is LATE_JOBS, metrics test only). Q2 b6 6, b5 12 → 1 | 1 | 0, 8; Q3 x2 none
  'outcomes.employment': [
    [2, 2, 0, 8, 12],
    [1, 1, 0, 8, 10],
    [0, 0, 0, 1, 1],
    [0, 0, 0, 0, 0],
    [3, 3, 0, 17, 23],
  ],
  // first social-insurance employment: Q1 a8 8, a1 16; Q2 b5 12 (a3, a11, b6 had mini-jobs)
  'outcomes.employmentSocialInsurance': [
    [1, 1, 0, 10, 12],
    [0, 1, 0, 9, 10],
    [0, 0, 0, 1, 1],
    [0, 0, 0, 0, 0],
    [1, 2, 0, 20, 23],
  ],
  // apprenticeship: a5 2024-09-01 from 2024-02-10 → 6; b6 2025-08-01 from 2024-06-01 → 14
  'outcomes.apprenticeship': [
    [1, 0, 0, 11, 12],
    [0, 1, 0, 9, 10],
    [0, 0, 0, 1, 1],
    [0, 0, 0, 0, 0],
    [1, 1, 0, 21, 23],
  ],
  // studies: a7 2025-10-01 from 2024-03-10 → 18; b8 2026-11-19 from 2024-04-20 → 30
  'outcomes.studies': [
    [0, 1, 0, 11, 12],
    [0, 0, 1, 9, 10],
    [0, 0, 0, 1, 1],
    [0, 0, 0, 0, 0],
    [0, 1, 1, 21, 23],
  ],
  // by gender, all four cohorts: female B1 a1 11, a3 1, a6 0, a8 6, a10 3, b1 6, b3 1 (all within 12), a12 none:
  // 10 − 7 = 3; male a2 12, a4 33, b2 11, b4 24, x2 1 → 2 | 1 | 2, a5 b9 none: 13 − 5 = 8
  'breakdown.gender.b1': [
    [7, 0, 0, 3, 10],
    [2, 1, 2, 8, 13],
    [9, 1, 2, 11, 23],
  ],
  // female a8 8, a1 16, a3 23, b5 12 → 1 | 3 | 0, 10 − 4 = 6; male a11 0, b6 6 → 2 | 0 | 0, 13 − 2 = 11
  'breakdown.gender.employment': [
    [1, 3, 0, 6, 10],
    [2, 0, 0, 11, 13],
    [3, 3, 0, 17, 23],
  ],
  // by age band: under 25 a2 12, b4 24 (a5 a9 b9 none); 25–34 a1 11, a6 0, a8 6, b1 6, b2 11, x2 1 (a12 b6 b7 none);
  // 35–44 a3 1, b3 1 (a7 a11 b8 none); 45+ a10 3, a4 33 (b5 b10 none)
  'breakdown.ageBand.b1': [
    [0, 1, 1, 3, 5],
    [6, 0, 0, 3, 9],
    [2, 0, 0, 3, 5],
    [1, 0, 1, 2, 4],
    [9, 1, 2, 11, 23],
  ],
  // integration plans: nobody in the dataset has an agreed plan (no `plans`), so everybody is "(noch) kein Plan"
  'plans.agreed': [
    [0, 0, 12, 12],
    [0, 0, 10, 10],
    [0, 0, 1, 1],
    [0, 0, 0, 0],
    [0, 0, 23, 23],
  ],
  // first against latest rating: Q1 a1 ↑ (2 → 4), a4 = (3 → 3), a2 ↓ (4 → 3), a3 has one rating only (not counted);
  // Q2 b1 ↑ (2 → 5). Columns: verbessert, unverändert, verschlechtert
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

/** The last support-start day of each 2024 cohort. */
const COHORT_END: Record<string, string> = { '2024-Q1': '2024-03-31', '2024-Q2': '2024-06-30', '2024-Q3': '2024-09-30', '2024-Q4': '2024-12-31' };
/** `day` + `months` (the quarter ends used here are month ends: the result is the month's end). */
function monthEndAfter(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 0) + months, 0)).toISOString().slice(0, 10);
}
/** Printed for a share (or number at risk) of a cohort not observable that long yet on `today`; else `hidden`. */
const unseenOr = (today: string, cohort: string, months: number, hidden: string) =>
  monthEndAfter(COHORT_END[cohort] ?? '', months) <= today ? hidden : 'noch nicht beobachtbar';

/** Issue 7 acceptance 1, 2 and 4: hand-computed figures, no recomputable suppressed cell, determinism, 422. */
describe('evaluation report: figures and disclosure control', () => {
  let f: ReportFixture;
  let report: EvaluationReportResponse;
  /** The day the report observes until (today in Germany, as the API takes it). */
  let today: string;
  const preview = (body: object) => f.asEvaluator.agent.post('/api/evaluation/preview').set(CSRF_HEADER, f.asEvaluator.csrf).send(body);

  beforeAll(async () => {
    f = await createReportFixture();
    today = calendarToday();
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
    // The cohort sizes the council reads first: Q1 (12) and the year (23) are published, Q3 (1) and Q4 (0) are below k.
    // Q2 (10) may go as their complement; where it is printed it is 10 (the loop above).
    const sizes = values(table(report, 'cohorts.gender')).map((r) => r.at(-1));
    expect([sizes[0], sizes[2], sizes[3], sizes[4]]).toEqual([12, null, null, 23]);
    // The year's row: women 10 and men 13 (divers / keine Angabe assigned to them, as official statistics do), so the
    // women's figure is printed (issue 19: women stay visible).
    expect(values(table(report, 'cohorts.gender')).at(-1)).toEqual([10, 13, 23]);
    // The two-way B1 table: nobody had B1 at start, so "bei Beginn vorhanden" is folded into the last column, which
    // keeps its plain label. Q1: 5 of 12 within the first 12 months. The year: 9 | 1 | 2 | 11 of 23 — its 9 is hidden:
    // with the 11 and the 23 printed it would give away that 1 + 2 = 3 reached B1 in months 12–35 (a sum of adjacent
    // intervals below k, audited as a figure of its own).
    const b1 = table(report, 'outcomes.b1');
    expect(b1.columnLabels).toEqual(['in den ersten 12 Monaten', 'im 13. bis 24. Monat', 'im 25. bis 36. Monat', 'nicht innerhalb von 36 Monaten', 'Insgesamt']);
    const [q1, , , , year] = values(b1);
    expect([q1?.[0], q1?.[4], year?.[0], year?.[3], year?.[4]]).toEqual([5, 12, null, 11, 23]);
    expect(b1.rows[0]?.text.slice(0, 3)).toEqual(['5', '·', '·']);
  });

  it('shares: 41,7 % = 5 of 12 within 12 months; hidden where the count behind them is hidden or not yet observable', () => {
    const shares = table(report, 'outcomes.b1.shares');
    // Q1: 5 of 12 within 12; within 24 (6) needs the hidden 1 of months 12–23, within 36 (7) the hidden 1 of 24–35.
    // Q2: 3 < k within 12. Q3, Q4: their sizes (1, 0) are hidden. The year: 9 of 23 within 12 is hidden with its 9 (see
    // above); 24 and 36 need the hidden 1 and 2.
    expect(values(shares)).toEqual([
      [41.7, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    // Q1 (started by 2024-03-31) is observable for 36 months only from 2027-03-31 on.
    expect(shares.rows[0]?.text).toEqual(['41,7\u00a0%', unseenOr(today, '2024-Q1', 24, '·'), unseenOr(today, '2024-Q1', 36, '·')]);
    // The year's row is observable for as long as its last cohort is, Q4 (started by 2024-12-31), empty or not:
    // that Q4 is empty is not printed anywhere.
    expect(shares.rows.at(-1)?.text).toEqual(['·', unseenOr(today, '2024-Q4', 24, '·'), unseenOr(today, '2024-Q4', 36, '·')]);
    // First employment in the year: 3 within 12 (< k). Within 24, 6 of 23 (26,1 %) is not printed any more: with the
    // printed 17 who did not within 36 it would give away months 24–35 = 23 − 17 − 6 = 0.
    expect(values(table(report, 'outcomes.employment.shares')).at(-1)).toEqual([null, null, null]);
  });

  it('the complement is a cell: 7 of 10 women reached B1, the 3 who did not are hidden, and so is every share of theirs', () => {
    const b1 = table(report, 'breakdown.gender.b1');
    const notReached = b1.columnLabels.indexOf('nicht innerhalb von 36 Monaten');
    expect(notReached).toBe(3);
    const [women] = values(b1);
    expect(10 - 7).toBeLessThan(K);
    expect(women?.[notReached]).toBeNull();
    // With the women's size (10) printed, the 7 must go too, or 10 − 7 − 0 − 0 would give the 3 away.
    expect(women?.[4]).toBe(10);
    expect(women?.[0]).toBeNull();
    expect(values(table(report, 'breakdown.gender.b1.shares'))[0]).toEqual([null, null, null]);
  });

  it('the women\'s first employment, 4 of 10 (1 | 3 | 0 by interval): every interval cell below k is hidden, and every share of theirs', () => {
    const [women, men, year] = values(table(report, 'breakdown.gender.employment'));
    expect(women?.slice(0, 3)).toEqual([null, null, null]);
    // The size 10 is printed; the 6 who did not within 36 months (≥ k) are hidden: with both printed, their difference
    // would give away that 4 reached a job within 36 months (a sum of adjacent intervals below k).
    expect([women?.[3], women?.[4]]).toEqual([null, 10]);
    expect(values(table(report, 'breakdown.gender.employment.shares'))[0]).toEqual([null, null, null]);
    // Men: 13, of whom 11 did not within 36 months — hidden likewise (13 − 11 = 2 reached a job); the year: 17 of 23 did
    // not (printed: 6 reached one, ≥ k).
    expect([men?.[3], men?.[4], year?.[3], year?.[4]]).toEqual([null, 13, 17, 23]);
  });

  it('time to B1 (Kaplan–Meier): median 12 months in Q1; below k (events or persons) the median is hidden', () => {
    // Q1, 12 persons, nobody with B1 at start; events in months 0 (a6), 1 (a3), 3 (a10), 6 (a8), 11 (a1), 12 (a2),
    // 33 (a4); the 5 others are censored after month 12 (a9 closed after 20 months, a5 after 21, the rest observed
    // until today, ≥ 32 months). S(0) = 11/12, S(1) = 10/12, S(3) = 9/12, S(6) = 8/12, S(11) = 7/12,
    // S(12) = 7/12 · 6/7 = 6/12 = 0.5 ≤ 0.5 → median 12 (the old median over those who reached B1 was 6).
    // Q2: 4 events (b3 1, b1 6, b2 11, b4 24) < k; Q3: 1 person; Q4: nobody.
    const tte = table(report, 'timeToEvent.b1');
    expect(tte.columnLabels).toEqual(['Median (Monate)', 'ohne Ergebnis bei Beginn', 'noch ohne Ergebnis nach 12 Monaten', 'noch ohne Ergebnis nach 24 Monaten']);
    expect(tte.rows.map((r) => r.label)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(tte.rows.map((r) => r.values[0])).toEqual([12, null, null, null]);
    expect(tte.rows[0]?.text[0]).toBe('12');
    // Numbers at risk by hand (size − at start − reached before month m): Q1 12, 12 − 5 = 7, 12 − 6 = 6; Q2 10, 7, 7;
    // Q3 1, 0, 0; Q4 0, 0, 0. Printed only where they follow from printed cells of outcomes.b1: where printed, the hand
    // value, and never one below k.
    const atRisk = [
      [12, 7, 6],
      [10, 7, 7],
      [1, 0, 0],
      [0, 0, 0],
    ];
    tte.rows.forEach((row, r) =>
      row.values.slice(1).forEach((value, c) => {
        const hand = atRisk[r]?.[c] ?? NaN;
        if (hand < K) expect({ r, c, value }).toEqual({ r, c, value: null });
        else if (value !== null) expect({ r, c, value }).toEqual({ r, c, value: hand });
      }),
    );
    // Q4 (started by 2024-12-31) is observed 24 months for everybody from 2026-12-31 on.
    expect(tte.rows[3]?.text[3]).toBe(unseenOr(today, '2024-Q4', 24, '·'));
    // The old median over those who reached the outcome is no longer a table of the report.
    expect(tables(report).some((t) => t.id === 'outcomes.medians')).toBe(false);
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
