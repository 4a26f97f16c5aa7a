import type { LifeTableRow } from '../metrics/evaluation-metrics.types';
import { InvalidReportMetricsError } from './report-cohorts';

/** One month of the estimate where something happened. */
export interface KaplanMeierStep {
  readonly month: number;
  /** Persons still without the outcome and still observed at the start of the month (before its events). */
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  /** S(month): the estimated share still without the outcome after this month's events. */
  readonly survival: number;
}

/** The Kaplan–Meier estimate of the time to an outcome. */
export interface KaplanMeierEstimate {
  /** Persons in the life table (those with the outcome at start are not in it). */
  readonly persons: number;
  /** Persons who reached the outcome (after start) while observed. */
  readonly events: number;
  readonly steps: readonly KaplanMeierStep[];
  /** The smallest month t with S(t) ≤ 0.5; null when the curve never gets there ("nicht erreicht"). */
  readonly median: number | null;
}

/**
 * Kaplan–Meier product-limit estimate from a life table of whole months:
 * S(t) = Π over months tᵢ ≤ t of (1 − dᵢ / nᵢ), with dᵢ the events in month tᵢ and nᵢ the persons at risk then.
 *
 * Conventions (the usual ones, as in R `survival` and SAS `PROC LIFETEST`):
 * - Ties between events and censorings in the same month: events first. A person censored in month t was observed
 *   through month t without the outcome, so they are still at risk for the events of month t and leave afterwards.
 * - The number at risk in month t is everybody minus those with an event or a censoring in an earlier month.
 * - Median: the smallest month t with S(t) ≤ 0.5, the curve reaching exactly 0.5 included (SAS and Destatis
 *   convention; R's `survfit` would instead take the midpoint to the next event time when S stays at exactly 0.5).
 *   The comparison is exact (rational arithmetic), so 3/4 · 2/3 counts as 0.5. When S stays above 0.5 up to the
 *   last month of the table the median is not estimable ("nicht erreicht"): null.
 *
 * Throws {@link InvalidReportMetricsError} for a malformed table (months not strictly ascending whole numbers ≥ 0,
 * counts not whole numbers ≥ 0).
 */
export function kaplanMeier(rows: readonly LifeTableRow[]): KaplanMeierEstimate {
  validateLifeTable(rows);
  const persons = rows.reduce((sum, r) => sum + r.events + r.censored, 0);
  let atRisk = persons;
  // S as an exact fraction numerator / denominator.
  let numerator = 1n;
  let denominator = 1n;
  let median: number | null = null;
  const steps: KaplanMeierStep[] = [];
  for (const row of rows) {
    if (row.events > 0) {
      numerator *= BigInt(atRisk - row.events);
      denominator *= BigInt(atRisk);
      const divisor = gcd(numerator, denominator);
      if (divisor > 1n) {
        numerator /= divisor;
        denominator /= divisor;
      }
      if (median === null && 2n * numerator <= denominator) median = row.month;
    }
    steps.push({
      month: row.month,
      atRisk,
      events: row.events,
      censored: row.censored,
      survival: Number(numerator) / Number(denominator),
    });
    atRisk -= row.events + row.censored;
  }
  return {
    persons,
    events: rows.reduce((sum, r) => sum + r.events, 0),
    steps,
    median,
  };
}

/** S(month): the share estimated still without the outcome after `month` (1 before the first event). */
export function survivalAt(estimate: KaplanMeierEstimate, month: number): number {
  let survival = 1;
  for (const step of estimate.steps) {
    if (step.month > month) break;
    survival = step.survival;
  }
  return survival;
}

/** Persons at risk at the start of `month`: all minus those with an event or a censoring in an earlier month. */
export function atRiskAt(estimate: KaplanMeierEstimate, month: number): number {
  return estimate.steps
    .filter((step) => step.month < month)
    .reduce((left, step) => left - step.events - step.censored, estimate.persons);
}

function validateLifeTable(rows: readonly LifeTableRow[]): void {
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
  rows.forEach((row, i) => {
    if (!whole(row.month) || !whole(row.events) || !whole(row.censored))
      throw new InvalidReportMetricsError('life table with a bad row');
    if (i > 0 && row.month <= rows[i - 1].month)
      throw new InvalidReportMetricsError('life table months not ascending');
  });
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y > 0n) [x, y] = [y, x % y];
  return x;
}
