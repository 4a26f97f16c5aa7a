import {
  countTable,
  DEFAULT_K,
  InconsistentLinkedTablesError,
  type CountTable,
} from '../disclosure';
import {
  entryKeysOf,
  entryScopes,
  quartersOf,
  type AxisScope,
  type TableScope,
} from '../releases/figure-scope';
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
  InvalidReportMetricsError,
  mergeSmallGroups,
  observableFor,
  outcomeCells,
  zeros,
} from './report-cohorts';
import {
  BREAKDOWN_SCHEMES,
  CLOSURE_REASON_LABELS,
  COHORT_HEADING,
  FIELD_OF_ACTION_LABELS,
  GOAL_STATE_LABELS,
  MEASURE_LABELS,
  NOT_REACHED_OR_AT_START_LABEL,
  OUTCOME_COLUMN_LABELS,
  outcomeColumns,
  type OutcomeColumnKey,
  WINDOW_MONTHS,
  REPORT_CLOSURE_REASONS,
  REPORT_FIELDS_OF_ACTION,
  REPORT_MEASURES,
  SOFT_CHANGE_KEYS,
  SOFT_CHANGE_LABELS,
  SOFT_FACTOR_KEYS,
  SOFT_FACTOR_LABELS,
  type ReportedGoalState,
} from './report-labels';
import { breakdownNotes, NOTES } from './report-notes';
import type { EvaluationReportTemplate } from './report-templates';
import type { PlannedCaseloadTable } from './caseload-table';
import {
  plansSection,
  statusSection,
  timeToEventSection,
} from './outcome-sections';
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
  /** What each entry counts, for the release ledger (absent: the table is not recorded nor audited across releases). */
  readonly scope?: TableScope;
}

/**
 * Cumulative shares within 12/24/36 months, derived from an outcome count table (`source`) after its suppression:
 * numerator = the interval cells up to the window, denominator = the row total minus "bei Beginn vorhanden" (when
 * the measure has that column), i.e. the persons who could still reach the outcome. `observable[row][window]`
 * (source rows, then the total row): false when a cohort of that row cannot have been observed that long yet.
 */
export interface PlannedShareTable {
  readonly kind: 'share';
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly atStartColumn: boolean;
  readonly observable: readonly (readonly boolean[])[];
  readonly footnotes: readonly string[];
}

export type PlannedTable =
  | PlannedCountTable
  | PlannedShareTable
  | PlannedStatusTable
  | PlannedTimeToEventTable
  | PlannedCaseloadTable;

export interface PlannedSection {
  readonly id: string;
  readonly title: string;
  readonly tables: readonly PlannedTable[];
}

const CLIENTS = 'clients';
const cohortKey = (cohort: string) => `${CLIENTS}|cohort=${cohort}`;
const groupKey = (breakdown: Breakdown, members: readonly string[]) =>
  `${CLIENTS}|${breakdown}=${[...members].sort().join('+')}`;
const outcomeKeys = (
  measure: MeasureKey,
  members: readonly (readonly string[])[],
) => members.map((m) => `${measure}|${m.join('+')}`);
/** Row member of the dimension `all` (no breakdown). */
const ALL = '*';
const quartersOfAll = (cohorts: readonly string[]) =>
  cohorts.flatMap(quartersOf);
/** The scope of a table with one row per cohort. */
function cohortRowsScope(
  family: string,
  cohorts: readonly string[],
  columns: readonly string[],
  columnAxis: readonly AxisScope[],
): TableScope {
  return {
    family,
    quarters: quartersOfAll(cohorts),
    rows: [ALL],
    columns,
    rowAxis: cohorts.map((cohort) => ({ quarters: quartersOf(cohort) })),
    columnAxis,
  };
}
/** Attaches a scope and the entry keys derived from it. */
function withScope(
  table: Omit<PlannedCountTable, 'scope'>,
  scope: TableScope,
): PlannedCountTable {
  return {
    ...table,
    table: { ...table.table, entryKeys: entryKeysOf(entryScopes(scope)) },
    scope,
  };
}

