/**
 * Calendar arithmetic on whole days since 1970-01-01 (UTC). No Date objects,
 * no local time: results never depend on the machine's time zone or clock.
 */
export const DAYS_PER_MONTH = 30.436875;
export const DAYS_PER_YEAR = 365.2425;

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const isoCache = new Map<number, string>();

/** `YYYY-MM-DD` for a day number (cached: the same few thousand days recur). */
export function isoDate(days: number): string {
  let text = isoCache.get(days);
  if (text === undefined) {
    const { year, month, day } = civilFromDays(days);
    text = `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
    if (isoCache.size < 100_000) isoCache.set(days, text);
  }
  return text;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `YYYY-MM-DD`; throws RangeError for anything else. */
export function parseIsoDate(text: string): number {
  const match = ISO_DATE.exec(text);
  if (!match) throw new RangeError(`Expected an ISO date YYYY-MM-DD, got "${text}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`Not a calendar date: "${text}"`);
  }
  return days;
}

export function yearOf(days: number): number {
  return civilFromDays(days).year;
}

function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
}

/** Adds calendar months, clamping the day to the target month's length. */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Moves Saturday and Sunday back to the preceding Friday. */
export function toWorkdayOnOrBefore(days: number): number {
  const dow = weekday(days);
  return dow === 6 ? days - 1 : dow === 0 ? days - 2 : days;
}

function lastSundayOf(year: number, month: number): number {
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  return last - weekday(last);
}

/** UTC offset of Europe/Berlin in minutes for office hours on that day (EU summer-time rule). */
export function berlinOffsetMinutes(days: number): number {
  const year = yearOf(days);
  return days >= lastSundayOf(year, 3) && days < lastSundayOf(year, 10) ? 120 : 60;
}

/** ISO UTC timestamp for a Berlin wall-clock time (minutes after midnight) on a day. */
export function berlinTimestamp(days: number, localMinutes: number): string {
  const utcMinutes = localMinutes - berlinOffsetMinutes(days);
  const hours = Math.floor(utcMinutes / 60);
  const minutes = utcMinutes % 60;
  return `${isoDate(days)}T${hours < 10 ? '0' : ''}${hours}:${minutes < 10 ? '0' : ''}${minutes}:00.000Z`;
}
