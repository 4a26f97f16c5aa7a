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
import { readModelPersonsAndRecordsSql } from './evaluation-row.sql';

/**
 * The evaluation's aggregates over the persons of the evaluation: counts of distinct persons per cohort (and
 * breakdown group), medians with `percentile_cont`. Only aggregate rows leave the database.
 *
 * One statement per request (`metricsSql`): the persons of the period are read once (from the read model
 * `evaluation_row` and the anonymous records, or — `source: 'live'` — computed from the case tables, the
 * reference the read model is tested against) and every table is aggregated from them with `GROUPING SETS`, one
 * set per breakdown asked for (the total is the set without a group). Each part comes back as a JSON array whose
 * rows carry their `breakdown` (`total` or the breakdown's name).
 *
 * Parameters: $1 first day of the first cohort, $2 first day of the last cohort (both already truncated to the
 * granularity), $3 granularity (`quarter` | `year`, a `date_trunc` unit), $4 the last day observed
 * (`observedUntil`).
 */

/** Where the persons come from: the read model (what the API uses) or the live computation over the case tables. */
export type PersonSource = 'readModel' | 'live';

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

/** The label of the rows without a breakdown. */
export const TOTAL = 'total';
export type BreakdownLabel = Breakdown | typeof TOTAL;

/** The group column of a breakdown in `cohort_persons`. */
const groupColumn = (breakdown: Breakdown) => `grp_${breakdown}`;

/**
 * Persons of the period with their cohort (`YYYY-MM-DD` of its first day) and a group column per breakdown,
 * read once (MATERIALIZED) for every table of the statement.
 */
const cohortPersons = (
  breakdowns: readonly Breakdown[],
  source: PersonSource,
) => {
  const persons =
    source === 'live'
      ? personsSql('$4::date')
      : readModelPersonsAndRecordsSql(
          '$4::date',
          `e.cohort_quarter >= $1::date AND e.cohort_quarter < ($2::date + CASE $3::text WHEN 'year' THEN interval '1 year' ELSE interval '3 months' END)::date`,
        );
  return `
  cohort_persons AS MATERIALIZED (
    SELECT date_trunc($3::text, p.cohort_quarter::timestamp)::date::text AS cohort,
           ${breakdowns.map((b) => `${BREAKDOWN_SQL[b]}::text AS ${groupColumn(b)}`).join(',\n           ')}${breakdowns.length ? ',' : ''}
           p.*
      FROM (${persons}) p
     WHERE date_trunc($3::text, p.cohort_quarter::timestamp)::date BETWEEN $1::date AND $2::date
  )`;
};

/** GROUP BY one set per breakdown label (`also`: the further grouping columns of the table). */
const groupingSets = (
  labels: readonly BreakdownLabel[],
  also: readonly string[],
) =>
  `GROUPING SETS (${labels
    .map(
      (l) =>
        `(${['cohort', ...(l === TOTAL ? [] : [groupColumn(l)]), ...also].join(', ')})`,
    )
    .join(', ')})`;

/** The `breakdown` and `grp` columns of a grouped row. */
const labelColumns = (labels: readonly BreakdownLabel[]) => {
  const grouped = labels.filter((l): l is Breakdown => l !== TOTAL);
  if (!grouped.length)
    return `'${TOTAL}'::text AS breakdown, NULL::text AS grp`;
  const when = (value: (b: Breakdown) => string) =>
    grouped
      .map((b) => `WHEN GROUPING(${groupColumn(b)}) = 0 THEN ${value(b)}`)
      .join(' ');
  return `CASE ${when((b) => `'${b}'`)} ELSE '${TOTAL}' END AS breakdown, CASE ${when(groupColumn)} END AS grp`;
};

/** "Plan agreed within N months of support start". */
export const PLAN_WINDOW_MONTHS = 3;

/** Measures with a life table (time to the first B1 / first employment). */
export const LIFE_TABLE_MEASURES = ['b1', 'employment'] as const;
export type LifeTableMeasure = (typeof LIFE_TABLE_MEASURES)[number];

/** Clients per cohort, outcomes within each window and ever, medians of months to first B1 / first employment. */
const outcomesPart = (labels: readonly BreakdownLabel[]) => `
  SELECT ${labelColumns(labels)}, cohort, count(*)::int AS clients,
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
   GROUP BY ${groupingSets(labels, [])}`;

/**
 * Life tables of the time to the first B1 / first employment, for the Kaplan–Meier estimate: per cohort, group,
 * measure and whole month, the persons with the event in that month (first reached after start, before month 36,
 * on or before `observedUntil`) and those censored in it (without the event: at the observed months, at most 36).
 * Persons with the outcome at start are left out. Nobody is censored at the case closure: a fully observed cohort
 * censors only at 36, so its numbers at risk follow from the published count tables.
 */
