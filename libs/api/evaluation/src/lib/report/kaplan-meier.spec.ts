import type { LifeTableRow } from '../metrics/evaluation-metrics.types';
import { atRiskAt, kaplanMeier, survivalAt } from './kaplan-meier';
import { InvalidReportMetricsError } from './report-cohorts';

/** A life table from one entry per person: [month, 'event' | 'censored']. */
function lifeTable(persons: readonly [number, 'event' | 'censored'][]): LifeTableRow[] {
  const byMonth = new Map<number, LifeTableRow>();
  for (const [month, kind] of persons) {
    const row = byMonth.get(month) ?? { month, events: 0, censored: 0 };
    byMonth.set(month, {
      month,
      events: row.events + (kind === 'event' ? 1 : 0),
      censored: row.censored + (kind === 'censored' ? 1 : 0),
    });
  }
  return [...byMonth.values()].sort((a, b) => a.month - b.month);
}

describe('kaplanMeier', () => {
  /**
   * A hand-built cohort of 12 clients, 2 of them with B1 already at support start (not in the life table), so
   * 10 persons. 5 reach B1 (months 2, 3, 5, 5, 8); 5 are censored: one at month 4 and one at month 5 (they
   * started late in the quarter, the observation ends), three at month 10 (observation end of the rest).
   *
   *   month | at risk n | events d | censored c | 1 − d/n | S(t)
   *   ------+-----------+----------+------------+---------+-------------------------
   *       2 |        10 |        1 |          0 |   9/10  | 9/10          = 0.900
   *       3 |         9 |        1 |          0 |   8/9   | 8/10          = 0.800
   *       4 |         8 |        0 |          1 |   1     | 8/10          = 0.800
   *       5 |         7 |        2 |          1 |   5/7   | 8/10 · 5/7    = 0.571
   *       8 |         4 |        1 |          0 |   3/4   | 4/7 · 3/4     = 0.429  ← first S(t) ≤ 0.5
   *      10 |         3 |        0 |          3 |   1     | 3/7           = 0.429
   *
   * Kaplan–Meier median = 8 months. (The old "median over those who reached it" — of 2, 3, 5, 5, 8 — was 5, and
   * treating the censored as never reaching it would give no median at all: 5 of 10 is not more than half.)
   * Numbers at risk: month 0 → 10, month 12 → 0 (everyone left by month 10).
   */
  const cohort = lifeTable([
    [2, 'event'],
    [3, 'event'],
    [4, 'censored'],
    [5, 'event'],
    [5, 'event'],
    [5, 'censored'],
    [8, 'event'],
    [10, 'censored'],
    [10, 'censored'],
    [10, 'censored'],
  ]);

  it('gives the hand-computed median of a cohort with censored clients', () => {
    const estimate = kaplanMeier(cohort);
    expect(estimate.median).toBe(8);
    expect(estimate.persons).toBe(10);
    expect(estimate.events).toBe(5);
    expect(estimate.steps.map((s) => [s.month, s.atRisk])).toEqual([
      [2, 10],
      [3, 9],
      [4, 8],
      [5, 7],
      [8, 4],
      [10, 3],
    ]);
    expect(estimate.steps.map((s) => s.survival)).toEqual(
      [0.9, 0.8, 0.8, 4 / 7, 3 / 7, 3 / 7].map((v) => expect.closeTo(v, 12)),
    );
  });

  it('reads the step function and the numbers at risk at 0, 12 and 24 months', () => {
    const estimate = kaplanMeier(cohort);
    expect(survivalAt(estimate, 0)).toBe(1);
    expect(survivalAt(estimate, 4)).toBeCloseTo(0.8, 12);
    expect(survivalAt(estimate, 7)).toBeCloseTo(4 / 7, 12);
    expect(survivalAt(estimate, 35)).toBeCloseTo(3 / 7, 12);
    expect(atRiskAt(estimate, 0)).toBe(10);
    expect(atRiskAt(estimate, 5)).toBe(7);
    expect(atRiskAt(estimate, 6)).toBe(4);
    expect(atRiskAt(estimate, 12)).toBe(0);
    expect(atRiskAt(estimate, 24)).toBe(0);
  });

  it('has no median when nobody reaches the outcome', () => {
    const estimate = kaplanMeier(lifeTable([
      [13, 'censored'],
      [36, 'censored'],
      [36, 'censored'],
    ]));
    expect(estimate.median).toBeNull();
    expect(estimate.events).toBe(0);
    expect(survivalAt(estimate, 36)).toBe(1);
    expect(atRiskAt(estimate, 12)).toBe(3);
    expect(atRiskAt(estimate, 24)).toBe(2);
  });

  it('has no median when everybody is censored before half can be reached', () => {
    // 6 persons: one event at month 1 (S = 5/6), then all censored: the curve stays above 0.5.
    const estimate = kaplanMeier(lifeTable([
      [1, 'event'],
      [2, 'censored'],
      [2, 'censored'],
      [3, 'censored'],
      [3, 'censored'],
      [3, 'censored'],
    ]));
    expect(estimate.median).toBeNull();
    expect(survivalAt(estimate, 3)).toBeCloseTo(5 / 6, 12);
  });

  it('handles an empty life table (everybody had the outcome at start)', () => {
    const estimate = kaplanMeier([]);
    expect(estimate).toEqual({ persons: 0, events: 0, steps: [], median: null });
    expect(atRiskAt(estimate, 0)).toBe(0);
  });

  it('counts events before censorings of the same month', () => {
    // 4 persons, month 1: 2 events and 2 censorings. Events first: n = 4, S = 1 − 2/4 = 0.5 → median 1.
    // (Censorings first would give n = 2 and S = 0.)
    const estimate = kaplanMeier([{ month: 1, events: 2, censored: 2 }]);
    expect(estimate.steps[0]).toMatchObject({ atRisk: 4, survival: 0.5 });
    expect(estimate.median).toBe(1);
  });

  it('takes the month where S reaches exactly 0.5 as the median (exact arithmetic)', () => {
    //   month | n | d | S
    //       1 | 4 | 1 | 3/4
    //       3 | 3 | 1 | 3/4 · 2/3 = 1/2  ← exactly 0.5: median 3 (R's survfit would say midpoint of 3 and 6)
    //       6 | 2 | 1 | 1/4
    const estimate = kaplanMeier(lifeTable([
      [1, 'event'],
      [3, 'event'],
      [6, 'event'],
      [9, 'censored'],
    ]));
    expect(estimate.median).toBe(3);
    expect(survivalAt(estimate, 3)).toBe(0.5);
  });

  it('handles ties of events (several in one month) and a drop to zero', () => {
    const estimate = kaplanMeier([
      { month: 0, events: 3, censored: 0 },
      { month: 2, events: 1, censored: 0 },
    ]);
    // S(0) = 1/4 ≤ 0.5: median 0 (reached in the first month); S(2) = 0.
    expect(estimate.median).toBe(0);
    expect(survivalAt(estimate, 2)).toBe(0);
  });

  it('refuses malformed life tables', () => {
    expect(() =>
      kaplanMeier([
        { month: 3, events: 1, censored: 0 },
        { month: 3, events: 1, censored: 0 },
      ]),
    ).toThrow(InvalidReportMetricsError);
    expect(() => kaplanMeier([{ month: -1, events: 1, censored: 0 }])).toThrow(InvalidReportMetricsError);
    expect(() => kaplanMeier([{ month: 1, events: 1.5, censored: 0 }])).toThrow(InvalidReportMetricsError);
  });
});
