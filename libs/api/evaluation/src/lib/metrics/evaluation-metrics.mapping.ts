import {
  ClosuresRow,
  GoalsRow,
  OUTCOME_WINDOWS,
  OutcomesRow,
  SoftRatingsRow,
} from './evaluation-metrics.sql';
import { OUTCOME_MEASURES } from './evaluation-person.sql';
import {
  ClosureCount,
  CohortOutcomes,
  emptyCohortExtras,
  EvaluationMetrics,
  GoalCount,
  MEASURE_KEYS,
  MeasureCounts,
  MeasureKey,
  SoftRatingChange,
} from './evaluation-metrics.types';
import { cohortLabel, CohortRange } from './metrics-query';

const FACTOR_KEYS = {
  health: 'health',
  social_environment: 'socialEnvironment',
  employment_quality: 'employmentQuality',
} as const;

const count = (row: OutcomesRow, column: string): number => {
  const value = row[column];
  if (typeof value !== 'number')
    throw new Error(`evaluation outcomes: ${column} missing`);
  return value;
};

/** Rows of `outcomesSql` to cohort results. */
export function toCohortOutcomes(
  rows: readonly OutcomesRow[],
  granularity: CohortRange['granularity'],
): CohortOutcomes[] {
  return rows.map((row) => {
    const outcomes = {} as Record<MeasureKey, MeasureCounts>;
    for (const measure of OUTCOME_MEASURES) {
      const counts = {
        reached: count(row, `${measure}_reached`),
      } as MeasureCounts;
      for (const window of OUTCOME_WINDOWS)
        counts[`within${window}`] = count(row, `${measure}_within_${window}`);
      outcomes[MEASURE_KEYS[measure]] = counts;
    }
    return {
      cohort: cohortLabel(row.cohort, granularity),
      group: row.grp,
      clients: row.clients,
      outcomes,
      medianMonths: {
        b1: row.b1_median_months,
        employment: row.employment_median_months,
      },
      ...emptyCohortExtras(),
    };
  });
}

/** All four result sets to one result. */
export function toEvaluationMetrics(
  range: CohortRange,
  rows: {
    outcomes: readonly OutcomesRow[];
    goals: readonly GoalsRow[];
    softRatings: readonly SoftRatingsRow[];
    closures: readonly ClosuresRow[];
  },
): EvaluationMetrics {
  const label = (cohort: string) => cohortLabel(cohort, range.granularity);
  return {
    granularity: range.granularity,
    firstCohort: label(range.firstCohort),
    lastCohort: label(range.lastCohort),
    breakdown: range.breakdown,
    k: range.k,
    cohorts: toCohortOutcomes(rows.outcomes, range.granularity),
    goals: rows.goals.map((r): GoalCount => ({
      cohort: label(r.cohort),
      group: r.grp,
      fieldOfAction: r.field_of_action,
      state: r.state,
      clients: r.clients,
      goals: r.goals,
    })),
    softRatings: rows.softRatings.map((r): SoftRatingChange => ({
      cohort: label(r.cohort),
      group: r.grp,
      factor: FACTOR_KEYS[r.factor as keyof typeof FACTOR_KEYS],
      improved: r.improved,
      same: r.same,
      worse: r.worse,
    })),
    closures: rows.closures.map((r): ClosureCount => ({
      cohort: label(r.cohort),
      group: r.grp,
      reason: r.closure_reason,
      clients: r.clients,
    })),
    observedUntil: '',
    caseload: { openCases: 0, managers: 0 },
  };
}