const lifeTablesPart = (labels: readonly BreakdownLabel[]) => `
  SELECT ${labelColumns(labels)}, cohort, measure, month::int AS month,
         count(*) FILTER (WHERE event)::int AS events,
         count(*) FILTER (WHERE NOT event)::int AS censored
    FROM (SELECT cohort_persons.*, x.measure, COALESCE(x.months < ${LIFE_TABLE_HORIZON}, false) AS event,
                 CASE WHEN x.months < ${LIFE_TABLE_HORIZON} THEN x.months ELSE LEAST(observed_months, ${LIFE_TABLE_HORIZON}) END AS month
            FROM cohort_persons
            CROSS JOIN LATERAL (VALUES ${LIFE_TABLE_MEASURES.map((m) => `('${m}', ${m}_months, ${m}_preexisting)`).join(', ')}) AS x (measure, months, preexisting)
           WHERE NOT x.preexisting) observations
   GROUP BY ${groupingSets(labels, ['measure', 'month'])}`;

/**
 * The caseload of the tenant's municipality (no cohort, no breakdown; $4 = `observedUntil`): open cases (active or
 * paused, started by then) held by a manager, and the distinct managers holding them. It is the state at the time of
 * the query (support states have no history here), so it describes `observedUntil` only when that is today.
 */
const CASELOAD_PART = `
  SELECT count(*)::int AS open_cases, count(DISTINCT c.responsible_manager_id)::int AS managers
    FROM client c
   WHERE c.support_state IN ('active', 'paused') AND c.responsible_manager_id IS NOT NULL AND c.support_start <= $4::date`;

/** Per field of action and goal state: distinct clients with such a goal, and goals. */
const goalsPart = (labels: readonly BreakdownLabel[]) => `
  SELECT ${labelColumns(labels)}, cohort, field_of_action, state, count(*)::int AS clients, sum(goal_count)::int AS goals
    FROM (SELECT cohort_persons.*, f.key AS field_of_action, s.key AS state, s.value::int AS goal_count
            FROM cohort_persons
            CROSS JOIN LATERAL jsonb_each(cohort_persons.goals) f
            CROSS JOIN LATERAL jsonb_each_text(f.value) s
           WHERE s.key IN (${REPORTED_GOAL_STATES.map((s) => `'${s}'`).join(', ')})) by_state
   GROUP BY ${groupingSets(labels, ['field_of_action', 'state'])}`;

/** Per soft factor: clients with at least two ratings whose latest is better / equal / worse than the first. */
const softRatingsPart = (labels: readonly BreakdownLabel[]) => `
  SELECT ${labelColumns(labels)}, cohort, factor,
         count(*) FILTER (WHERE change > 0)::int AS improved,
         count(*) FILTER (WHERE change = 0)::int AS same,
         count(*) FILTER (WHERE change < 0)::int AS worse
    FROM (SELECT cohort_persons.*, x.factor, x.change
            FROM cohort_persons
            CROSS JOIN LATERAL (VALUES ${SOFT_FACTORS.map((f) => `('${f}', ${f}_change)`).join(', ')}) AS x (factor, change)
           WHERE x.change IS NOT NULL) changes
   GROUP BY ${groupingSets(labels, ['factor'])}`;

/** Closed clients per closure reason. */
const closuresPart = (labels: readonly BreakdownLabel[]) => `
  SELECT ${labelColumns(labels)}, cohort, closure_reason, count(*)::int AS clients
    FROM cohort_persons
   WHERE closure_reason IS NOT NULL
   GROUP BY ${groupingSets(labels, ['closure_reason'])}`;

/** A part as one JSON array, in the order the mapping expects (cohort, group, then the part's own keys). */
const asJson = (part: string, name: string, order: readonly string[]) =>
  `(SELECT COALESCE(json_agg(t ORDER BY ${['t.breakdown COLLATE "C"', 't.cohort', 't.grp COLLATE "C"', ...order].join(', ')}), '[]') FROM (${part}) t) AS ${name}`;

/**
 * Every table of the evaluation for the breakdown labels asked for (`total` and / or breakdowns), in one
 * statement: the persons of the period once, then each table with one grouping set per label. One row with
 * the JSON arrays `outcomes`, `life_tables`, `goals`, `soft_ratings`, `closures` and the object `caseload`.
 */
export const metricsSql = (
  labels: readonly BreakdownLabel[],
  source: PersonSource = 'readModel',
) => `
  WITH ${cohortPersons(
    labels.filter((l): l is Breakdown => l !== TOTAL),
    source,
  )}
  SELECT ${asJson(outcomesPart(labels), 'outcomes', [])},
         ${asJson(lifeTablesPart(labels), 'life_tables', ['t.measure COLLATE "C"', 't.month'])},
         ${asJson(goalsPart(labels), 'goals', ['t.field_of_action COLLATE "C"', 't.state COLLATE "C"'])},
         ${asJson(softRatingsPart(labels), 'soft_ratings', ['t.factor COLLATE "C"'])},
         ${asJson(closuresPart(labels), 'closures', ['t.closure_reason COLLATE "C"'])},
         (SELECT row_to_json(c) FROM (${CASELOAD_PART}) c) AS caseload`;

/** The row of `metricsSql`. */
export interface MetricsRow {
  outcomes: LabelledRow<OutcomesRow>[];
  life_tables: LabelledRow<LifeTablesRow>[];
  goals: LabelledRow<GoalsRow>[];
  soft_ratings: LabelledRow<SoftRatingsRow>[];
  closures: LabelledRow<ClosuresRow>[];
  caseload: CaseloadRow;
}

export type LabelledRow<T> = T & { breakdown: BreakdownLabel };

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
