/**
 * The fixed grid of evaluation periods (issue 19): a report covers a whole
 * calendar quarter or a whole calendar year of support starts, nothing else,
 * so that releases of overlapping cohorts line up (a year is the sum of its
 * quarters) and cannot be differenced by shifting a date.
 */

export const EVALUATION_PERIOD_KINDS = ['quarter', 'year'] as const;
export type EvaluationPeriodKind = (typeof EVALUATION_PERIOD_KINDS)[number];

export const EVALUATION_QUARTERS = [1, 2, 3, 4] as const;
export type EvaluationQuarter = (typeof EVALUATION_QUARTERS)[number];

/** A period on the grid: a year, or one quarter of it. */
export interface EvaluationGridPeriod {
  kind: EvaluationPeriodKind;
  year: number;
  /** Only for `quarter`. */
  quarter?: EvaluationQuarter;
}

/** Field code of a `from`/`to` that is not on the grid. */
export const NOT_ON_PERIOD_GRID = 'notOnPeriodGrid';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;

/** First and last day (`YYYY-MM-DD`) of a quarter or a calendar year. */
export function evaluationPeriod(kind: 'year', year: number): { from: string; to: string };
export function evaluationPeriod(kind: 'quarter', year: number, quarter: EvaluationQuarter): { from: string; to: string };
export function evaluationPeriod(kind: EvaluationPeriodKind, year: number, quarter?: EvaluationQuarter): { from: string; to: string };
export function evaluationPeriod(kind: EvaluationPeriodKind, year: number, quarter?: EvaluationQuarter): { from: string; to: string } {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError('year out of range');
  const y = pad(year, 4);
  if (kind === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` };
  if (!quarter || !EVALUATION_QUARTERS.includes(quarter)) throw new RangeError('quarter must be 1..4');
  return { from: `${y}-${pad(quarter * 3 - 2)}-01`, to: `${y}-${LAST_DAY[quarter - 1]}` };
}

/** The grid period `from`…`to` describe exactly, or null (not a whole quarter or year). */
export function toEvaluationGridPeriod(from: string, to: string): EvaluationGridPeriod | null {
  const match = /^(\d{4})-(\d{2})-01$/.exec(from);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 1) return null;
  if (month === 1 && to === evaluationPeriod('year', year).to) return { kind: 'year', year };
  if ((month - 1) % 3 !== 0 || month > 10) return null;
  const quarter = ((month - 1) / 3 + 1) as EvaluationQuarter;
  return to === evaluationPeriod('quarter', year, quarter).to ? { kind: 'quarter', year, quarter } : null;
}

/** Whether `date` is the first day of a quarter (every year starts a quarter). */
export function isGridPeriodStart(date: string): boolean {
  return /^\d{4}-(01|04|07|10)-01$/.test(date) && date.slice(0, 4) !== '0000';
}

/** Whether `date` is the last day of a quarter (every year ends a quarter). */
export function isGridPeriodEnd(date: string): boolean {
  return /^\d{4}-(03-31|06-30|09-30|12-31)$/.test(date) && date.slice(0, 4) !== '0000';
}

/** The last quarter that has ended before `today` (`YYYY-MM-DD`): the default period of the evaluation screen. */
export function lastCompleteQuarter(today: string): { year: number; quarter: EvaluationQuarter } {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (current - 1) as EvaluationQuarter };
}
