import {
  CaseloadRow,
  ClosuresRow,
  GoalsRow,
  LIFE_TABLE_MEASURES,
  LifeTablesRow,
  OUTCOME_WINDOWS,
  OutcomesRow,
  PLAN_WINDOW_MONTHS,
  SoftRatingsRow,
} from './evaluation-metrics.sql';
import {
  HEADLINE_MEASURES,
  OUTCOME_MEASURES,
  STATUS_MONTHS,
  TRAINING_KINDS,
} from './evaluation-person.sql';
import {
  ClosureCount,
  CohortOutcomes,
  EmploymentStatusCounts,
  EvaluationMetrics,
  GoalCount,
  MEASURE_KEYS,
  MeasureCounts,
  MeasureKey,
  LifeTableRow,
  SoftRatingChange,
  TrainingStatusCounts,
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

const employmentStatus = (
  row: OutcomesRow,
  month: number,
): EmploymentStatusCounts => {
  const c = (status: string) =>
    count(row, `employment_status_${month}_${status}`);
  return {
    socialInsurance: c('social_insurance'),
    selfEmployed: c('self_employed'),
    miniJob: c('mini_job'),
    notEmployed: c('not_employed'),
  };
};

const trainingStatus = (
  row: OutcomesRow,
  kind: string,
): TrainingStatusCounts => {
  const c = (status: string) => count(row, `${kind}_status_36_${status}`);
  return {
    completed: c('completed'),
    ongoing: c('ongoing'),
    brokenOff: c('broken_off'),
    notStarted: c('not_started'),
  };
};

/** Life-table rows of one cohort and group, per measure (months ascending as the SQL orders them). */
const lifeTablesOf = (
  rows: readonly LifeTablesRow[],
  cohort: string,
  group: string | null,
): CohortOutcomes['lifeTables'] => {
  const tables = {} as CohortOutcomes['lifeTables'];
  for (const measure of LIFE_TABLE_MEASURES)
    tables[measure] = rows
      .filter(
        (r) => r.cohort === cohort && r.grp === group && r.measure === measure,
      )
      .map((r): LifeTableRow => ({
        month: r.month,
        events: r.events,
        censored: r.censored,
      }));
  return tables;
};

/** Outcome rows of `metricsSql` (and its life-table rows) to cohort results. */
export function toCohortOutcomes(
  rows: readonly OutcomesRow[],
  granularity: CohortRange['granularity'],
  lifeTables: readonly LifeTablesRow[] = [],
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
      atStart: Object.fromEntries(
        HEADLINE_MEASURES.map((m) => [m, count(row, `${m}_at_start`)]),
      ) as CohortOutcomes['atStart'],
      employedAt: Object.fromEntries(
        STATUS_MONTHS.map((m) => [`month${m}`, employmentStatus(row, m)]),
      ) as CohortOutcomes['employedAt'],
      trainingAt36: Object.fromEntries(
        TRAINING_KINDS.map((k) => [k, trainingStatus(row, k)]),
      ) as CohortOutcomes['trainingAt36'],
      lifeTables: lifeTablesOf(lifeTables, row.cohort, row.grp),
      plans: {
        agreed: count(row, 'plans_agreed'),
        agreedWithin3Months: count(
          row,
          `plans_agreed_within_${PLAN_WINDOW_MONTHS}`,
        ),
      },
    };
  });
}

/** All result sets to one result. */
export function toEvaluationMetrics(
  range: CohortRange,
  rows: {
    outcomes: readonly OutcomesRow[];
    goals: readonly GoalsRow[];
    softRatings: readonly SoftRatingsRow[];
    closures: readonly ClosuresRow[];
    lifeTables: readonly LifeTablesRow[];
    caseload: CaseloadRow;
  },
): EvaluationMetrics {
  const label = (cohort: string) => cohortLabel(cohort, range.granularity);
  return {
    granularity: range.granularity,
    firstCohort: label(range.firstCohort),
    lastCohort: label(range.lastCohort),
    breakdown: range.breakdown,
    k: range.k,
    cohorts: toCohortOutcomes(
      rows.outcomes,
      range.granularity,
      rows.lifeTables,
    ),
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
    observedUntil: range.observedUntil,
    caseload: {
      openCases: rows.caseload.open_cases,
      managers: rows.caseload.managers,
    },
  };
}
