import type { EvaluationTableResponse } from '@wegweiser/shared/contracts';
import { countFootnote, formatCount, type PublishedCountTable } from '../disclosure';
import { kaplanMeier, type KaplanMeierEstimate } from './kaplan-meier';
import { observedMonths } from './observation';
import {
  kaplanMeierMedianFootnote,
  NOT_OBSERVABLE,
  notReachedWithin,
  STATUS_NOTES,
  TIME_TO_EVENT_COLUMNS,
  TIME_TO_EVENT_LABELS,
} from './outcome-texts';
import { InvalidReportMetricsError } from './report-cohorts';
import { COHORT_HEADING, INTERVAL_KEYS, INTERVAL_LABELS } from './report-labels';
import { NOTES } from './report-notes';
import type { CohortInput } from './status-tables';

export type TimeToEventMeasure = 'b1' | 'employment';
/** The months at which the number at risk is shown. */
export const AT_RISK_MONTHS = [0, 12, 24] as const;
type AtRiskMonth = (typeof AT_RISK_MONTHS)[number];

/**
 * Column labels of the two-way outcome table a time-to-event table is derived from (group × {bei Beginn
 * vorhanden, 0–11, 12–23, 24–35, nicht innerhalb von 36 Monaten}, the group size as row total). A column that the
 * source table does not have counts as not published.
 */
export interface OutcomeSourceColumns {
  readonly atStart: string;
  /** Reached (first time, after start) in months 0–11, 12–23, 24–35. */
  readonly intervals: readonly [string, string, string];
  readonly notWithin36: string;
}

/** The labels expected from the two-way outcome tables (the interval labels are those of report-labels.ts). */
export const OUTCOME_SOURCE_COLUMNS: OutcomeSourceColumns = {
  atStart: 'bei Beginn vorhanden',
  intervals: INTERVAL_KEYS.map((key) => INTERVAL_LABELS[key]) as unknown as [string, string, string],
  notWithin36: 'nicht innerhalb von 36 Monaten',
};

/** One cohort of a time-to-event table, before disclosure control. */
export interface TimeToEventRow {
  readonly cohort: string;
  readonly clients: number;
  /** Whole months every person of the cohort is observed (−1: still running). */
  readonly observedMonths: number;
  readonly estimate: KaplanMeierEstimate;
}

/**
 * Kaplan–Meier median months to the outcome and the numbers at risk at months 0, 12 and 24, per cohort. Derived
 * after suppression from the two-way outcome table `source` of the same measure (like `PlannedShareTable`):
 * - the median is published only if at least k persons reached the outcome and the cohort has at least k persons;
 * - a number at risk at month m is published only if the cohort is observed m months for everybody (else
 *   "noch nicht beobachtbar") and it follows from published cells of the source row (then it adds nothing:
 *   at risk at m = the cells after m = the row total − "bei Beginn" − the cells before m).
 * Replaces the old median over those who reached the outcome (`outcomes.medians`).
 */
export interface PlannedTimeToEventTable {
  readonly kind: 'timeToEvent';
  readonly id: string;
  readonly title: string;
  readonly rowHeading: string;
  readonly measure: TimeToEventMeasure;
  /** Id of the two-way outcome count table of the same measure and cohorts (`outcomes.b1`, `outcomes.employment`). */
  readonly source: string;
  readonly rows: readonly TimeToEventRow[];
  readonly footnotes: readonly string[];
}

/** Plans the time-to-event table of a measure from the cohort totals (life tables, sizes, observation day). */
export function timeToEventTable(measure: TimeToEventMeasure, input: CohortInput): PlannedTimeToEventTable {
  return {
    kind: 'timeToEvent',
    id: `timeToEvent.${measure}`,
    title: `${TIME_TO_EVENT_LABELS[measure]}: Dauer bis zum ersten Erreichen (Kaplan-Meier)`,
    rowHeading: COHORT_HEADING,
    measure,
    source: `outcomes.${measure}`,
    rows: input.cohorts.map((cohort) => {
      const row = input.byCohort(cohort);
      const table = row?.lifeTables[measure] ?? [];
      const estimate = kaplanMeier(table);
      const clients = row?.clients ?? 0;
      // Everybody without the outcome at start is in the life table (an event or a censoring). An empty table is
      // accepted (metrics without life tables, e.g. hand-made test rows): no events, so no median is published.
      if (table.length > 0 && estimate.persons !== clients - (row?.atStart[measure] ?? 0))
        throw new InvalidReportMetricsError(`life table of ${measure} does not match cohort ${cohort}`);
      return {
        cohort,
        clients,
        observedMonths: observedMonths(cohort, input.granularity, input.observedUntil),
        estimate,
      };
    }),
    footnotes: [NOTES.cohort, STATUS_NOTES.timeToEvent, STATUS_NOTES.atRisk],
  };
}

