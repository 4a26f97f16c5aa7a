import {
  EVALUATION_REPORT_FORMATS,
  EvaluationReportFormat,
  EvaluationReportJobResponse,
  EvaluationReportState,
  EvaluationTemplate,
  evaluationReportFileName,
} from '@wegweiser/shared/contracts';

/** The job columns of `evaluation_report` (never the files). */
export const REPORT_JOB_COLUMNS = `id, template, period_from::text AS period_from, period_to::text AS period_to, k, state, progress, created_at, finished_at, expires_at`;

export interface EvaluationReportJobRow {
  id: string;
  template: EvaluationTemplate;
  period_from: string;
  period_to: string;
  k: number;
  state: EvaluationReportState;
  progress: number;
  created_at: Date;
  finished_at: Date | null;
  expires_at: Date | null;
}

export function toReportJobResponse(row: EvaluationReportJobRow): EvaluationReportJobResponse {
  return {
    id: row.id,
    template: row.template,
    from: row.period_from,
    to: row.period_to,
    k: row.k,
    state: row.state,
    progress: row.progress,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    formats: row.state === 'done' ? [...EVALUATION_REPORT_FORMATS] : [],
  };
}

export const REPORT_CONTENT_TYPES: Record<EvaluationReportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const COHORT_LABEL = /^\d{4}(-Q[1-4])?$/;

/** `evaluationsbericht-<German word>-<firstCohort>[-<lastCohort>].<ext>` (ASCII only: no quoting problems in the header). */
export function reportFileName(template: EvaluationTemplate, firstCohort: string, lastCohort: string, format: EvaluationReportFormat): string {
  if (!COHORT_LABEL.test(firstCohort) || !COHORT_LABEL.test(lastCohort)) throw new Error('Unexpected cohort label');
  return evaluationReportFileName(template, firstCohort, lastCohort, format);
}

/**
 * Progress (0–100) while a report job runs: the figures take most of the
 * time (up to 80), then each file.
 */
export const REPORT_PROGRESS = {
  started: 0,
  figures: (fraction: number) => Math.round(Math.min(1, Math.max(0, fraction)) * 80),
  pdf: 90,
  csv: 94,
  json: 97,
  done: 100,
} as const;
