import {
  countTable,
  InconsistentLinkedTablesError,
  type CountTable,
} from '../disclosure';
import type { Breakdown } from '../metrics/evaluation-metrics.sql';
import type {
  CohortOutcomes,
  EvaluationMetrics,
  MeasureKey,
} from '../metrics/evaluation-metrics.types';
import {
  breakdownGroups,
  checkCohort,
  cohortLabelsBetween,
  cohortTotals,
  intervalCounts,
  InvalidReportMetricsError,
  zeros,
} from './report-cohorts';
import {
  BREAKDOWN_SCHEMES,
  CLOSURE_REASON_LABELS,
  COHORT_HEADING,
  FIELD_OF_ACTION_LABELS,
  GOAL_STATE_LABELS,
  INTERVAL_KEYS,
  INTERVAL_LABELS,
  MEASURE_LABELS,
  MEDIAN_COLUMNS,
  REPORT_CLOSURE_REASONS,
  REPORT_FIELDS_OF_ACTION,
  REPORT_MEASURES,
  SOFT_CHANGE_KEYS,
  SOFT_CHANGE_LABELS,
  SOFT_FACTOR_KEYS,
  SOFT_FACTOR_LABELS,
  type ReportedGoalState,
} from './report-labels';
import { NOTES } from './report-notes';
import type { EvaluationReportTemplate } from './report-templates';
import type { PlannedCaseloadTable } from './caseload-table';
import { plansSection, statusSection, timeToEventSection } from './outcome-sections';
import type { CohortInput, PlannedStatusTable } from './status-tables';
import type { PlannedTimeToEventTable } from './time-to-event';

/** The raw metrics a report is built from: the cohort totals and one result per breakdown of the template. */
export interface ReportMetrics {
  readonly total: EvaluationMetrics;
  readonly byBreakdown: Partial<Record<Breakdown, EvaluationMetrics>>;
}

/** A count table before disclosure control. `withTotals: false`: overlapping categories, cells only. */
export interface PlannedCountTable {
  readonly kind: 'count';
  readonly id: string;
  readonly title: string;
  readonly rowHeading: string;
  readonly table: CountTable;
  readonly withTotals: boolean;
  readonly footnotes: readonly string[];
}

/**
 * Cumulative shares within 12/24/36 months, derived from an interval count table (`source`) after its suppression.
 * `denominators`: per source row and then for its total row, the size of the group and its report-wide key (the
 * share is shown only where that size is published too).
 */
export interface PlannedShareTable {
  readonly kind: 'share';
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly denominators: readonly {
    readonly key: string;
    readonly value: number;
  }[];
  readonly footnotes: readonly string[];
}

/** Medians of months, each published only when at least k people reached the outcome. */
export interface PlannedMedianTable {
  readonly kind: 'median';
  readonly id: string;
  readonly title: string;
  readonly rowHeading: string;
  readonly columnLabels: readonly string[];
  readonly rows: readonly {
    label: string;
    medians: readonly (number | null)[];
    reached: readonly number[];
  }[];
  readonly footnotes: readonly string[];
}

export type PlannedTable =
  | PlannedCountTable
  | PlannedShareTable
  | PlannedMedianTable
  | PlannedStatusTable
  | PlannedTimeToEventTable
  | PlannedCaseloadTable;

export interface PlannedSection {
  readonly id: string;
  readonly title: string;
  readonly tables: readonly PlannedTable[];
}

const INTERVAL_COLUMNS = INTERVAL_KEYS.map((key) => INTERVAL_LABELS[key]);
const CLIENTS = 'clients';
const cohortKey = (cohort: string) => `${CLIENTS}|cohort=${cohort}`;
const groupKey = (breakdown: Breakdown, group: string) =>
  `${CLIENTS}|${breakdown}=${group}`;
const intervalKeys = (measure: MeasureKey) =>
  INTERVAL_KEYS.map((interval) => `${measure}|interval=${interval}`);
const within36Key = (measure: MeasureKey) => `${measure}|within36`;
type Denominator = PlannedShareTable['denominators'][number];

