import { SUPPORT_WINDOW_EXTENDED_MONTHS, SUPPORT_WINDOW_MONTHS } from '@wegweiser/shared/contracts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** `date + interval 'n months'` as PostgreSQL computes it: the day is clamped to the month's end (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(Number(match[3]), daysInMonth(year, month)))}`;
}

/** The regular end of a support period (start + 36 months). */
export const regularWindowEnd = (start: string) => addMonths(start, SUPPORT_WINDOW_MONTHS);

/** The latest end with an approved extension (start + 48 months). */
export const maximumWindowEnd = (start: string) => addMonths(start, SUPPORT_WINDOW_EXTENDED_MONTHS);
