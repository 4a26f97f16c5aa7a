export * from './report-templates';
export {
  InvalidReportMetricsError,
  cohortLabelsBetween,
} from './report-cohorts';
export type { ReportMetrics } from './report-plan';
export {
  buildEvaluationReport,
  buildReportSections,
  formatMedian,
  sharePercent,
} from './report-tables';
export * from './evaluation-report.service';
export * from './render';