/** Plans every section of a template from the metrics (pure; no suppression yet). */
export function planReport(
  template: EvaluationReportTemplate,
  metrics: ReportMetrics,
): PlannedSection[] {
  const { total } = metrics;
  if (total.breakdown !== null || total.granularity !== template.granularity)
    throw new InvalidReportMetricsError('totals do not match the template');
  const cohorts = cohortLabelsBetween(
    total.firstCohort,
    total.lastCohort,
    total.granularity,
  );
  const totals = cohortTotals(total, cohorts);
  const byCohort = (cohort: string): CohortOutcomes | undefined =>
    totals.get(cohort);
  const breakdowns = template.breakdowns.map((breakdown) => {
    const result = metrics.byBreakdown[breakdown];
    if (
      !result ||
      result.breakdown !== breakdown ||
      result.firstCohort !== total.firstCohort ||
      result.lastCohort !== total.lastCohort ||
      result.granularity !== total.granularity
    )
      throw new InvalidReportMetricsError(`metrics by ${breakdown} missing`);
    assertSameCohortSizes(result, cohorts, byCohort);
    return { breakdown, result };
  });
  const input: CohortInput = { cohorts, byCohort, granularity: total.granularity, observedUntil: total.observedUntil };

  const sections: Record<string, () => PlannedSection | null> = {
    cohorts: () => ({
      id: 'cohorts',
      title: 'Kohorten',
      tables:
        breakdowns.length === 0
          ? [cohortSizes(cohorts, byCohort)]
          : breakdowns.map(({ breakdown, result }) =>
              cohortsByGroup(breakdown, result, cohorts),
            ),
    }),
    outcomes: () => {
      const denominators: Denominator[] = [
        ...cohorts.map((cohort) => ({
          key: cohortKey(cohort),
          value: byCohort(cohort)?.clients ?? 0,
        })),
        {
          key: CLIENTS,
          value: sumOf(cohorts.map((c) => byCohort(c)?.clients ?? 0)),
        },
      ];
      return {
        id: 'outcomes',
        title: 'Ergebnisse nach Kohorte',
        tables: [
          ...REPORT_MEASURES.flatMap((measure) =>
            withShares(
              outcomesByCohort(measure, cohorts, byCohort),
              denominators,
            ),
          ),
          mediansByCohort(cohorts, byCohort),
        ],
      };
    },
    timeToEvent: () => timeToEventSection(input),
    status: () => statusSection(input),
    breakdowns: () => null,
    goals: () => goals(total),
    plans: () => plansSection(input, total),
    softRatings: () => softRatings(total, cohorts),
    closures: () => closures(total, cohorts),
  };
  return template.sections.flatMap((kind): PlannedSection[] => {
    if (kind === 'breakdowns') {
      return breakdowns.map(({ breakdown, result }) => ({
        id: `breakdown.${breakdown}`,
        title: `Ergebnisse nach ${BREAKDOWN_SCHEMES[breakdown].heading}`,
        tables: template.breakdownMeasures.flatMap((measure) =>
          withShares(...outcomesByGroup(breakdown, measure, result, cohorts)),
        ),
      }));
    }
    const section = sections[kind]();
    return section ? [section] : [];
  });
}

/** The groups of a breakdown add up to the cohort totals (else the queries saw different data). */
function assertSameCohortSizes(
  result: EvaluationMetrics,
  cohorts: readonly string[],
  byCohort: (cohort: string) => CohortOutcomes | undefined,
): void {
  for (const cohort of cohorts) {
    const sum = sumOf(
      result.cohorts
        .filter((row) => row.cohort === cohort)
        .map((row) => row.clients),
    );
    if (sum !== (byCohort(cohort)?.clients ?? 0))
      throw new InconsistentLinkedTablesError(cohortKey(cohort));
  }
}

function withShares(
  counts: PlannedCountTable,
  denominators: readonly Denominator[],
): PlannedTable[] {
  return [
    counts,
    {
      kind: 'share',
      id: `${counts.id}.shares`,
      title: counts.title.replace(SHARE_TITLE_FROM, SHARE_TITLE_TO),
      source: counts.id,
      denominators,
      footnotes: [NOTES.cumulative, NOTES.censored],
    },
  ];
}

const SHARE_TITLE_FROM = ': erreicht innerhalb von 36 Monaten, nach Zeitpunkt';
const SHARE_TITLE_TO = ': Anteil der Personen';
const sumOf = (values: readonly number[]) =>
  values.reduce((sum, v) => sum + v, 0);

