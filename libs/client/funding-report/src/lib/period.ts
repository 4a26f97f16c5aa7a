import { FUNDING_REPORT_LIMITS, FundingReportQuery } from '@wegweiser/shared/contracts';

export type PeriodKind = 'quarter' | 'year' | 'free';
export const QUARTERS = [1, 2, 3, 4] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar quarter `q` of `year`, both days inclusive. */
export function quarterPeriod(year: number, quarter: number): FundingReportQuery {
  const first = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay)}` };
}

export function yearPeriod(year: number): FundingReportQuery {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The last complete quarter before `today` (the usual period of a Verwendungsnachweis). */
export function previousQuarter(today: Date = new Date()): { year: number; quarter: number } {
  const current = Math.floor(today.getMonth() / 3) + 1;
  return current === 1 ? { year: today.getFullYear() - 1, quarter: 4 } : { year: today.getFullYear(), quarter: current - 1 };
}

const isRealDate = (date: string) => ISO_DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

/** The same rules as the API (which checks again): valid dates, `to` not before `from`, at most `maxDays` days. */
export function periodError(period: FundingReportQuery): 'invalid' | 'beforeFrom' | 'tooLong' | null {
  if (!isRealDate(period.from) || !isRealDate(period.to) || period.from < FUNDING_REPORT_LIMITS.earliest) return 'invalid';
  if (period.to < period.from) return 'beforeFrom';
  const days = (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS + 1;
  return days > FUNDING_REPORT_LIMITS.maxDays ? 'tooLong' : null;
}
