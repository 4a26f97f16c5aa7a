import type { CohortGranularity } from '../metrics/metrics-query';
import { InvalidReportMetricsError } from './report-cohorts';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Day {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
}

/** The last support-start day of a cohort (`2024-Q1` → 2024-03-31, `2024` → 2024-12-31). */
export function cohortLastDay(cohort: string, granularity: CohortGranularity): Day {
  const match = (granularity === 'year' ? YEAR : QUARTER).exec(cohort);
  if (!match) throw new InvalidReportMetricsError(`bad cohort label ${cohort}`);
  const year = Number(match[1]);
  const month = granularity === 'year' ? 12 : Number(match[2]) * 3;
  return { year, month, day: daysIn(year, month) };
}

/**
 * Whole months for which every person of the cohort is observed: the largest m with
 * (last day of the cohort + m months) ≤ `observedUntil` (`YYYY-MM-DD`), months added the PostgreSQL way (the day
 * clamped to the month's end). −1 while the cohort is still running (its last day after `observedUntil`).
 *
 * A cohort is observable for m months (its figures "nach m Monaten" are final for everyone) iff this is ≥ m.
 */
export function observedMonths(cohort: string, granularity: CohortGranularity, observedUntil: string): number {
  const until = parseDay(observedUntil);
  const last = cohortLastDay(cohort, granularity);
  if (compare(last, until) > 0) return -1;
  let months = (until.year - last.year) * 12 + (until.month - last.month);
  while (months > 0 && compare(addMonths(last, months), until) > 0) months -= 1;
  return months;
}

/** True when every person of the cohort is observed for `months` whole months (month 0: always). */
export function isObservable(
  cohort: string,
  granularity: CohortGranularity,
  months: number,
  observedUntil: string,
): boolean {
  return months <= 0 || observedMonths(cohort, granularity, observedUntil) >= months;
}

/** `YYYY-MM-DD` → "07.12.2026" (the date as printed in German footnotes). */
export function germanDate(isoDay: string): string {
  const { year, month, day } = parseDay(isoDay);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(day)}.${two(month)}.${year}`;
}

function parseDay(value: string): Day {
  const match = DAY.exec(value);
  const day = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!day || day.month < 1 || day.month > 12 || day.day < 1 || day.day > daysIn(day.year, day.month))
    throw new InvalidReportMetricsError('bad observation day');
  return day;
}

function addMonths(from: Day, months: number): Day {
  const index = from.year * 12 + (from.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(from.day, daysIn(year, month)) };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function compare(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
