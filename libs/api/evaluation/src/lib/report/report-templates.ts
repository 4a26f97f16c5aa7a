import type { EvaluationTemplate } from '@wegweiser/shared/contracts';
import type { Breakdown } from '../metrics/evaluation-metrics.sql';
import type { MeasureKey } from '../metrics/evaluation-metrics.types';
import type { CohortGranularity } from '../metrics/metrics-query';

/** The sections a report can have, in print order. */
export const REPORT_SECTION_KINDS = [
  'cohorts',
  'outcomes',
  'timeToEvent',
  'status',
  'breakdowns',
  'goals',
  'plans',
  'softRatings',
  'closures',
] as const;
export type ReportSectionKind = (typeof REPORT_SECTION_KINDS)[number];

/** A predefined report. */
export interface EvaluationReportTemplate {
  readonly id: EvaluationTemplate;
  /** German title (title page, footer, PDF metadata). */
  readonly title: string;
  readonly granularity: CohortGranularity;
  /** Breakdowns besides the cohort totals, in print order. */
  readonly breakdowns: readonly Breakdown[];
  /** Measures shown per group of each breakdown (all measures are shown per cohort). */
  readonly breakdownMeasures: readonly MeasureKey[];
  readonly sections: readonly ReportSectionKind[];
}

const HEADLINE_MEASURES: readonly MeasureKey[] = [
  'b1',
  'employment',
  'apprenticeship',
  'studies',
];

/**
 * - `annualCouncil` (Jahresbericht für den Fachbeirat/Rat): quarter cohorts, everything by gender and by age band,
 *   with time to B1/employment, status at 12/24/36 months, goals, plans and caseload, soft factors and closures —
 *   the council steers the local work.
 * - `cohortState` (Kohortenbericht für das Land): quarter cohorts, outcomes by region of origin and by gender
 *   (the state compares programmes; a breakdown by municipality is meaningless inside one tenant), time to B1/employment,
 *   status at 12/24/36 months, soft factors and closures; goals, plans and caseload are local planning and left out.
 */
export const REPORT_TEMPLATES: Record<
  EvaluationTemplate,
  EvaluationReportTemplate
> = {
  annualCouncil: {
    id: 'annualCouncil',
    title: 'Jahresbericht Integrationsmanagement',
    granularity: 'quarter',
    breakdowns: ['gender', 'ageBand'],
    breakdownMeasures: HEADLINE_MEASURES,
    sections: REPORT_SECTION_KINDS,
  },
  cohortState: {
    id: 'cohortState',
    title: 'Kohortenbericht Integrationsmanagement für das Land',
    granularity: 'quarter',
    breakdowns: ['region', 'gender'],
    breakdownMeasures: HEADLINE_MEASURES,
    sections: ['cohorts', 'outcomes', 'timeToEvent', 'status', 'breakdowns', 'softRatings', 'closures'],
  },
};

/** An unknown template name (the request DTO should have refused it already). */
export class UnknownReportTemplateError extends Error {
  readonly code = 'unknownReportTemplate';
  constructor() {
    super('Unknown evaluation report template');
    this.name = 'UnknownReportTemplateError';
  }
}

/** The template of a name; throws {@link UnknownReportTemplateError}. */
export function reportTemplate(id: string): EvaluationReportTemplate {
  if (!Object.hasOwn(REPORT_TEMPLATES, id))
    throw new UnknownReportTemplateError();
  return REPORT_TEMPLATES[id as EvaluationTemplate];
}