/**
 * Plans every section of a template from the metrics (pure; no suppression yet). `k` decides which breakdown
 * groups are merged into "übrige" (see `mergeSmallGroups`).
 */
export function planReport(
  template: EvaluationReportTemplate,
  metrics: ReportMetrics,
  k: number = DEFAULT_K,
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
    return { breakdown, result, groups: reportGroups(breakdown, result, k) };
  });
  const observedUntil = total.observedUntil;
  const input: CohortInput = {
    cohorts,
    byCohort,
    granularity: total.granularity,
    observedUntil,
  };
  const observable = (rows: readonly (readonly string[])[]) =>
    rows.map((rowCohorts) =>
      WINDOW_MONTHS.map((months) =>
        rowCohorts.every((cohort) =>
          observableFor(cohort, months, observedUntil),
        ),
      ),
    );

  const sections: Record<string, () => PlannedSection | null> = {
    cohorts: () => ({
      id: 'cohorts',
      title: 'Kohorten',
      tables:
        breakdowns.length === 0
          ? [cohortSizes(cohorts, byCohort)]
          : breakdowns.map(({ breakdown, result, groups }) =>
              cohortsByGroup(breakdown, result, cohorts, groups),
            ),
    }),
    outcomes: () => ({
      id: 'outcomes',
      title: 'Ergebnisse nach Kohorte',
      tables: [
        ...REPORT_MEASURES.flatMap((measure) =>
          withShares(
            outcomesByCohort(measure, cohorts, byCohort, k),
            observable([...cohorts.map((c) => [c]), cohorts]),
          ),
        ),
      ],
    }),
    timeToEvent: () => timeToEventSection(input),
    status: () => statusSection(input),
    breakdowns: () => null,
    goals: () => goals(total, cohorts),
    plans: () => plansSection(input, total),
    softRatings: () => softRatings(total, cohorts),
    closures: () => closures(total, cohorts),
  };
  return template.sections.flatMap((kind): PlannedSection[] => {
    if (kind === 'breakdowns') {
      return breakdowns.map(({ breakdown, result, groups }) => ({
        id: `breakdown.${breakdown}`,
        title: `Ergebnisse nach ${BREAKDOWN_SCHEMES[breakdown].heading}`,
        tables: template.breakdownMeasures.flatMap((measure) =>
          withShares(
            outcomesByGroup(breakdown, measure, result, cohorts, groups, k),
            observable([...groups.groups.map(() => cohorts), cohorts]),
          ),
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

/** The printed groups of a breakdown in the period, small ones merged into "übrige". */
function reportGroups(
  breakdown: Breakdown,
  result: EvaluationMetrics,
  k: number,
): ReturnType<typeof breakdownGroups> {
  const scheme = breakdownGroups(
    breakdown,
    result.cohorts.map((row) => row.group ?? ''),
  );
  const sizes = scheme.groups.map(() => 0);
  for (const row of result.cohorts)
    sizes[scheme.groupOf(row.group)] += row.clients;
  return mergeSmallGroups(scheme, sizes, k);
}

function withShares(
  counts: PlannedCountTable,
  observable: readonly (readonly boolean[])[],
): PlannedTable[] {
  return [
    counts,
    {
      kind: 'share',
      id: `${counts.id}.shares`,
      title: counts.title.replace(SHARE_TITLE_FROM, SHARE_TITLE_TO),
      source: counts.id,
      atStartColumn: counts.table.columnLabels.includes(
        OUTCOME_COLUMN_LABELS.atStart,
      ),
      observable,
      footnotes: [NOTES.cumulative, NOTES.censored],
    },
  ];
}

const SHARE_TITLE_FROM = ': Personen nach Zeitpunkt des ersten Erreichens';
const SHARE_TITLE_TO = ': Anteil der Personen';
const sumOf = (values: readonly number[]) =>
  values.reduce((sum, v) => sum + v, 0);

/** Cohort sizes alone (only when the template has no breakdown whose tables print them). */
function cohortSizes(
  cohorts: readonly string[],
  byCohort: (cohort: string) => CohortOutcomes | undefined,
): PlannedCountTable {
  return withScope(
    {
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
    },
    cohortRowsScope('size:all', cohorts, [ALL], [{}]),
  );
}

function cohortsByGroup(
  breakdown: Breakdown,
  result: EvaluationMetrics,
  cohorts: readonly string[],
  { groups, groupOf }: ReturnType<typeof breakdownGroups>,
): PlannedCountTable {
  const cells = zeros(cohorts.length, groups.length);
  for (const row of result.cohorts) {
    checkCohort(row.cohort, cohorts);
    cells[cohorts.indexOf(row.cohort)][groupOf(row.group)] += row.clients;
  }
  const members = groups.flatMap((g) => g.members);
  return withScope(
    {
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
          columnTotals: groups.map((g) => groupKey(breakdown, g.members)),
          grandTotal: CLIENTS,
        },
      ),
      withTotals: true,
      footnotes: [
        NOTES.cohort,
        ...breakdownNotes(breakdown),
        ...mergedFootnote(groups),
      ],
    },
    {
      family: `size:${breakdown}`,
      quarters: quartersOfAll(cohorts),
      rows: members,
      columns: [ALL],
      rowAxis: cohorts.map((cohort) => ({ quarters: quartersOf(cohort) })),
      columnAxis: groups.map((g) => ({ rows: g.members })),
    },
  );
}

/** "übrige" lists its members. */
function mergedFootnote(
  groups: ReturnType<typeof breakdownGroups>['groups'],
): string[] {
  const other = groups.find((g) => g.mergedLabels);
  return other?.mergedLabels
    ? [
        `„${other.label}“ fasst Gruppen mit weniger Personen als der Mindestfallzahl zusammen: ${other.mergedLabels.join(', ')}.`,
      ]
    : [];
}

/**
 * When fewer than k persons of the whole table had the outcome at start, "bei Beginn vorhanden" is folded into the
 * last column (it would be suppressed in every row and take the shares' denominators with it); the shares then
 * refer to all persons. `members`: the outcome columns each printed column sums (the ledger scope).
 */
function foldAtStart(
  measure: MeasureKey,
  raw: readonly (readonly number[])[],
  k: number,
): {
  columns: OutcomeColumnKey[];
  cells: number[][];
  labels: string[];
  members: OutcomeColumnKey[][];
} {
  const all = outcomeColumns(measure);
  const atStartTotal = sumOf(
    raw.map((row) => (all[0] === 'atStart' ? row[0] : 0)),
  );
  if (all[0] !== 'atStart' || atStartTotal >= k)
    return {
      columns: all,
      cells: raw.map((row) => [...row]),
      labels: all.map((c) => OUTCOME_COLUMN_LABELS[c]),
      members: all.map((c) => [c]),
    };
  const columns = all.slice(1);
  return {
    columns,
    cells: raw.map((row) => [
      ...row.slice(1, -1),
      row[row.length - 1] + row[0],
    ]),
    labels: columns.map((c) =>
      c === 'notWithin36' && atStartTotal > 0
        ? NOT_REACHED_OR_AT_START_LABEL
        : OUTCOME_COLUMN_LABELS[c],
    ),
    members: columns.map((c) =>
      c === 'notWithin36' ? ['atStart', 'notWithin36'] : [c],
    ),
  };
}

function outcomesByCohort(
  measure: MeasureKey,
  cohorts: readonly string[],
  byCohort: (cohort: string) => CohortOutcomes | undefined,
  k: number,
): PlannedCountTable {
  const raw = cohorts.map((cohort) => {
    const row = byCohort(cohort);
    return row
      ? outcomeCells(row, measure)
      : outcomeColumns(measure).map(() => 0);
  });
  const { cells, labels, members } = foldAtStart(measure, raw, k);
  return withScope(
    {
      kind: 'count',
      id: `outcomes.${measure}`,
      title: `${MEASURE_LABELS[measure]}${SHARE_TITLE_FROM}`,
      rowHeading: COHORT_HEADING,
      table: countTable(cohorts, labels, cells, {
        rowTotals: cohorts.map(cohortKey),
        columnTotals: outcomeKeys(measure, members),
        grandTotal: CLIENTS,
      }),
      withTotals: true,
      footnotes: [NOTES.cohort, NOTES.months],
    },
    cohortRowsScope(
      `outcome:${measure}:all`,
      cohorts,
      outcomeColumns(measure),
      members.map((m) => ({ columns: m })),
    ),
  );
}

function outcomesByGroup(
  breakdown: Breakdown,
  measure: MeasureKey,
  result: EvaluationMetrics,
  cohorts: readonly string[],
  { groups, groupOf }: ReturnType<typeof breakdownGroups>,
  k: number,
): PlannedCountTable {
  const raw = zeros(groups.length, outcomeColumns(measure).length);
  for (const row of result.cohorts) {
    checkCohort(row.cohort, cohorts);
    const g = groupOf(row.group);
    outcomeCells(row, measure).forEach((count, i) => (raw[g][i] += count));
  }
  const { cells, labels, members } = foldAtStart(measure, raw, k);
  const scheme = BREAKDOWN_SCHEMES[breakdown];
  return withScope(
    {
      kind: 'count',
      id: `breakdown.${breakdown}.${measure}`,
      title: `${MEASURE_LABELS[measure]} nach ${scheme.heading}${SHARE_TITLE_FROM}`,
      rowHeading: scheme.heading,
      table: countTable(
        groups.map((g) => g.label),
        labels,
        cells,
        {
          rowTotals: groups.map((g) => groupKey(breakdown, g.members)),
          columnTotals: outcomeKeys(measure, members),
          grandTotal: CLIENTS,
        },
      ),
      withTotals: true,
      footnotes: [
        NOTES.allCohorts,
        NOTES.months,
        ...breakdownNotes(breakdown),
        ...mergedFootnote(groups),
      ],
    },
    {
      family: `outcome:${measure}:${breakdown}`,
      quarters: quartersOfAll(cohorts),
      rows: groups.flatMap((g) => g.members),
      columns: outcomeColumns(measure),
      rowAxis: groups.map((g) => ({ rows: g.members })),
      columnAxis: members.map((m) => ({ columns: m })),
    },
  );
}

function goals(
  total: EvaluationMetrics,
  cohorts: readonly string[],
): PlannedSection {
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
      withScope(
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
        {
          // Overlapping categories: each cell is a family of its own (only its cells are printed and recorded).
          family: 'goals',
          quarters: quartersOfAll(cohorts),
          rows: [...REPORT_FIELDS_OF_ACTION],
          columns: states,
          rowAxis: REPORT_FIELDS_OF_ACTION.map((f) => ({ rows: [f] })),
          columnAxis: states.map((state) => ({ columns: [state] })),
        },
      ),
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
      return withScope(
        {
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
        },
        cohortRowsScope(
          `soft:${factor}`,
          cohorts,
          SOFT_CHANGE_KEYS,
          SOFT_CHANGE_KEYS.map((change) => ({ columns: [change] })),
        ),
      );
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
      withScope(
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
        {
          family: 'closures',
          quarters: quartersOfAll(cohorts),
          rows: [ALL],
          columns: reasons,
          rowAxis: reasons.map((reason) => ({ columns: [reason] })),
          columnAxis: cohorts.map((cohort) => ({
            quarters: quartersOf(cohort),
          })),
        },
      ),
    ],
  };
}
