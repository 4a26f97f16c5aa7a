/**
 * The anonymised evaluation (issue 7): report templates, the published
 * tables (after disclosure control), and the background report jobs.
 * Nothing here ever carries a person: only counts ≥ k, shares, medians,
 * or `null` for a suppressed figure.
 */

/** Predefined reports: the annual report for the council, the cohort report for the state. */
export const EVALUATION_TEMPLATES = ['annualCouncil', 'cohortState'] as const;
export type EvaluationTemplate = (typeof EVALUATION_TEMPLATES)[number];

/** The German word of a template in file names (never the internal key): `evaluationsbericht-jahresbericht-2025.pdf`. */
export const EVALUATION_TEMPLATE_FILE_WORDS: Record<EvaluationTemplate, string> = {
  annualCouncil: 'jahresbericht',
  cohortState: 'kohortenbericht',
};

/**
 * A report file's name: `evaluationsbericht-<word>-<period>.<ext>`. The period
 * is named by its cohorts (`2024-Q1-2024-Q2`, `2023-2024`); quarters that fill
 * whole calendar years read as the years (`2025-Q1`…`2025-Q4` → `2025`), one
 * cohort as one label. ASCII only (no quoting problems in headers).
 */
export function evaluationReportFileName(template: EvaluationTemplate, first: string, last: string, format: string): string {
  return `evaluationsbericht-${EVALUATION_TEMPLATE_FILE_WORDS[template]}-${evaluationPeriodLabel(first, last)}.${format}`;
}

function evaluationPeriodLabel(first: string, last: string): string {
  const firstYear = /^(\d{4})-Q1$/.exec(first)?.[1];
  const lastYear = /^(\d{4})-Q4$/.exec(last)?.[1];
  if (firstYear && lastYear) return firstYear === lastYear ? firstYear : `${firstYear}-${lastYear}`;
  return first === last ? first : `${first}-${last}`;
}

/** The only dimensions figures may be broken down by. */
export const EVALUATION_BREAKDOWNS = ['gender', 'ageBand', 'region', 'municipality'] as const;
export type EvaluationBreakdown = (typeof EVALUATION_BREAKDOWNS)[number];

/**
 * The disclosure threshold k: a policy of the municipality set by its
 * administrator (`PUT /api/evaluation/policy`), default 5, never below 5.
 * It is not a request parameter: requests cannot lower it.
 */
export const EVALUATION_K = { default: 5, min: 5, max: 100 } as const;

/** `GET /api/evaluation/policy` (and the answer of `PUT`): the municipality's disclosure threshold. */
export interface EvaluationPolicyResponse {
  k: number;
}

/** Body of `PUT /api/evaluation/policy` (administrators): an integer {@link EVALUATION_K.min}…{@link EVALUATION_K.max}. */
export interface EvaluationPolicyRequest {
  k: number;
}

/** Formats a finished report can be downloaded in. */
export const EVALUATION_REPORT_FORMATS = ['pdf', 'csv', 'json'] as const;
export type EvaluationReportFormat = (typeof EVALUATION_REPORT_FORMATS)[number];

/**
 * Body of `POST /api/evaluation/preview` and `POST /api/evaluation/reports`:
 * the support-start period, on the grid (a whole quarter or calendar year,
 * see `evaluationPeriod`; anything else → 400 `notOnPeriodGrid`). There is no
 * k: the municipality's policy applies, and a body that sends `k` is refused
 * (400, unknown property) whatever its value.
 */
export interface EvaluationReportRequest {
  template: EvaluationTemplate;
  /** First day of the quarter or year (`YYYY-MM-DD`). */
  from: string;
  /** Last day of the same quarter or year. */
  to: string;
}

/** What a table's figures are. */
export type EvaluationTableKind = 'count' | 'share' | 'median';

/** One row of a published table. */
export interface EvaluationTableRowResponse {
  label: string;
  /** Machine values: a count, a share in percent (one decimal), or median months; `null` = suppressed. */
  values: (number | null)[];
  /** The same as printed (German notation: "1.234", "41,7 %", "·"). */
  text: string[];
}

/** A table as it may leave the system (after primary and complementary suppression). */
export interface EvaluationTableResponse {
  /** Stable id, e.g. `outcomes.b1` or `goals.byField`. */
  id: string;
  kind: EvaluationTableKind;
  title: string;
  /** Heading of the label column (e.g. "Kohorte"). */
  rowHeading: string;
  columnLabels: string[];
  rows: EvaluationTableRowResponse[];
  /** Count tables: the last row and the last column are the totals ("Insgesamt"). */
  withTotals: boolean;
  /** Footnotes in German (the suppression rule with this report's k, definitions). */
  footnotes: string[];
}

/** A section of the report (e.g. "Ergebnisse nach Kohorte", "Ziele", "Weiche Faktoren"). */
export interface EvaluationSectionResponse {
  id: string;
  title: string;
  tables: EvaluationTableResponse[];
}

/** Response of `POST /api/evaluation/preview`, and the JSON download of a finished report. */
export interface EvaluationReportResponse {
  template: EvaluationTemplate;
  /** German title of the report. */
  title: string;
  municipality: { code: string; name: string };
  /** The period as asked and as widened to whole cohorts (labels such as `2024-Q1` or `2024`). */
  period: { from: string; to: string; firstCohort: string; lastCohort: string };
  granularity: 'quarter' | 'year';
  k: number;
  /** "Kennzahlen auf einen Blick": the headline figures, each beside the same figure of the previous year's cohorts. */
  keyFigures: EvaluationKeyFigureResponse[];
  /** The cohorts the `previous` figures describe (the same quarters one year earlier); null when there are none. */
  previousPeriod: { firstCohort: string; lastCohort: string } | null;
  sections: EvaluationSectionResponse[];
}

/** The headline figures of the first page, in print order. */
export const EVALUATION_KEY_FIGURES = ['cohortSize', 'b1Within24', 'employedAt24', 'apprenticeships', 'plansAgreed', 'averageCaseload'] as const;
export type EvaluationKeyFigure = (typeof EVALUATION_KEY_FIGURES)[number];

/** One headline figure. Values as in tables: a count, a share in percent (one decimal) or an average; null = not shown. */
export interface EvaluationKeyFigureResponse {
  id: EvaluationKeyFigure;
  /** German label ("Personen in den Kohorten", "B1 innerhalb von 24 Monaten", …). */
  label: string;
  value: number | null;
  /** As printed ("41,7 %", "·", "noch nicht beobachtbar"). */
  text: string;
  previous: number | null;
  previousText: string;
}

export const EVALUATION_REPORT_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type EvaluationReportState = (typeof EVALUATION_REPORT_STATES)[number];

/** A report job (`POST /api/evaluation/reports` → 202; `GET /api/evaluation/reports/:id`). Only its requester sees it. */
export interface EvaluationReportJobResponse {
  id: string;
  template: EvaluationTemplate;
  from: string;
  to: string;
  k: number;
  state: EvaluationReportState;
  /** 0–100. */
  progress: number;
  createdAt: string;
  finishedAt: string | null;
  /** After this the files are deleted (configurable retention in days). */
  expiresAt: string | null;
  /** Formats ready for `GET /api/evaluation/reports/:id/file?format=…` (empty until done). */
  formats: EvaluationReportFormat[];
}

/** `GET /api/evaluation/reports`: the caller's reports, newest first. */
export interface EvaluationReportListResponse {
  items: EvaluationReportJobResponse[];
}
