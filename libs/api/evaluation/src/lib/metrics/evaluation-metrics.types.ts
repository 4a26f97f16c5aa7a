import { AgeBand } from './age-band';
import { Breakdown, OutcomeWindow } from './evaluation-metrics.sql';
import { CohortGranularity } from './metrics-query';

/** Outcome measures in the result (camelCase of the SQL measures). */
export const MEASURE_KEYS = {
  b1: 'b1',
  employment: 'employment',
  employment_social_insurance: 'employmentSocialInsurance',
  employment_mini_job: 'employmentMiniJob',
  employment_self_employed: 'employmentSelfEmployed',
  employment_full_time: 'employmentFullTime',
  employment_part_time: 'employmentPartTime',
  employment_matching: 'employmentMatchingQualification',
  apprenticeship: 'apprenticeship',
  studies: 'studies',
} as const;
export type MeasureKey = (typeof MEASURE_KEYS)[keyof typeof MEASURE_KEYS];

/** Distinct clients who reached a measure within each window, and at all (so far). */
export type MeasureCounts = Record<`within${OutcomeWindow}`, number> & {
  reached: number;
};

/** One cohort (or one breakdown group of a cohort). */
export interface CohortOutcomes {
  /** `2025-Q1` or `2025`. */
  cohort: string;
  /** The breakdown value (gender, age band, region or municipality code); null for the cohort total. */
  group: string | null;
  clients: number;
  outcomes: Record<MeasureKey, MeasureCounts>;
  /** Median of whole months from support start to the first B1 / first employment, over those who reached it; null if nobody did. */
  medianMonths: { b1: number | null; employment: number | null };
  /**
   * Persons whose outcome was already there at support start (marked `present_at_start`, or dated before the start; for
   * B1 also a certified German skill dated before it): "bei Beginn vorhanden". B1 at start is never a success; for the
   * other measures a person may also reach a new one during support (then counted in `outcomes` too).
   */
  atStart: Record<HeadlineMeasure, number>;
  /** Employment status at whole month m after support start (a job started on or before that day and not ended before it). */
  employedAt: Record<`month${OutcomeWindow}`, EmploymentStatusCounts>;
  /** Apprenticeship / studies status at month 36 (exclusive categories, adding up to `clients`). */
  trainingAt36: Record<'apprenticeship' | 'studies', TrainingStatusCounts>;
  /**
   * Life tables of the time to the first B1 / first employment (after start), for the Kaplan–Meier estimate. Those
   * without the event are censored at the months observed (to `observedUntil`, at most 36), never at case closure; the
   * record of an erased person is censored at the erasure (lost to follow-up) if that came before month 36.
   */
  lifeTables: Record<'b1' | 'employment', LifeTableRow[]>;
  /**
   * Persons with an agreed integration plan (a version agreed with and signed by the client, `plan_agreement`, on or
   * before `observedUntil`; the team lead's review is not required) at all, and within 3 months of support start.
   */
  plans: { agreed: number; agreedWithin3Months: number };
}

/** The four measures of the report's headline (b1, employment, apprenticeship, studies). */
export type HeadlineMeasure =
  'b1' | 'employment' | 'apprenticeship' | 'studies';

/**
 * Employment status at one month, in exclusive categories adding up to `clients`: a person with several jobs that day
 * counts once, under the first kind of socialInsurance > selfEmployed > miniJob.
 */
export interface EmploymentStatusCounts {
  socialInsurance: number;
  selfEmployed: number;
  miniJob: number;
  notEmployed: number;
}

/**
 * Apprenticeship / studies at month 36, exclusive categories adding up to `clients` (first that applies): completed by
 * then (ended with `completed = true`), ongoing (started by then, not ended by then), broken off (ended by then without
 * completion), not started (none started by month 36, or only at start).
 */
export interface TrainingStatusCounts {
  completed: number;
  ongoing: number;
  brokenOff: number;
  notStarted: number;
}

/**
 * One whole month t after support start (0, 1, 2, … ascending, only months with something): `events` persons reached
 * the outcome in month t (first time, after start), `censored` persons left observation in month t without it (the
 * observation end, or 36 months, whichever comes first). Persons with the outcome at start are not in the table.
 */
export interface LifeTableRow {
  month: number;
  events: number;
  censored: number;
}

export interface GoalCount {
  cohort: string;
  group: string | null;
  fieldOfAction: string;
  state: string;
  /** Distinct clients with at least one such goal (the unit for disclosure). */
  clients: number;
  goals: number;
}

export interface SoftRatingChange {
  cohort: string;
  group: string | null;
  factor: 'health' | 'socialEnvironment' | 'employmentQuality';
  improved: number;
  same: number;
  worse: number;
}

export interface ClosureCount {
  cohort: string;
  group: string | null;
  reason: string;
  clients: number;
}

/** The raw (not yet suppressed) evaluation figures of the tenant's municipality. */
export interface EvaluationMetrics {
  granularity: CohortGranularity;
  /** Labels of the first and the last cohort asked for. */
  firstCohort: string;
  lastCohort: string;
  breakdown: Breakdown | null;
  k: number;
  cohorts: CohortOutcomes[];
  goals: GoalCount[];
  softRatings: SoftRatingChange[];
  closures: ClosureCount[];
  /** The day the figures describe (`YYYY-MM-DD`, Berlin): observation ends here. */
  observedUntil: string;
  /**
   * Open cases (active or paused, started by `observedUntil`) held by a manager, and the distinct managers holding
   * them (for the average caseload). The current state: it describes `observedUntil` when that is today.
   */
  caseload: { openCases: number; managers: number };
}

export type { AgeBand };
