import {
  OUTCOME_MEASURES,
  PERSONS_SQL,
  SOFT_FACTORS,
} from './evaluation-person.sql';

/**
 * The evaluation's aggregates over {@link PERSONS_SQL}: counts of distinct
 * persons per cohort (and breakdown group), medians with `percentile_cont`.
 * Only aggregate rows leave the database.
 *
 * Parameters: $1 first day of the first cohort, $2 first day of the last
 * cohort (both already truncated to the granularity), $3 granularity
 * (`quarter` | `year`, a `date_trunc` unit).
 */

/** Allowed breakdowns and their SQL over a person row `p` (nothing else may be grouped by). */
export const BREAKDOWN_SQL = {
  gender: 'p.gender',
  ageBand: 'p.age_band',
  region: 'p.region',
  municipality:
    '(SELECT mu.code FROM municipality mu WHERE mu.id = p.municipality_id)',
} as const;
export type Breakdown = keyof typeof BREAKDOWN_SQL;

/** "Within N months of start" windows. */
export const OUTCOME_WINDOWS = [12, 24, 36] as const;
export type OutcomeWindow = (typeof OUTCOME_WINDOWS)[number];

/** The goal states the report shows per field of action. */
export const REPORTED_GOAL_STATES = [
  'achieved',
  'not_achieved',
  'dropped',
] as const;

/** Persons of the period with their cohort (`YYYY-MM-DD` of its first day) and group (null without breakdown). */
const cohortPersons = (breakdown: Breakdown | null) => `
  cohort_persons AS (
    SELECT date_trunc($3::text, p.cohort_quarter::timestamp)::date::text AS cohort,
           ${breakdown ? `${BREAKDOWN_SQL[breakdown]}::text` : 'NULL::text'} AS grp,
           p.*
      FROM (${PERSONS_SQL}) p
     WHERE date_trunc($3::text, p.cohort_quarter::timestamp)::date BETWEEN $1::date AND $2::date
  )`;

/** Clients per cohort, outcomes within each window and ever, medians of months to first B1 / first employment. */
export const outcomesSql = (breakdown: Breakdown | null) => `
  WITH ${cohortPersons(breakdown)}
  SELECT cohort, grp, count(*)::int AS clients,
         ${OUTCOME_MEASURES.flatMap((m) => [
           ...OUTCOME_WINDOWS.map(
             (w) =>
               `count(*) FILTER (WHERE ${m}_months < ${w})::int AS ${m}_within_${w}`,
           ),
           `count(${m}_months)::int AS ${m}_reached`,
         ]).join(',\n         ')},
         percentile_cont(0.5) WITHIN GROUP (ORDER BY b1_months) AS b1_median_months,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY employment_months) AS employment_median_months
    FROM cohort_persons
   GROUP BY cohort, grp
   ORDER BY cohort, grp COLLATE "C"`;

/** Per field of action and goal state: distinct clients with such a goal, and goals. */
export const goalsSql = (breakdown: Breakdown | null) => `
  WITH ${cohortPersons(breakdown)}
  SELECT cohort, grp, f.key AS field_of_action, s.key AS state, count(*)::int AS clients, sum(s.value::int)::int AS goals
    FROM cohort_persons
    CROSS JOIN LATERAL jsonb_each(goals) f
    CROSS JOIN LATERAL jsonb_each_text(f.value) s
   WHERE s.key IN (${REPORTED_GOAL_STATES.map((s) => `'${s}'`).join(', ')})
   GROUP BY cohort, grp, f.key, s.key
   ORDER BY cohort, grp COLLATE "C", f.key COLLATE "C", s.key COLLATE "C"`;

/** Per soft factor: clients with at least two ratings whose latest is better / equal / worse than the first. */
export const softRatingsSql = (breakdown: Breakdown | null) => `
  WITH ${cohortPersons(breakdown)}
  SELECT cohort, grp, x.factor,
         count(*) FILTER (WHERE x.change > 0)::int AS improved,
         count(*) FILTER (WHERE x.change = 0)::int AS same,
         count(*) FILTER (WHERE x.change < 0)::int AS worse
    FROM cohort_persons
    CROSS JOIN LATERAL (VALUES ${SOFT_FACTORS.map((f) => `('${f}', ${f}_change)`).join(', ')}) AS x (factor, change)
   WHERE x.change IS NOT NULL
   GROUP BY cohort, grp, x.factor
   ORDER BY cohort, grp COLLATE "C", x.factor COLLATE "C"`;

/** Closed clients per closure reason. */
export const closuresSql = (breakdown: Breakdown | null) => `
  WITH ${cohortPersons(breakdown)}
  SELECT cohort, grp, closure_reason, count(*)::int AS clients
    FROM cohort_persons
   WHERE closure_reason IS NOT NULL
   GROUP BY cohort, grp, closure_reason
   ORDER BY cohort, grp COLLATE "C", closure_reason COLLATE "C"`;

export interface OutcomesRow {
  cohort: string;
  grp: string | null;
  clients: number;
  b1_median_months: number | null;
  employment_median_months: number | null;
  /** `<measure>_within_<window>` and `<measure>_reached`. */
  [count: string]: number | string | null;
}

export interface GoalsRow {
  cohort: string;
  grp: string | null;
  field_of_action: string;
  state: string;
  clients: number;
  goals: number;
}

export interface SoftRatingsRow {
  cohort: string;
  grp: string | null;
  factor: string;
  improved: number;
  same: number;
  worse: number;
}

export interface ClosuresRow {
  cohort: string;
  grp: string | null;
  closure_reason: string;
  clients: number;
}
