/** Where a client stands in the support period (Betreuungszeitraum). */
export interface SupportWindowProgress {
  /** Whole months from `today` to the window end (0 once it ended). */
  monthsLeft: number;
  /** Share of the window that has passed, 0–100. */
  percentElapsed: number;
  /** Fewer than `ENDING_SOON_MONTHS` months left (and not yet ended). */
  endingSoon: boolean;
  ended: boolean;
}

/** Below this many months left, lists and the file warn. */
export const ENDING_SOON_MONTHS = 6;

function parseDay(value: string): Date {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Whole calendar months from `from` to `to` (negative when `to` lies before `from`). */
export function wholeMonthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (months > 0 && to.getUTCDate() < from.getUTCDate()) months--;
  if (months < 0 && to.getUTCDate() > from.getUTCDate()) months++;
  return months;
}

/** Today as a UTC day (the API's dates are days without a time zone). */
export function todayUtc(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/**
 * Progress through a support window from `start` to `end` (both `YYYY-MM-DD`) on `today`.
 */
export function supportWindowProgress(start: string, end: string, today: Date = todayUtc()): SupportWindowProgress {
  const startDay = parseDay(start);
  const endDay = parseDay(end);
  const ended = today.getTime() > endDay.getTime();
  const monthsLeft = ended ? 0 : Math.max(0, wholeMonthsBetween(today, endDay));
  const total = endDay.getTime() - startDay.getTime();
  const elapsed = Math.min(Math.max(today.getTime() - startDay.getTime(), 0), Math.max(total, 0));
  const percentElapsed = total > 0 ? Math.round((elapsed / total) * 100) : 100;
  return { monthsLeft, percentElapsed, endingSoon: !ended && monthsLeft < ENDING_SOON_MONTHS, ended };
}
