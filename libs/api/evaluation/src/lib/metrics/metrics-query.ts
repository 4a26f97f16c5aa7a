import { calendarToday, isCalendarDate } from '@wegweiser/api/core';
import { resolveK } from '../disclosure';
import { Breakdown, BREAKDOWN_SQL } from './evaluation-metrics.sql';

/** Cohorts by quarter or by year of support start. */
export const COHORT_GRANULARITIES = ['quarter', 'year'] as const;
export type CohortGranularity = (typeof COHORT_GRANULARITIES)[number];

/** What the evaluation is asked for (the municipality is the tenant's). */
export interface EvaluationMetricsQuery {
  /** Support start from (`YYYY-MM-DD`); widened to the first day of its quarter or year. */
  from: string;
  /** Support start to (`YYYY-MM-DD`); widened to the end of its quarter or year. */
  to: string;
  granularity: CohortGranularity;
  /** One allowed breakdown, or none (cohort totals). */
  breakdown?: Breakdown | null;
  /** Disclosure threshold for the later suppression (default 5, never below 3). */
  k?: number;
  /**
   * Internal only (tests fix the day; no request DTO carries it): the last day observed, `YYYY-MM-DD`. Default:
   * today in Germany (`calendarToday`).
   */
  observedUntil?: string;
}

/** A query reduced to whole cohorts: first days of the first and the last cohort. */
export interface CohortRange {
  firstCohort: string;
  lastCohort: string;
  granularity: CohortGranularity;
  breakdown: Breakdown | null;
  k: number;
  /** The last day observed (`YYYY-MM-DD`, Berlin): later outcomes are ignored, life tables censor here. */
  observedUntil: string;
}

/** A query the metrics cannot answer (bad dates, unknown granularity or breakdown). */
export class InvalidMetricsQueryError extends Error {
  readonly code = 'invalidMetricsQuery';
  constructor(reason: string) {
    super(`Invalid evaluation query: ${reason}`);
    this.name = 'InvalidMetricsQueryError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(
  value: string,
  field: string,
): { year: number; month: number } {
  const match = ISO_DATE.exec(value);
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !match ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  )
    throw new InvalidMetricsQueryError(`${field} is not a date`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** First day (`YYYY-MM-DD`) of the quarter or year holding `date`. */
export function cohortStart(
  date: string,
  granularity: CohortGranularity,
): string {
  const { year, month } = parseDate(date, 'date');
  const first =
    granularity === 'year' ? 1 : Math.floor((month - 1) / 3) * 3 + 1;
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

/** Label of a cohort from its first day: `2025-Q1` or `2025`. */
export function cohortLabel(
  firstDay: string,
  granularity: CohortGranularity,
): string {
  const { year, month } = parseDate(firstDay, 'cohort');
  return granularity === 'year'
    ? String(year)
    : `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Validates a query and widens its period to whole cohorts (records of erased clients know only the quarter). */
export function toCohortRange(query: EvaluationMetricsQuery): CohortRange {
  if (!(COHORT_GRANULARITIES as readonly string[]).includes(query.granularity))
    throw new InvalidMetricsQueryError('unknown granularity');
  const breakdown = query.breakdown ?? null;
  if (breakdown !== null && !Object.hasOwn(BREAKDOWN_SQL, breakdown))
    throw new InvalidMetricsQueryError('breakdown not allowed');
  parseDate(query.from, 'from');
  parseDate(query.to, 'to');
  if (query.from > query.to)
    throw new InvalidMetricsQueryError('from is after to');
  const observedUntil = query.observedUntil ?? calendarToday();
  if (!isCalendarDate(observedUntil))
    throw new InvalidMetricsQueryError('observedUntil is not a date');
  return {
    firstCohort: cohortStart(query.from, query.granularity),
    lastCohort: cohortStart(query.to, query.granularity),
    granularity: query.granularity,
    breakdown,
    k: resolveK(query.k),
    observedUntil,
  };
}