/** One row of a published source table, by meaning. `undefined`: the table has no such column. */
interface SourceRow {
  readonly total: number | null;
  readonly atStart: number | null | undefined;
  readonly intervals: readonly (number | null | undefined)[];
  readonly notWithin36: number | null | undefined;
}

/**
 * The number at risk at month m as far as it follows from a published source row: the sum of the cells after m
 * (the later intervals and "nicht innerhalb von 36 Monaten"), or the row total minus "bei Beginn" and the cells
 * before m. Null when neither is published.
 */
export function derivedAtRisk(row: SourceRow, month: AtRiskMonth): number | null {
  const before = month / 12;
  const after = [...row.intervals.slice(before), row.notWithin36];
  const known = (values: readonly (number | null | undefined)[]): values is number[] =>
    values.every((v) => typeof v === 'number');
  if (known(after)) return after.reduce((sum, v) => sum + v, 0);
  const used = [row.atStart, ...row.intervals.slice(0, before)];
  if (row.total !== null && known(used)) return used.reduce((left, v) => left - v, row.total);
  return null;
}

function sourceRow(table: PublishedCountTable | undefined, label: string, columns: OutcomeSourceColumns): SourceRow | null {
  const r = table ? table.rowLabels.indexOf(label) : -1;
  if (!table || r < 0) return null;
  const cell = (column: string) => {
    const c = table.columnLabels.indexOf(column);
    return c < 0 ? undefined : table.cells[r][c];
  };
  return {
    total: table.rowTotals[r],
    atStart: cell(columns.atStart),
    intervals: columns.intervals.map(cell),
    notWithin36: cell(columns.notWithin36),
  };
}

/**
 * The published time-to-event table. `source`: the published (suppressed) two-way outcome table `plan.source`
 * (undefined when the report has none: every number at risk is then "·"). The numbers at risk are taken from the
 * published cells, not from the life table: for a cohort observed m months for everybody both are "persons without
 * the outcome at start who did not reach it in months 0 … m−1" (`atRiskAt` of the estimate; a spec checks this on
 * a hand-built cohort), and printing the derived value guarantees nothing new is published.
 */
export function timeToEventResponse(
  plan: PlannedTimeToEventTable,
  source: PublishedCountTable | undefined,
  k: number,
  columns: OutcomeSourceColumns = OUTCOME_SOURCE_COLUMNS,
): EvaluationTableResponse {
  const rows = plan.rows.map((row) => {
    const median = publishedMedian(row, k);
    const published = sourceRow(source, row.cohort, columns);
    const atRisk = AT_RISK_MONTHS.map((month) => {
      if (month > 0 && row.observedMonths < month) return { value: null, text: NOT_OBSERVABLE };
      const value = published && derivedAtRisk(published, month);
      if (value === null || value === undefined) return { value: null, text: formatCount(null) };
      return { value, text: formatCount(value) };
    });
    return {
      label: row.cohort,
      values: [median.value, ...atRisk.map((a) => a.value)],
      text: [median.text, ...atRisk.map((a) => a.text)],
    };
  });
  return {
    id: plan.id,
    kind: 'median',
    title: plan.title,
    rowHeading: plan.rowHeading,
    columnLabels: [...TIME_TO_EVENT_COLUMNS],
    rows,
    withTotals: false,
    footnotes: [kaplanMeierMedianFootnote(k), countFootnote('de', k), ...plan.footnotes],
  };
}

/**
 * The median as printed: whole months, "nicht innerhalb von N Monaten" when the curve stays above 0.5 during the
 * N months every person is observed (N ≤ 36), "noch nicht beobachtbar" when not even one month is, "·" below k.
 */
function publishedMedian(row: TimeToEventRow, k: number): { value: number | null; text: string } {
  if (row.estimate.events < k || row.clients < k) return { value: null, text: formatCount(null) };
  if (row.estimate.median !== null) return { value: row.estimate.median, text: String(row.estimate.median) };
  const months = Math.min(36, row.observedMonths);
  return { value: null, text: months < 1 ? NOT_OBSERVABLE : notReachedWithin(months) };
}
