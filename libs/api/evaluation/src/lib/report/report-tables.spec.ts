import type {
  EvaluationReportResponse,
  EvaluationSectionResponse,
  EvaluationTableResponse,
} from '@wegweiser/shared/contracts';
import {
  auditSuppression,
  countFootnote,
  InconsistentLinkedTablesError,
  InvalidThresholdError,
  shareFootnote,
  type PublishedCountTable,
} from '../disclosure';
import type { EvaluationMetrics } from '../metrics/evaluation-metrics.types';
import { InvalidReportMetricsError } from './report-cohorts';
import type { ReportMetrics } from './report-plan';
import { buildEvaluationReport, buildReportSections } from './report-tables';
import {
  REPORT_TEMPLATES,
  type EvaluationReportTemplate,
} from './report-templates';
import {
  cohortRow,
  measureCounts,
  personsMetrics,
  randomPersons,
  seededRandom,
  type FixturePerson,
} from './testing/report-fixture';

const tables = (sections: readonly EvaluationSectionResponse[]) =>
  sections.flatMap((s) => s.tables);
const table = (
  sections: readonly EvaluationSectionResponse[],
  id: string,
): EvaluationTableResponse => {
  const found = tables(sections).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const values = (t: EvaluationTableResponse) => t.rows.map((row) => row.values);
const texts = (t: EvaluationTableResponse) => t.rows.map((row) => row.text);

/** A count table with totals as published, for the LP audit. */
function asPublished(t: EvaluationTableResponse): PublishedCountTable {
  const inner = t.rows.slice(0, -1);
  const totals = t.rows[t.rows.length - 1].values;
  return {
    rowLabels: inner.map((row) => row.label),
    columnLabels: t.columnLabels.slice(0, -1),
    cells: inner.map((row) => row.values.slice(0, -1)),
    rowTotals: inner.map((row) => row.values[row.values.length - 1]),
    columnTotals: totals.slice(0, -1),
    grandTotal: totals[totals.length - 1],
  };
}

/** Outcomes only, no breakdown: the cohort sizes are printed in `cohorts.total` alone. */
const OUTCOMES_ONLY: EvaluationReportTemplate = {
  ...REPORT_TEMPLATES.annualCouncil,
  breakdowns: [],
  sections: ['cohorts', 'outcomes'],
};

function handMetrics(
  q2Employment = measureCounts(5, 10, 15, 15),
): ReportMetrics {
  const total: EvaluationMetrics = {
    granularity: 'quarter',
    firstCohort: '2024-Q1',
    lastCohort: '2024-Q2',
    breakdown: null,
    k: 5,
    cohorts: [
      cohortRow(
        '2024-Q1',
        40,
        {
          b1: measureCounts(10, 20, 26, 28),
          employment: measureCounts(8, 10, 12, 12),
          apprenticeship: measureCounts(10, 20, 36, 36),
        },
        { b1: 11.5, employment: 6 },
      ),
      cohortRow(
        '2024-Q2',
        30,
        {
          b1: measureCounts(6, 12, 18, 20),
          employment: q2Employment,
          apprenticeship: measureCounts(5, 10, 15, 15),
        },
        { b1: 14, employment: q2Employment.reached < 5 ? 40 : 17 },
      ),
    ],
    goals: [],
    softRatings: [],
    closures: [],
    observedUntil: '2030-01-01',
    caseload: { openCases: 0, managers: 0 },
  };
  return { total, byBreakdown: {} };
}

describe('report tables on hand-made metrics (k = 5)', () => {
  const sections = buildReportSections(OUTCOMES_ONLY, handMetrics(), 5);

  it('prints the cohort sizes with totals', () => {
    const sizes = table(sections, 'cohorts.total');
    expect(sizes.columnLabels).toEqual(['Personen', 'Insgesamt']);
    expect(values(sizes)).toEqual([
      [40, 40],
      [30, 30],
      [70, 70],
    ]);
    expect(sizes.rows.map((r) => r.label)).toEqual([
      '2024-Q1',
      '2024-Q2',
      'Insgesamt',
    ]);
  });

  it('splits each outcome into disjoint columns adding up to the cohort size (nobody at start: that column folded in), all ≥ k shown', () => {
    const b1 = table(sections, 'outcomes.b1');
    expect(b1.kind).toBe('count');
    expect(b1.withTotals).toBe(true);
    expect(b1.columnLabels).toEqual([
      'in den ersten 12 Monaten',
      'im 13. bis 24. Monat',
      'im 25. bis 36. Monat',
      'nicht innerhalb von 36 Monaten',
      'Insgesamt',
    ]);
    expect(values(b1)).toEqual([
      [10, 10, 6, 14, 40],
      [6, 6, 6, 12, 30],
      [16, 16, 12, 26, 70],
    ]);
    expect(b1.footnotes[0]).toBe(countFootnote('de', 5));
  });

  it('suppresses small cells and, complementarily, the smallest cells that would reveal them', () => {
    const employment = table(sections, 'outcomes.employment');
    // Q1: 8 | 2 | 2 (two below k); Q2: 5 | 5 | 5. With the 8, 28 and 40 printed, the two hidden cells of Q1 would add
    // up to 4 ("a job in the 2nd or 3rd year": a sum of adjacent intervals, audited as a figure of its own), so the 8
    // goes too; then the first column would give it away, so Q2's 5s go as well.
    expect(values(employment)).toEqual([
      [null, null, null, 28, 40],
      [null, null, null, 15, 30],
      [13, 7, 7, 43, 70],
    ]);
    expect(texts(employment)).toEqual([
      ['·', '·', '·', '28', '40'],
      ['·', '·', '·', '15', '30'],
      ['13', '7', '7', '43', '70'],
    ]);
    const audit = auditSuppression(asPublished(employment), { k: 5 });
    expect(audit.passed).toBe(true);
    // By hand: a + b + c = 12, d + e + f = 15, a + d = 13, b + e = 7, c + f = 7 (Q1 a b c, Q2 d e f, all ≥ 0):
    // b, c, e, f ∈ [0, 7]; a ≤ 12 (b, c ≥ 0) and d = 13 − a ≥ 1 (e, f ≤ 7), so a ∈ [0, 12], d ∈ [1, 13].
    expect(audit.intervals.map((i) => [i.min, i.max])).toEqual([
      [0, 12],
      [0, 7],
      [0, 7],
      [1, 13],
      [0, 7],
      [0, 7],
    ]);
  });

  it('computes shares in integer arithmetic, rounded half up to one decimal', () => {
    const shares = table(sections, 'outcomes.b1.shares');
    expect(shares.kind).toBe('share');
    expect(shares.columnLabels).toEqual([
      'innerhalb von 12 Monaten',
      'innerhalb von 24 Monaten',
      'innerhalb von 36 Monaten',
    ]);
    expect(values(shares)).toEqual([
      [25, 50, 65],
      [20, 40, 60],
      [22.9, 45.7, 62.9],
    ]);
    expect(texts(shares)[2]).toEqual([
      '22,9\u00a0%',
      '45,7\u00a0%',
      '62,9\u00a0%',
    ]);
    expect(shares.footnotes[0]).toBe(shareFootnote('de', 5));
  });

  it('hides a share whose numerator cannot be read from the printed counts, though the share rule holds', () => {
    // Q1 within 24 months: 10 of 40 passes the share rule, but its counts are hidden (see above) — the share would
    // reveal them; within 12 months likewise (8 and 5 hidden). Within 36 months follows from the printed size and
    // "not within 36 months": 12 of 40 and 15 of 30.
    expect(values(table(sections, 'outcomes.employment.shares'))).toEqual([
      [null, null, 30],
      [null, null, 50],
      [18.6, 28.6, 38.6],
    ]);
  });

  it('hides a share by the rate rule: fewer than k persons without the outcome', () => {
    const counts = table(sections, 'outcomes.apprenticeship');
    // 36 of 40 within 36 months: only 4 did not → that count is a cell now (issue 19), suppressed with a complement.
    expect(values(counts)[0]).toEqual([10, null, 16, null, 40]);
    expect(values(table(sections, 'outcomes.apprenticeship.shares'))).toEqual([
      [25, null, null],
      [16.7, null, null],
      [21.4, 42.9, 72.9],
    ]);
  });

  it('no longer prints the median over those who reached the outcome (time to event is Kaplan–Meier now)', () => {
    expect(tables(sections).map((t) => t.id)).not.toContain('outcomes.medians');
    expect(tables(sections).some((t) => t.kind === 'median')).toBe(false);
  });

  it('refuses k below 5 and metrics that do not fit the template', () => {
    expect(() => buildReportSections(OUTCOMES_ONLY, handMetrics(), 4)).toThrow(
      InvalidThresholdError,
    );
    expect(() =>
      buildReportSections(REPORT_TEMPLATES.annualCouncil, handMetrics(), 5),
    ).toThrow(InvalidReportMetricsError);
    const outside = handMetrics();
    outside.total.cohorts.push(cohortRow('2024-Q3', 10, {}));
    expect(() => buildReportSections(OUTCOMES_ONLY, outside, 5)).toThrow(
      InvalidReportMetricsError,
    );
  });
});

const SIZES = { '2024-Q1': 60, '2024-Q2': 45, '2024-Q3': 3, '2024-Q4': 50 };
const RANGE = { firstCohort: '2024-Q1', lastCohort: '2024-Q4' };
const REQUEST = {
  template: 'annualCouncil',
  from: '2024-01-01',
  to: '2024-12-31',
} as const;

function personsReportMetrics(
  persons: readonly FixturePerson[],
): ReportMetrics {
  return {
    total: personsMetrics(persons, RANGE),
    byBreakdown: {
      gender: personsMetrics(persons, { ...RANGE, breakdown: 'gender' }),
      ageBand: personsMetrics(persons, { ...RANGE, breakdown: 'ageBand' }),
    },
  };
}

function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function shuffleMetrics(
  metrics: EvaluationMetrics,
  random: () => number,
): EvaluationMetrics {
  return {
    ...metrics,
    cohorts: shuffled(metrics.cohorts, random),
    goals: shuffled(metrics.goals, random),
    softRatings: shuffled(metrics.softRatings, random),
    closures: shuffled(metrics.closures, random),
  };
}

describe('the annual council report on synthetic persons (a cohort of 3)', () => {
  const persons = randomPersons(7, SIZES);
  const metrics = personsReportMetrics(persons);
  const build = (m: ReportMetrics): EvaluationReportResponse =>
    buildEvaluationReport({
      request: REQUEST,
      municipality: { code: 'BH', name: 'Beispielheim' },
      metrics: m,
    });
  const report = build(metrics);
  const all = tables(report.sections);

  it('has the template’s sections in order and unique table ids', () => {
    expect(report.sections.map((s) => s.id)).toEqual([
      'cohorts',
      'outcomes',
      'timeToEvent',
      'status',
      'breakdown.gender',
      'breakdown.ageBand',
      'goals',
      'plans',
      'softRatings',
      'closures',
    ]);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    expect(report).toMatchObject({
      template: 'annualCouncil',
      title: 'Jahresbericht Integrationsmanagement',
      municipality: { code: 'BH', name: 'Beispielheim' },
      period: {
        from: '2024-01-01',
        to: '2024-12-31',
        firstCohort: '2024-Q1',
        lastCohort: '2024-Q4',
      },
      granularity: 'quarter',
      k: 5,
    });
  });

  it('publishes no count below k and every count table passes the LP audit', () => {
    const counts = all.filter((t) => t.kind === 'count');
    expect(counts.length).toBeGreaterThan(20);
    for (const t of counts) {
      for (const value of t.rows.flatMap((r) => r.values))
        if (value !== null) expect(value).toBeGreaterThanOrEqual(5);
      if (t.withTotals)
        expect({
          id: t.id,
          passed: auditSuppression(asPublished(t), { k: 5 }).passed,
        }).toEqual({ id: t.id, passed: true });
    }
    expect(
      all
        .flatMap((t) => t.rows.flatMap((r) => r.text))
        .filter((text) => text === '·').length,
    ).toBeGreaterThan(0);
  });

  it('shows figures equal to counts taken straight from the persons', () => {
    const byGender = table(report.sections, 'cohorts.gender');
    const group = (p: FixturePerson) =>
      p.gender === 'female' ? 'weiblich' : 'männlich';
    expect(byGender.columnLabels).toEqual(['weiblich', 'männlich', 'Insgesamt']);
    byGender.rows.slice(0, -1).forEach((row) => {
      row.values.slice(0, -1).forEach((value, c) => {
        const expected = persons.filter(
          (p) =>
            p.cohort === row.label && group(p) === byGender.columnLabels[c],
        ).length;
        if (value !== null) expect(value).toBe(expected);
      });
    });
    expect(byGender.rows[0].values[2]).toBe(60);
    expect(byGender.rows[4].values[2]).toBe(persons.length);
  });

  it('suppresses the small cohort’s size, and its complement, alike in every table that prints cohort sizes', () => {
    const hiddenCohorts = (id: string) =>
      table(report.sections, id)
        .rows.slice(0, -1)
        .filter((row) => row.values[row.values.length - 1] === null)
        .map((row) => row.label);
    const byGender = hiddenCohorts('cohorts.gender');
    expect(byGender).toContain('2024-Q3');
    expect(byGender.length).toBeGreaterThanOrEqual(2);
    expect(hiddenCohorts('cohorts.ageBand')).toEqual(byGender);
    for (const shares of all.filter(
      (t) => t.id.startsWith('outcomes.') && t.kind === 'share',
    )) {
      for (const row of shares.rows.filter((r) => byGender.includes(r.label)))
        expect(row.values).toEqual([null, null, null]);
    }
  });

  it('gives the same bytes for the same data, whatever order the metrics rows come in', () => {
    const again = JSON.stringify(build(personsReportMetrics(persons)));
    expect(again).toBe(JSON.stringify(report));
    const random = seededRandom(42);
    const reordered = build({
      total: shuffleMetrics(metrics.total, random),
      byBreakdown: {
        gender: shuffleMetrics(
          metrics.byBreakdown.gender as EvaluationMetrics,
          random,
        ),
        ageBand: shuffleMetrics(
          metrics.byBreakdown.ageBand as EvaluationMetrics,
          random,
        ),
      },
    });
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(report));
    const shuffledPersons = build(
      personsReportMetrics(shuffled(persons, seededRandom(3))),
    );
    expect(JSON.stringify(shuffledPersons)).toBe(JSON.stringify(report));
  });

  it('prints goals without sums (overlapping categories), only cells ≥ k', () => {
    const goals = table(report.sections, 'goals.byField');
    expect(goals.withTotals).toBe(false);
    expect(goals.columnLabels).toEqual([
      'erreicht',
      'nicht erreicht',
      'verworfen',
    ]);
    expect(goals.rows).toHaveLength(9);
    const raw = metrics.total.goals
      .filter((g) => g.fieldOfAction === 'language' && g.state === 'achieved')
      .reduce((sum, g) => sum + g.clients, 0);
    expect(goals.rows[0]).toMatchObject({
      label: 'Sprache',
      values: [raw >= 5 ? raw : null, expect.anything(), expect.anything()],
    });
  });

  it('refuses breakdown metrics that disagree with the totals (queries that saw different data)', () => {
    const gender = metrics.byBreakdown.gender as EvaluationMetrics;
    const drifted: EvaluationMetrics = {
      ...gender,
      cohorts: gender.cohorts.map((row, i) =>
        i === 0 ? { ...row, clients: row.clients + 1 } : row,
      ),
    };
    expect(() =>
      build({
        ...metrics,
        byBreakdown: { ...metrics.byBreakdown, gender: drifted },
      }),
    ).toThrow(InconsistentLinkedTablesError);
  });

  it('rejects a breakdown value outside the vocabulary', () => {
    const gender = metrics.byBreakdown.gender as EvaluationMetrics;
    const odd: EvaluationMetrics = {
      ...gender,
      cohorts: gender.cohorts.map((row, i) =>
        i === 0 ? { ...row, group: 'xx' } : row,
      ),
    };
    expect(() =>
      build({
        ...metrics,
        byBreakdown: { ...metrics.byBreakdown, gender: odd },
      }),
    ).toThrow(InvalidReportMetricsError);
  });
});
