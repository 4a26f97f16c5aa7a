import type { EvaluationReportRequest } from '@wegweiser/shared/contracts';
import type { CohortGranularity } from '../metrics/metrics-query';

/** The same period one year earlier (29 February becomes 28 February). */
export function previousYear(
  request: EvaluationReportRequest,
): EvaluationReportRequest {
  return { ...request, from: yearEarlier(request.from), to: yearEarlier(request.to) };
}

function yearEarlier(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const rest = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return `${year}${rest}`;
}

/**
 * The quarter cohorts (`2025-Q1`) from the cohort starting on `first` to the one starting on `last` (first days,
 * `YYYY-MM-DD`); a year cohort spans its four quarters.
 */
export function quartersOfRange(
  first: string,
  last: string,
  granularity: CohortGranularity,
): string[] {
  const index = (date: string) =>
    Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const from = index(first);
  const to = index(last) + (granularity === 'year' ? 3 : 0);
  const quarters: string[] = [];
  for (let i = from; i <= to; i++)
    quarters.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return quarters;
}
