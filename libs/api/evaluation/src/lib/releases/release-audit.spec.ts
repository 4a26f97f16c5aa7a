import { auditSuppression, type PublishedCountTable } from '../disclosure';
import type { ReportMetrics } from '../report/report-plan';
import { buildReleaseSections } from '../report/report-tables';
import { reportTemplate } from '../report/report-templates';
import {
  personsMetrics,
  type EmploymentKind,
  type FixturePerson,
} from '../report/testing/report-fixture';
import type { EvaluationTableResponse } from '@wegweiser/shared/contracts';
import { scopeKey } from './figure-scope';
import { AtomSystem, type Equation } from './ledger-lp';
import { auditReleases, type ReleasedFigure } from './release-audit';

const TEMPLATE = reportTemplate('annualCouncil');

function person(
  cohort: string,
  gender: string,
  ageBand: string,
  b1Months?: number,
): FixturePerson {
  return {
    cohort,
    gender,
    ageBand,
    region: 'eu',
    months: b1Months === undefined ? {} : { b1: b1Months },
    goals: [],
    soft: {},
    closure: null,
  };
}

function many(n: number, make: (i: number) => FixturePerson): FixturePerson[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

function metricsOf(
  persons: readonly FixturePerson[],
  firstCohort: string,
  lastCohort: string,
): ReportMetrics {
  const range = { firstCohort, lastCohort };
  const inRange = persons.filter(
    (p) => p.cohort >= firstCohort && p.cohort <= lastCohort,
  );
  return {
    total: personsMetrics(inRange, range),
    byBreakdown: {
      gender: personsMetrics(inRange, { ...range, breakdown: 'gender' }),
      ageBand: personsMetrics(inRange, { ...range, breakdown: 'ageBand' }),
    },
  };
}

function findTable(
  sections: { tables: EvaluationTableResponse[] }[],
  id: string,
): EvaluationTableResponse {
  const found = sections.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

/** A printed count table back as a published table (the last row and column are the totals). */
function asPublished(table: EvaluationTableResponse): PublishedCountTable {
  const body = table.rows.slice(0, -1);
  const last = table.rows[table.rows.length - 1].values;
  return {
    rowLabels: body.map((r) => r.label),
    columnLabels: table.columnLabels.slice(0, -1),
    cells: body.map((r) => r.values.slice(0, -1)),
    rowTotals: body.map((r) => r.values[r.values.length - 1]),
    columnTotals: last.slice(0, -1),
    grandTotal: last[last.length - 1],
  };
}

describe('acceptance 1: the complement of an outcome is a cell of the audited two-way table', () => {
  // under 25: 5 of 5 reached B1; 25–34: 13 of 16; plus two larger groups.
  const persons = [
    ...many(5, (i) => person('2024-Q1', i % 2 ? 'male' : 'female', '18_24', 3)),
    ...many(16, (i) =>
      person(
        '2024-Q1',
        i % 2 ? 'male' : 'female',
        '25_34',
        i < 13 ? 5 + i : undefined,
      ),
    ),
    ...many(20, (i) =>
      person(
        '2024-Q1',
        i % 2 ? 'male' : 'female',
        '35_44',
        i < 10 ? 8 : undefined,
      ),
    ),
    ...many(15, (i) =>
      person(
        '2024-Q1',
        i % 2 ? 'male' : 'female',
        '45_plus',
        i < 8 ? 20 : undefined,
      ),
    ),
  ];
  const { sections } = buildReleaseSections(
    TEMPLATE,
    metricsOf(persons, '2024-Q1', '2024-Q1'),
    5,
  );
  const b1 = findTable(sections, 'breakdown.ageBand.b1');
  const row = (label: string) =>
    b1.rows.find((r) => r.label === label)?.values ?? [];
  const notReached = b1.columnLabels.indexOf('nicht innerhalb von 36 Monaten');

  it('prints the group size as the row total and hides both "not reached" counts below k', () => {
    expect(b1.columnLabels[b1.columnLabels.length - 1]).toBe('Insgesamt');
    expect(notReached).toBeGreaterThanOrEqual(0);
    expect(row('unter 25')[notReached]).toBeNull();
    expect(row('25–34')[notReached]).toBeNull();
  });

  it('leaves every hidden count, the "not reached" ones included, an interval of at least the protection width', () => {
    const audit = auditSuppression(asPublished(b1), { k: 5 });
    expect(audit.passed).toBe(true);
    const hidden = audit.intervals.filter(
      (i) => i.entry.kind === 'cell' && i.entry.column === notReached,
    );
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const interval of hidden)
      expect(interval.max - interval.min).toBeGreaterThanOrEqual(1);
  });
});

/**
 * An LP over one printed count table alone, independent of the audit under test: one atom per cell, an equation
 * per printed cell, row total, column total and the grand total.
 */
function printedTableSystem(table: PublishedCountTable): AtomSystem {
  const atom = (r: number, c: number) => `${r}:${c}`;
  const sum = (atoms: string[], rhs: number): Equation => ({ terms: new Map(atoms.map((a) => [a, 1])), rhs });
  const rows = table.cells.map((cells, r) => cells.map((_, c) => atom(r, c)));
  const equations: Equation[] = [];
  table.cells.forEach((cells, r) =>
    cells.forEach((value, c) => {
      if (value !== null) equations.push(sum([atom(r, c)], value));
    }),
  );
  table.rowTotals.forEach((value, r) => {
    if (value !== null) equations.push(sum(rows[r], value));
  });
  table.columnTotals.forEach((value, c) => {
    if (value !== null) equations.push(sum(rows.map((row) => row[c]), value));
  });
  if (table.grandTotal !== null) equations.push(sum(rows.flat(), table.grandTotal));
  return new AtomSystem(equations);
}

describe('sums of adjacent outcome columns are audited as figures of their own', () => {
  // 18–24: 10 persons, 4 reached B1 (after 3, 15, 15 and 27 months: one in each interval, two in the second), 6 did
  // not; each interval count is below k, "not within 36 months" (6) and the group (10) are not: printed, they gave
  // "4 reached B1 within 36 months" away.
  const persons = [
    ...[3, 15, 15, 27, undefined, undefined, undefined, undefined, undefined, undefined].map((months, i) =>
      person('2024-Q1', i % 2 ? 'male' : 'female', '18_24', months),
    ),
    ...many(20, (i) => person('2024-Q1', i % 2 ? 'male' : 'female', '25_34', i < 12 ? 5 : undefined)),
    ...many(20, (i) => person('2024-Q1', i % 2 ? 'male' : 'female', '35_44', i < 6 ? 8 : i < 12 ? 30 : undefined)),
    ...many(15, (i) => person('2024-Q1', i % 2 ? 'male' : 'female', '45_plus', i < 8 ? 20 : undefined)),
  ];
  const metrics = metricsOf(persons, '2024-Q1', '2024-Q1');
  const printed = asPublished(findTable(buildReleaseSections(TEMPLATE, metrics, 5).sections, 'breakdown.ageBand.b1'));
  const row = printed.rowLabels.indexOf('unter 25');
  const intervals = ['in den ersten 12 Monaten', 'im 13. bis 24. Monat', 'im 25. bis 36. Monat'].map((label) => printed.columnLabels.indexOf(label));

  it('the table is the one described (the test can fail: the group and its columns are where the comment says)', () => {
    expect(row).toBeGreaterThanOrEqual(0);
    expect(intervals.every((c) => c >= 0)).toBe(true);
    expect(intervals.map((c) => printed.cells[row][c])).toEqual([null, null, null]);
  });

  it('"reached within 36 months" (4) of the group cannot be read off the printed table', () => {
    const system = printedTableSystem(printed);
    const within36 = system.interval(intervals.map((c) => `${row}:${c}`));
    expect(within36.min).toBeLessThanOrEqual(4);
    expect(within36.max).toBeGreaterThanOrEqual(4);
    expect(within36.max - within36.min).toBeGreaterThanOrEqual(1);
  });

  it('every hidden run of adjacent outcome columns of every row is at least k or at least the protection width wide', () => {
    const system = printedTableSystem(printed);
    const after = [...intervals, printed.columnLabels.indexOf('nicht innerhalb von 36 Monaten')].filter((c) => c >= 0);
    for (let r = 0; r < printed.rowLabels.length; r++)
      for (let from = 0; from < after.length; from++)
        for (let to = from + 1; to < after.length; to++) {
          const run = after.slice(from, to + 1).map((c) => `${r}:${c}`);
          const { min, max } = system.interval(run);
          if (max - min < 1) expect(min).toBeGreaterThanOrEqual(5);
        }
  });
});

describe('the audit across releases (acceptance 2, on hand-made releases)', () => {
  // 2024-Q1: 22 men (14 with B1 in the first year, 5 in the third), 15 women, 3 aged 45 or more (the small group); later
  // quarters 10 men, 8 women and 2 aged 45 or more each, and only 2 more men with B1 in the first year (Q2), 6 per quarter in
  // the second: every count of men in the year is ≥ k, and year minus quarter would give the 2.
  const MEN_B1: Record<string, (i: number) => number | undefined> = {
    '2024-Q1': (i) => (i < 14 ? 3 : i < 19 ? 30 : undefined),
    '2024-Q2': (i) => (i < 2 ? 3 : i < 8 ? 15 : undefined),
    '2024-Q3': (i) => (i < 6 ? 15 : undefined),
    '2024-Q4': (i) => (i < 6 ? 15 : undefined),
  };
  const quarter = (
    cohort: string,
    men: number,
    women: number,
    diverse: number,
  ) => [
    ...many(men, (i) =>
      person(cohort, 'male', i % 2 ? '25_34' : '35_44', MEN_B1[cohort](i)),
    ),
    ...many(women, (i) =>
      person(
        cohort,
        'female',
        i % 2 ? '25_34' : '35_44',
        i % 3 ? 14 : undefined,
      ),
    ),
    ...many(diverse, () => person(cohort, 'female', '45_plus', 4)),
  ];
  const persons = [
    ...quarter('2024-Q1', 22, 15, 3),
    ...quarter('2024-Q2', 10, 8, 2),
    ...quarter('2024-Q3', 10, 8, 2),
    ...quarter('2024-Q4', 10, 8, 2),
  ];
  const q1Metrics = metricsOf(persons, '2024-Q1', '2024-Q1');
  const yearMetrics = metricsOf(persons, '2024-Q1', '2024-Q4');
  const q1 = buildReleaseSections(TEMPLATE, q1Metrics, 5).figures;
  const divers = (figures: readonly ReleasedFigure[], quarters: string[]) =>
    figures.find(
      (f) =>
        f.scope.family === 'size:ageBand' &&
        f.scope.quarters.join() === quarters.join() &&
        f.scope.rows.join() === '45_plus',
    );

  it('without the ledger, quarter and year together give a small aggregate away: year minus quarter (the test can fail)', () => {
    const yearAlone = buildReleaseSections(TEMPLATE, yearMetrics, 5).figures;
    const audit = auditReleases({
      prior: q1,
      release: yearAlone,
      k: 5,
      truth: () => undefined,
    });
    expect(audit.passed).toBe(false);
  });

  it('quarter then year: the year is suppressed further until nothing hidden is narrower than the protection width', () => {
    const year = buildReleaseSections(TEMPLATE, yearMetrics, 5, q1).figures;
    expect(divers(q1, ['2024-Q1'])?.value).toBeNull();
    const audit = auditReleases({ prior: q1, release: year, k: 5 });
    expect(audit.failures).toEqual([]);
    const q1Divers = divers(q1, ['2024-Q1']);
    if (!q1Divers) throw new Error('no divers figure');
    const interval = audit.system.interval(audit.atomsOf(q1Divers.scope));
    expect(interval.max - interval.min).toBeGreaterThanOrEqual(1);
    // Old figures are never changed: every figure of the quarter is as it was.
    expect(q1.every((f) => f.value === null || f.value >= 5)).toBe(true);
  });

  it('year then quarter: the quarter is suppressed further instead', () => {
    const year = buildReleaseSections(TEMPLATE, yearMetrics, 5).figures;
    const quarterAfter = buildReleaseSections(
      TEMPLATE,
      q1Metrics,
      5,
      year,
    ).figures;
    const audit = auditReleases({ prior: year, release: quarterAfter, k: 5 });
    expect(audit.failures).toEqual([]);
    const published = new Set(
      quarterAfter
        .filter((f) => f.value !== null)
        .map((f) => scopeKey(f.scope)),
    );
    const unprotected = q1.filter(
      (f) => f.value !== null && !published.has(scopeKey(f.scope)),
    );
    expect(unprotected.length).toBeGreaterThan(0);
  });
});

describe('status tables are recorded and audited across releases (employment at month 24: four quarters, then the year)', () => {
  // Month 24: Q1 40 persons — 20 sozialversicherungspflichtig, 12 selbständig, 3 Minijob, 5 not employed (the
  // quarter hides the 3 and, as its complement, the 5); Q2–Q4 20 each — 5 sozialversicherungspflichtig, 15 not
  // employed, nobody selbständig or in a Minijob (printed zeros). The year alone hides its Minijob 3 and the
  // smallest other count, selbständig 12; with the quarters' printed figures that gives the 3 away (year minus
  // quarters), unless the year is audited together with them.
  const KINDS: Record<string, readonly [number, number, number, number]> = {
    '2024-Q1': [20, 12, 3, 5],
    '2024-Q2': [5, 0, 0, 15],
    '2024-Q3': [5, 0, 0, 15],
    '2024-Q4': [5, 0, 0, 15],
  };
  const QUARTERS = Object.keys(KINDS);
  const kindOf = (counts: readonly number[], i: number): EmploymentKind | undefined =>
    i < counts[0] ? 'socialInsurance' : i < counts[0] + counts[1] ? 'selfEmployed' : i < counts[0] + counts[1] + counts[2] ? 'miniJob' : undefined;
  const persons = QUARTERS.flatMap((cohort) => {
    const counts = KINDS[cohort];
    return many(counts.reduce((a, b) => a + b, 0), (i): FixturePerson => ({
      ...person(cohort, i % 2 ? 'male' : 'female', i % 3 ? '25_34' : '35_44', i % 2 ? 10 : undefined),
      employedAt: { month24: kindOf(counts, i) },
    }));
  });
  const yearMetrics = metricsOf(persons, '2024-Q1', '2024-Q4');
  const id = 'status.employment.month24';
  let ledger: ReleasedFigure[] = [];
  const quarterReleases = QUARTERS.map((quarter) => {
    const release = buildReleaseSections(TEMPLATE, metricsOf(persons, quarter, quarter), 5, ledger);
    ledger = [...ledger.filter((f) => !release.figures.some((g) => scopeKey(g.scope) === scopeKey(f.scope))), ...release.figures];
    return release;
  });
  const year = buildReleaseSections(TEMPLATE, yearMetrics, 5, ledger);
  const yearAlone = buildReleaseSections(TEMPLATE, yearMetrics, 5);
  const columns = ['socialInsurance', 'selfEmployed', 'miniJob', 'notEmployed'];

  /**
   * Hidden counts below k that an LP over the printed status tables narrows to less than the protection width.
   * Independent of the audit under test: one atom per quarter and status, an equation per printed figure (rows are
   * cohorts — a year row spans its quarters —, the last row and column are the totals).
   */
  function narrowedHidden(tables: readonly EvaluationTableResponse[]) {
    const printed = tables.map(asPublished);
    const quartersOf = (label: string) => (label === 'Insgesamt' ? QUARTERS : [label]);
    const atoms = (qs: string[], cs: number[]) => qs.flatMap((q) => cs.map((c) => `${q}:${c}`));
    const truth = (qs: string[], cs: number[]) => qs.reduce((total, q) => total + cs.reduce((sum, c) => sum + KINDS[q][c], 0), 0);
    const equations: Equation[] = [];
    const hidden: { cells: string[]; truth: number }[] = [];
    for (const table of printed) {
      const every = columns.map((_, c) => c);
      const entries: [string[], number[], number | null][] = [];
      table.rowLabels.forEach((label, r) => {
        table.cells[r].forEach((value, c) => entries.push([quartersOf(label), [c], value]));
        entries.push([quartersOf(label), every, table.rowTotals[r]]);
      });
      const rows = table.rowLabels.flatMap(quartersOf);
      table.columnTotals.forEach((value, c) => entries.push([rows, [c], value]));
      entries.push([rows, every, table.grandTotal]);
      for (const [qs, cs, value] of entries) {
        if (value === null) hidden.push({ cells: atoms(qs, cs), truth: truth(qs, cs) });
        else equations.push({ terms: new Map(atoms(qs, cs).map((a) => [a, 1])), rhs: value });
      }
    }
    const system = new AtomSystem(equations);
    return hidden
      .filter(({ truth }) => truth < 5)
      .map(({ cells }) => ({ cells, ...system.interval(cells) }))
      .filter(({ min, max }) => max - min < 1);
  }

  it('records the status table in the ledger (its own family, one figure per printed cell and total)', () => {
    const status = quarterReleases[0].figures.filter((f) => f.scope.family === `status:${id}:all`);
    expect(status.map((f) => f.scope.columns.join())).toEqual(expect.arrayContaining(columns));
    expect(status.find((f) => f.scope.columns.join() === 'miniJob')?.value).toBeNull();
  });

  it('without the ledger, the year and the quarters together give the Minijob 3 of Q1 away (the test can fail)', () => {
    const tables = [...quarterReleases, yearAlone].map((r) => findTable(r.sections, id));
    expect(tables[0].rows[0].values.slice(0, 4)).toEqual([20, 12, null, null]);
    expect(narrowedHidden(tables)).not.toEqual([]);
  });

  it('with the ledger, an LP over all five printed tables narrows no hidden count below k to less than the protection width', () => {
    const tables = [...quarterReleases, year].map((r) => findTable(r.sections, id));
    expect(narrowedHidden(tables)).toEqual([]);
  });
});