/** Cohort sizes alone (only when the template has no breakdown whose tables print them). */
function cohortSizes(
  cohorts: readonly string[],
  byCohort: (cohort: string) => CohortOutcomes | undefined,
): PlannedCountTable {
  return {
    kind: 'count',
    id: 'cohorts.total',
    title: 'Personen nach Kohorte',
    rowHeading: COHORT_HEADING,
    table: countTable(
      cohorts,
      ['Personen'],
      cohorts.map((cohort) => [byCohort(cohort)?.clients ?? 0]),
      { rowTotals: cohorts.map(cohortKey), grandTotal: CLIENTS },
    ),
    withTotals: true,
    footnotes: [NOTES.cohort],
  };
}

function cohortsByGroup(
  breakdown: Breakdown,
  result: EvaluationMetrics,
  cohorts: readonly string[],
): PlannedCountTable {
  const { groups, groupOf } = breakdownGroups(
    breakdown,
    result.cohorts.map((row) => row.group ?? ''),
  );
  const cells = zeros(cohorts.length, groups.length);
  for (const row of result.cohorts) {
    checkCohort(row.cohort, cohorts);
    cells[cohorts.indexOf(row.cohort)][groupOf(row.group)] += row.clients;
  }
  return {
    kind: 'count',
    id: `cohorts.${breakdown}`,
    title: `Personen nach Kohorte und ${BREAKDOWN_SCHEMES[breakdown].heading}`,
    rowHeading: COHORT_HEADING,
    table: countTable(
      cohorts,
      groups.map((g) => g.label),
      cells,
      {
        rowTotals: cohorts.map(cohortKey),
        columnTotals: groups.map((g) => groupKey(breakdown, g.key)),
        grandTotal: CLIENTS,
      },
    ),
    withTotals: true,
    footnotes: [NOTES.cohort],
  };
}

function outcomesByCohort(
  measure: MeasureKey,
  cohorts: readonly string[],
  byCohort: (cohort: string) => CohortOutcomes | undefined,
): PlannedCountTable {
  const cells = cohorts.map((cohort) => {
    const row = byCohort(cohort);
    return row
      ? intervalCounts(row.outcomes[measure], row.clients)
      : INTERVAL_KEYS.map(() => 0);
  });
  return {
    kind: 'count',
    id: `outcomes.${measure}`,
    title: `${MEASURE_LABELS[measure]}${SHARE_TITLE_FROM}`,
    rowHeading: COHORT_HEADING,
    table: countTable(cohorts, INTERVAL_COLUMNS, cells, {
      columnTotals: intervalKeys(measure),
      grandTotal: within36Key(measure),
    }),
    withTotals: true,
    footnotes: [NOTES.cohort, NOTES.months],
  };
}

function outcomesByGroup(
  breakdown: Breakdown,
  measure: MeasureKey,
  result: EvaluationMetrics,
  cohorts: readonly string[],
): [PlannedCountTable, Denominator[]] {
  const { groups, groupOf } = breakdownGroups(
    breakdown,
    result.cohorts.map((row) => row.group ?? ''),
  );
  const cells = zeros(groups.length, INTERVAL_KEYS.length);
  const sizes = new Array<number>(groups.length).fill(0);
  for (const row of result.cohorts) {
    checkCohort(row.cohort, cohorts);
    const g = groupOf(row.group);
    const counts = intervalCounts(row.outcomes[measure], row.clients);
    counts.forEach((count, i) => (cells[g][i] += count));
    sizes[g] += row.clients;
  }
  const scheme = BREAKDOWN_SCHEMES[breakdown];
  const table: PlannedCountTable = {
    kind: 'count',
    id: `breakdown.${breakdown}.${measure}`,
    title: `${MEASURE_LABELS[measure]} nach ${scheme.heading}${SHARE_TITLE_FROM}`,
    rowHeading: scheme.heading,
    table: countTable(
      groups.map((g) => g.label),
      INTERVAL_COLUMNS,
      cells,
      { columnTotals: intervalKeys(measure), grandTotal: within36Key(measure) },
    ),
    withTotals: true,
    footnotes: [NOTES.allCohorts, NOTES.months],
  };
  return [
    table,
    [
      ...groups.map((g, i) => ({
        key: groupKey(breakdown, g.key),
        value: sizes[i],
      })),
      { key: CLIENTS, value: sumOf(sizes) },
    ],
  ];
}

