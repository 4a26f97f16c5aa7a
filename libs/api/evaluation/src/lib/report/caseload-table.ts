import type { EvaluationTableResponse } from '@wegweiser/shared/contracts';
import { formatCount } from '../disclosure';
import type { EvaluationMetrics } from '../metrics/evaluation-metrics.types';
import { germanDate } from './observation';
import { CASELOAD_COLUMNS, STATUS_NOTES } from './outcome-texts';
import { InvalidReportMetricsError } from './report-cohorts';

/**
 * The average caseload needs at least this many managers: with two, each could compute the other's caseload from
 * the average and their own (the minimum of three contributors of business statistics).
 */
export const MIN_CASELOAD_MANAGERS = 3;
export const CASELOAD_TABLE_ID = 'caseload.average';

/** Open cases per integration manager on the observation day (published as a one-row table). */
export interface PlannedCaseloadTable {
  readonly kind: 'caseload';
  readonly id: string;
  readonly title: string;
  readonly rowHeading: string;
  readonly observedUntil: string;
  readonly openCases: number;
  readonly managers: number;
  readonly footnotes: readonly string[];
}

export function caseloadTable(metrics: Pick<EvaluationMetrics, 'caseload' | 'observedUntil'>): PlannedCaseloadTable {
  const { openCases, managers } = metrics.caseload;
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (!whole(openCases) || !whole(managers) || (openCases > 0 && managers === 0))
    throw new InvalidReportMetricsError('caseload');
  return {
    kind: 'caseload',
    id: CASELOAD_TABLE_ID,
    title: 'Betreuungsschlüssel am Stichtag',
    rowHeading: 'Stichtag',
    observedUntil: metrics.observedUntil,
    openCases,
    managers,
    footnotes: [STATUS_NOTES.caseload],
  };
}

/** Open cases per manager with one decimal, rounded half up in integer arithmetic. */
export function averageCaseload(openCases: number, managers: number): number {
  return Math.floor((openCases * 20 + managers) / (2 * managers)) / 10;
}

/** A number with one decimal in German notation ("12,5", "1.234,0"). */
export function formatDecimal(value: number | null): string {
  if (value === null) return formatCount(null);
  const tenths = Math.round(value * 10);
  return `${formatCount(Math.floor(tenths / 10))},${tenths % 10}`;
}

/**
 * The published caseload: open cases only if ≥ k; the average only with ≥ k open cases and at least
 * {@link MIN_CASELOAD_MANAGERS} managers (it is staff data otherwise). Both "·" when not shown.
 */
export function caseloadResponse(plan: PlannedCaseloadTable, k: number): EvaluationTableResponse {
  const open = plan.openCases >= k ? plan.openCases : null;
  const average =
    open !== null && plan.managers >= MIN_CASELOAD_MANAGERS ? averageCaseload(plan.openCases, plan.managers) : null;
  return {
    id: plan.id,
    kind: 'count',
    title: plan.title,
    rowHeading: plan.rowHeading,
    columnLabels: [...CASELOAD_COLUMNS],
    rows: [
      {
        label: germanDate(plan.observedUntil),
        values: [open, average],
        text: [formatCount(open), formatDecimal(average)],
      },
    ],
    withTotals: false,
    footnotes: [
      `· = nicht ausgewiesen: weniger als ${k} offene Betreuungen oder weniger als ${MIN_CASELOAD_MANAGERS} Integrationsmanagerinnen und -manager.`,
      ...plan.footnotes,
    ],
  };
}
