import type { EvaluationReportResponse } from '@wegweiser/shared/contracts';

/** Title of the key figures ("Kennzahlen auf einen Blick"), first in the PDF and the CSV. */
export const KEY_FIGURES_TITLE = 'Kennzahlen auf einen Blick';
/** Printed for a key figure of the previous year when there is no previous year. */
export const NO_PREVIOUS = '–';

/** "2024-Q1 bis 2024-Q4", or the one cohort. */
export function cohortRange(range: {
  firstCohort: string;
  lastCohort: string;
}): string {
  return range.firstCohort === range.lastCohort
    ? range.firstCohort
    : `${range.firstCohort} bis ${range.lastCohort}`;
}

/** Column headings of the key figures: this report's cohorts and the previous year's ("Vorjahr" when there is none). */
export function keyFigureColumns(report: EvaluationReportResponse): {
  current: string;
  previous: string;
} {
  return {
    current: `Berichtszeitraum ${cohortRange(report.period)}`,
    previous: report.previousPeriod
      ? `Vorjahr ${cohortRange(report.previousPeriod)}`
      : 'Vorjahr',
  };
}
