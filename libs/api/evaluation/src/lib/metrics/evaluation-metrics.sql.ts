import {
  EMPLOYMENT_STATUSES,
  HEADLINE_MEASURES,
  LIFE_TABLE_HORIZON,
  OUTCOME_MEASURES,
  personsSql,
  SOFT_FACTORS,
  STATUS_MONTHS,
  TRAINING_KINDS,
  TRAINING_STATUSES,
} from './evaluation-person.sql';

/**
 * The evaluation's aggregates over {@link personsSql}: counts of distinct
 * persons per cohort (and breakdown group), medians with `percentile_cont`.
 * Only aggregate rows leave the database.
 *
 * Parameters: $1 first day of the first cohort, $2 first day of the last
 * cohort (both already truncated to the granularity), $3 granularity
 * (`quarter` | `year`, a `date_trunc` unit), $4 the last day observed
 * (`observedUntil`).
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
      FROM (${personsSql('$4::date')}) p
     WHERE date_trunc($3::text, p.cohort_quarter::timestamp)::date BETWEEN $1::date AND $2::date
  )`;

/** "Plan agreed within N months of support start". */
export const PLAN_WINDOW_MONTHS = 3;

/** Measures with a life table (time to the first B1 / first employment). */
export const LIFE_TABLE_MEASURES = ['b1', 'employment'] as const;
export type LifeTableMeasure = (typeof LIFE_TABLE_MEASURES)[number];

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
         ${HEADLINE_MEASURES.map((m) => `count(*) FILTER (WHERE ${m}_preexisting)::int AS ${m}_at_start`).join(',\n         ')},
         ${STATUS_MONTHS.flatMap((m) => EMPLOYMENT_STATUSES.map((st) => `count(*) FILTER (WHERE employment_status_${m} = '${st}')::int AS employment_status_${m}_${st}`)).join(',\n         ')},
         ${TRAINING_KINDS.flatMap((k) => TRAINING_STATUSES.map((st) => `count(*) FILTER (WHERE ${k}_status_36 = '${st}')::int AS ${k}_status_36_${st}`)).join(',\n         ')},
         count(plan_months)::int AS plans_agreed,
         count(*) FILTER (WHERE plan_months < ${PLAN_WINDOW_MONTHS})::int AS plans_agreed_within_${PLAN_WINDOW_MONTHS},
         percentile_cont(0.5) WITHIN GROUP (ORDER BY b1_months) AS b1_median_months,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY employment_months) AS employment_median_months
    FROM cohort_persons
   GROUP BY cohort, grp
   ORDER BY cohort, grp COLLATE "C"`;

/**
 * Life tables of the time to the first B1 / first employment, for the Kaplan–Meier estimate: per cohort, group,
 * measure and whole month, the persons with the event in that month (first reached after start, before month 36,
 * on or before `observedUntil`) and those censored in it (without the event: at the observed months, at most 36).
 * Persons with the outcome at start are left out. Nobody is censored at the case closure: a fully observed cohort
 * censors only at 36, so its numbers at risk follow from the published count tables.
 */
export const lifeTablesSql = (breakdown: Breakdown | null) => `
  WITH ${cohortPersons(breakdown)},
  observations AS (
    SELECT cohort, grp, x.measure, COALESCE(x.months < ${LIFE_TABLE_HORIZON}, false) AS event,
           CASE WHEN x.months < ${LIFE_TABLE_HORIZON} THEN x.months ELSE LEAST(observed_months, ${LIFE_TABLE_HORIZON}) END AS month
      FROM cohort_persons
      CROSS JOIN LATERAL (VALUES ${LIFE_TABLE_MEASURES.map((m) => `('${m}', ${m}_months, ${m}_preexisting)`).join(', ')}) AS x (measure, months, preexisting)
     WHERE NOT x.preexisting
  )
  SELECT cohort, grp, measure, month::int AS month,
         count(*) FILTER (WHERE event)::int AS events,
         count(*) FILTER (WHERE NOT event)::int AS censored
    FROM observations
   GROUP BY cohort, grp, measure, month
   ORDER BY cohort, grp COLLATE "C", measure COLLATE "C", month`;

/**
 * The caseload of the tenant's municipality (no cohort, no breakdown; $1 = `observedUntil`): open cases (active or
 * paused, started by then) held by a manager, and the distinct managers holding them. It is the state at the time of
 * the query (support states have no history here), so it describes `observedUntil` only when that is today.
 */
export const CASELOAD_SQL = `
  SELECT count(*)::int AS open_cases, count(DISTINCT c.responsible_manager_id)::int AS managers
    FROM client c
   WHERE c.support_state IN ('active', 'paused') AND c.responsible_manager_id IS NOT NULL AND c.support_start <= $1::date`;

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
  /**
   * `<measure>_within_<window>`, `<measure>_reached`, `<headline>_at_start`, `employment_status_<m>_<status>`,
   * `<training>_status_36_<status>`, `plans_agreed`, `plans_agreed_within_3`.
   */
  [count: string]: number | string | null;
}

export interface LifeTablesRow {
  cohort: string;
  grp: string | null;
  measure: LifeTableMeasure;
  month: number;
  events: number;
  censored: number;
}

export interface CaseloadRow {
  open_cases: number;
  managers: number;
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
