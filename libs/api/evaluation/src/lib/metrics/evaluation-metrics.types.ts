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
}

export type { AgeBand };