function mediansByCohort(
  cohorts: readonly string[],
  byCohort: (cohort: string) => CohortOutcomes | undefined,
): PlannedMedianTable {
  return {
    kind: 'median',
    id: 'outcomes.medians',
    title: 'Dauer bis zum Ergebnis (Median in Monaten)',
    rowHeading: COHORT_HEADING,
    columnLabels: [MEDIAN_COLUMNS.b1, MEDIAN_COLUMNS.employment],
    rows: cohorts.map((cohort) => {
      const row = byCohort(cohort);
      return {
        label: cohort,
        medians: [
          row?.medianMonths.b1 ?? null,
          row?.medianMonths.employment ?? null,
        ],
        reached: [
          row?.outcomes.b1.reached ?? 0,
          row?.outcomes.employment.reached ?? 0,
        ],
      };
    }),
    footnotes: [NOTES.median],
  };
}

function goals(total: EvaluationMetrics): PlannedSection {
  const states = Object.keys(GOAL_STATE_LABELS) as ReportedGoalState[];
  const cells = zeros(REPORT_FIELDS_OF_ACTION.length, states.length);
  for (const row of total.goals) {
    const field = (REPORT_FIELDS_OF_ACTION as readonly string[]).indexOf(
      row.fieldOfAction,
    );
    const state = (states as readonly string[]).indexOf(row.state);
    if (field < 0 || state < 0 || row.group !== null)
      throw new InvalidReportMetricsError('goal outside the vocabulary');
    cells[field][state] += row.clients;
  }
  return {
    id: 'goals',
    title: 'Ziele nach Handlungsfeld',
    tables: [
      {
        kind: 'count',
        id: 'goals.byField',
        title: 'Personen mit Zielen nach Handlungsfeld und Stand',
        rowHeading: 'Handlungsfeld',
        table: countTable(
          REPORT_FIELDS_OF_ACTION.map((f) => FIELD_OF_ACTION_LABELS[f]),
          states.map((s) => GOAL_STATE_LABELS[s]),
          cells,
        ),
        withTotals: false,
        footnotes: [NOTES.goals],
      },
    ],
  };
}

function softRatings(
  total: EvaluationMetrics,
  cohorts: readonly string[],
): PlannedSection {
  return {
    id: 'softRatings',
    title: 'Weiche Faktoren',
    tables: SOFT_FACTOR_KEYS.map((factor): PlannedCountTable => {
      const cells = zeros(cohorts.length, SOFT_CHANGE_KEYS.length);
      for (const row of total.softRatings.filter((r) => r.factor === factor)) {
        checkCohort(row.cohort, cohorts);
        if (row.group !== null)
          throw new InvalidReportMetricsError('soft rating with a group');
        SOFT_CHANGE_KEYS.forEach(
          (change, c) => (cells[cohorts.indexOf(row.cohort)][c] += row[change]),
        );
      }
      return {
        kind: 'count',
        id: `softRatings.${factor}`,
        title: `${SOFT_FACTOR_LABELS[factor]}: erste gegenüber letzter Einschätzung`,
        rowHeading: COHORT_HEADING,
        table: countTable(
          cohorts,
          SOFT_CHANGE_KEYS.map((change) => SOFT_CHANGE_LABELS[change]),
          cells,
        ),
        withTotals: true,
        footnotes: [NOTES.softRatings],
      };
    }),
  };
}

/** Reasons as rows and cohorts as columns (short labels, so the table fits the page however many reasons). */
function closures(
  total: EvaluationMetrics,
  cohorts: readonly string[],
): PlannedSection {
  const reasons: readonly string[] = REPORT_CLOSURE_REASONS;
  const cells = zeros(reasons.length, cohorts.length);
  for (const row of total.closures) {
    checkCohort(row.cohort, cohorts);
    const reason = reasons.indexOf(row.reason);
    if (reason < 0 || row.group !== null)
      throw new InvalidReportMetricsError(
        'closure reason outside the vocabulary',
      );
    cells[reason][cohorts.indexOf(row.cohort)] += row.clients;
  }
  return {
    id: 'closures',
    title: 'Beendigung der Betreuung',
    tables: [
      {
        kind: 'count',
        id: 'closures.byReason',
        title: 'Beendete Betreuungen nach Grund und Kohorte',
        rowHeading: 'Grund der Beendigung',
        table: countTable(
          REPORT_CLOSURE_REASONS.map((r) => CLOSURE_REASON_LABELS[r]),
          cohorts,
          cells,
        ),
        withTotals: true,
        footnotes: [NOTES.closures],
      },
    ],
  };
}
