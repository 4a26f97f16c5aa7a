import {
  EMPLOYMENT_STATUSES,
  HEADLINE_MEASURES,
  LIFE_TABLE_HORIZON,
  OUTCOME_MEASURES,
  PERSON_COLUMNS,
  personsSql,
  SOFT_FACTORS,
  STATUS_MONTHS,
  TRAINING_KINDS,
  TRAINING_STATUSES,
} from './evaluation-person.sql';
export { REPORTED_GOAL_STATES } from './goal-counts';
import { readModelPersonsAndRecordsSql } from './evaluation-row.sql';
import { CLOSURE_REASONS } from '@wegweiser/shared/contracts';
import { GOAL_COUNT_KEYS } from './goal-counts';

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


/** The label of the rows without a breakdown. */
export const TOTAL = 'total';
export type BreakdownLabel = Breakdown | typeof TOTAL;

/** The group column of a breakdown in `cohort_persons`. */
const groupColumn = (breakdown: Breakdown) => `grp_${breakdown}`;

/**
 * The person columns the tables count (the group columns are computed from the others; the goal counts are read
 * from their array, not from the JSON): a narrow row for the materialised persons, which every table scans.
 */
const COUNTED_COLUMNS = [...PERSON_COLUMNS.filter((c) => !['municipality_id', 'cohort_quarter', 'gender', 'age_band', 'region', 'goals'].includes(c)), 'goal_counts'];

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
           ${COUNTED_COLUMNS.map((c) => `p.${c}`).join(', ')}
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

/**
 * Every table is counted once at the finest grouping the statement needs (cohort × every breakdown's group, plain
 * `GROUP BY`: one pass over the persons) and then rolled up into the grouping sets from those few rows (sums of
 * counts are exact). Counting the persons once per grouping set cost each aggregate once per set.
 */
const fineGroups = (breakdowns: readonly Breakdown[]) => ['cohort', ...breakdowns.map(groupColumn)].join(', ');

/** The roll-up of a finest-grouping table `from`: one grouping set per label, every count summed. */
const rollUp = (labels: readonly BreakdownLabel[], from: string, keys: readonly string[], counts: readonly string[]) => `
  SELECT ${labelColumns(labels)}, cohort${keys.map((k) => `, ${k}`).join('')},
         ${counts.map((c) => `sum(${c})::int AS ${c}`).join(', ')}
    FROM ${from}
   GROUP BY ${groupingSets(labels, keys)}`;

/** The soft-rating changes counted per factor: better / equal / worse than the first rating. */
const RATING_CHANGES = { improved: '> 0', same: '= 0', worse: '< 0' } as const;
const ratingColumn = (factor: string, change: string) => `rating_${change}__${factor}`;
const closureColumn = (reason: string) => `closure__${reason}`;
const goalColumn = (field: string, state: string, what: 'clients' | 'goals') => `goal_${what}__${field}__${state}`;

/** The counts of the outcome table: clients, outcomes within each window and ever, at start, status, plans. */
const OUTCOME_COUNTS: readonly (readonly [string, string])[] = [
  ['clients', 'count(*)'],
  ...OUTCOME_MEASURES.flatMap((m) => [
    ...OUTCOME_WINDOWS.map((w) => [`${m}_within_${w}`, `count(*) FILTER (WHERE ${m}_months < ${w})`] as const),
    [`${m}_reached`, `count(${m}_months)`] as const,
  ]),
  ...HEADLINE_MEASURES.map((m) => [`${m}_at_start`, `count(*) FILTER (WHERE ${m}_preexisting)`] as const),
  ...STATUS_MONTHS.flatMap((m) =>
    EMPLOYMENT_STATUSES.map((st) => [`employment_status_${m}_${st}`, `count(*) FILTER (WHERE employment_status_${m} = '${st}')`] as const),
  ),
  ...TRAINING_KINDS.flatMap((k) => TRAINING_STATUSES.map((st) => [`${k}_status_36_${st}`, `count(*) FILTER (WHERE ${k}_status_36 = '${st}')`] as const)),
  ['plans_agreed', 'count(plan_months)'],
  [`plans_agreed_within_${PLAN_WINDOW_MONTHS}`, `count(*) FILTER (WHERE plan_months < ${PLAN_WINDOW_MONTHS})`],
];

/**
 * The counts of the goal, rating and closure tables, taken in the same pass (columns of `person_counts`): per field
 * of action and goal state the persons with such goals and the goals, from the entries of the person's goal counts.
 */
const OTHER_COUNTS: readonly (readonly [string, string])[] = [
  ...GOAL_COUNT_KEYS.flatMap(({ field, state, index }) => [
    [goalColumn(field, state, 'clients'), `count(*) FILTER (WHERE goal_counts[${index}] > 0)`] as const,
    [goalColumn(field, state, 'goals'), `sum(goal_counts[${index}])`] as const,
  ]),
  ...SOFT_FACTORS.flatMap((f) => Object.entries(RATING_CHANGES).map(([change, test]) => [ratingColumn(f, change), `count(*) FILTER (WHERE ${f}_change ${test})`] as const)),
  ...CLOSURE_REASONS.map((r) => [closureColumn(r), `count(*) FILTER (WHERE closure_reason = '${r}')`] as const),
];

/** The one counting pass over the persons at the finest grouping (outcomes, ratings, closures). */
const fineCountsPart = (breakdowns: readonly Breakdown[]) => `
  SELECT ${fineGroups(breakdowns)},
         ${[...OUTCOME_COUNTS, ...OTHER_COUNTS].map(([alias, expr]) => `${expr} AS ${alias}`).join(',\n         ')}
    FROM cohort_persons
   GROUP BY ${fineGroups(breakdowns)}`;

/**
 * Medians of the whole months to the first B1 / first employment over those who reached it (`percentile_cont(0.5)`
 * of whole months, exact): from the persons per month at the finest grouping, rolled up, the middle one or two
 * values found by their running counts.
 */
const mediansPart = (labels: readonly BreakdownLabel[]) => `
  SELECT breakdown, grp, cohort,
         ${LIFE_TABLE_MEASURES.map((m) => `(avg(months) FILTER (WHERE measure = '${m}' AND below < (total + 1) / 2 AND upto >= (total + 1) / 2)
            + avg(months) FILTER (WHERE measure = '${m}' AND below < (total + 2) / 2 AND upto >= (total + 2) / 2)) / 2 AS ${m}_median_months`).join(',\n         ')}
    FROM (SELECT *, upto - persons AS below
            FROM (SELECT *, sum(persons) OVER (PARTITION BY breakdown, grp, cohort, measure ORDER BY months) AS upto,
                         sum(persons) OVER (PARTITION BY breakdown, grp, cohort, measure) AS total
                    FROM (${rollUp(labels, 'month_counts', ['measure', 'months'], ['persons'])}) rolled) running) positioned
   GROUP BY breakdown, grp, cohort`;

/** Clients per cohort, outcomes within each window and ever, medians of months to first B1 / first employment. */
const outcomesPart = `
  SELECT o.breakdown, o.cohort, o.grp, ${OUTCOME_COUNTS.map(([alias]) => `o.${alias}`).join(', ')},
         ${LIFE_TABLE_MEASURES.map((m) => `m.${m}_median_months::float8 AS ${m}_median_months`).join(', ')}
    FROM person_counts o
    LEFT JOIN medians m ON m.breakdown = o.breakdown AND m.cohort = o.cohort AND m.grp IS NOT DISTINCT FROM o.grp`;

/**
 * The persons per measure with a life table (time to the first B1 / first employment), at the finest grouping, by
 * whole months to it (null: not reached), whether it was there at the start, and — without an event before month
 * ${LIFE_TABLE_HORIZON} — the month they are censored in (the observed months, at most ${LIFE_TABLE_HORIZON}). The life tables and the medians are
 * both sums over these few rows: the persons are expanded per measure once.
 */
const fineMeasureCountsPart = (breakdowns: readonly Breakdown[]) => `
  SELECT ${fineGroups(breakdowns)}, x.measure, x.months, x.preexisting,
         CASE WHEN x.months < ${LIFE_TABLE_HORIZON} THEN NULL ELSE LEAST(observed_months, ${LIFE_TABLE_HORIZON}) END AS censored_in,
         count(*) AS persons
    FROM cohort_persons
   CROSS JOIN LATERAL (VALUES ${LIFE_TABLE_MEASURES.map((m) => `('${m}', ${m}_months, ${m}_preexisting)`).join(', ')}) AS x (measure, months, preexisting)
   GROUP BY ${fineGroups(breakdowns)}, x.measure, x.months, x.preexisting, censored_in`;

/**
 * Life tables of the time to the first B1 / first employment, for the Kaplan–Meier estimate: per cohort, group,
 * measure and whole month, the persons with the event in that month (first reached after start, before month 36,
 * on or before `observedUntil`) and those censored in it (without the event: at the observed months, at most 36).
 * Persons with the outcome at start are left out. Nobody is censored at the case closure: a fully observed cohort
 * censors only at 36, so its numbers at risk follow from the published count tables.
 */
const LIFE_TABLE_MONTH = `COALESCE(CASE WHEN months < ${LIFE_TABLE_HORIZON} THEN months END, censored_in)::int`;
const fineLifeTablesPart = (breakdowns: readonly Breakdown[]) => `
  SELECT ${fineGroups(breakdowns)}, measure, ${LIFE_TABLE_MONTH} AS month,
         COALESCE(sum(persons) FILTER (WHERE months < ${LIFE_TABLE_HORIZON}), 0) AS events,
         COALESCE(sum(persons) FILTER (WHERE NOT COALESCE(months < ${LIFE_TABLE_HORIZON}, false)), 0) AS censored
    FROM measure_counts
   WHERE NOT preexisting
   GROUP BY ${fineGroups(breakdowns)}, measure, ${LIFE_TABLE_MONTH}`;

/** The persons per measure and whole months to it, at the finest grouping (for the medians). */
const fineMonthCountsPart = (breakdowns: readonly Breakdown[]) => `
  SELECT ${fineGroups(breakdowns)}, measure, months, sum(persons) AS persons
    FROM measure_counts
   WHERE months IS NOT NULL
   GROUP BY ${fineGroups(breakdowns)}, measure, months`;

/**
 * The caseload of the tenant's municipality (no cohort, no breakdown; $4 = `observedUntil`): open cases (active or
 * paused, started by then) held by a manager, and the distinct managers holding them. It is the state at the time of
 * the query (support states have no history here), so it describes `observedUntil` only when that is today. Read
 * from the partial index of open cases per manager (migration 1768200000000), one group per manager.
 */
const CASELOAD_PART = `
  SELECT COALESCE(sum(cases), 0)::int AS open_cases, count(*)::int AS managers
    FROM (SELECT c.responsible_manager_id, count(*) AS cases
            FROM client c
           WHERE c.support_state IN ('active', 'paused') AND c.responsible_manager_id IS NOT NULL AND c.support_start <= $4::date
           GROUP BY c.responsible_manager_id) per_manager`;

/** Per field of action and goal state: distinct clients with such a goal, and goals (where there are any). */
const goalsPart = `
  SELECT breakdown, cohort, grp, x.field_of_action, x.state, x.clients, x.goals
    FROM person_counts
   CROSS JOIN LATERAL (VALUES ${GOAL_COUNT_KEYS.map(({ field, state }) => `('${field}', '${state}', ${goalColumn(field, state, 'clients')}, ${goalColumn(field, state, 'goals')})`).join(', ')}) AS x (field_of_action, state, clients, goals)
   WHERE x.clients > 0`;

/** Per soft factor: clients with at least two ratings whose latest is better / equal / worse than the first. */
const softRatingsPart = `
  SELECT breakdown, cohort, grp, x.factor, x.improved, x.same, x.worse
    FROM person_counts
   CROSS JOIN LATERAL (VALUES ${SOFT_FACTORS.map((f) => `('${f}', ${Object.keys(RATING_CHANGES).map((c) => ratingColumn(f, c)).join(', ')})`).join(', ')}) AS x (factor, improved, same, worse)
   WHERE x.improved + x.same + x.worse > 0`;

/** Closed clients per closure reason. */
const closuresPart = `
  SELECT breakdown, cohort, grp, x.closure_reason, x.clients
    FROM person_counts
   CROSS JOIN LATERAL (VALUES ${CLOSURE_REASONS.map((r) => `('${r}', ${closureColumn(r)})`).join(', ')}) AS x (closure_reason, clients)
   WHERE x.clients > 0`;

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
) => {
  const breakdowns = labels.filter((l): l is Breakdown => l !== TOTAL);
  const counts = [...OUTCOME_COUNTS, ...OTHER_COUNTS].map(([alias]) => alias);
  return `
  WITH ${cohortPersons(breakdowns, source)},
  fine_counts AS MATERIALIZED (${fineCountsPart(breakdowns)}),
  person_counts AS MATERIALIZED (${rollUp(labels, 'fine_counts', [], counts)}),
  measure_counts AS MATERIALIZED (${fineMeasureCountsPart(breakdowns)}),
  month_counts AS MATERIALIZED (${fineMonthCountsPart(breakdowns)}),
  medians AS MATERIALIZED (${mediansPart(labels)}),
  life_counts AS MATERIALIZED (${fineLifeTablesPart(breakdowns)})
  SELECT ${asJson(outcomesPart, 'outcomes', [])},
         ${asJson(rollUp(labels, 'life_counts', ['measure', 'month'], ['events', 'censored']), 'life_tables', ['t.measure COLLATE "C"', 't.month'])},
         ${asJson(goalsPart, 'goals', ['t.field_of_action COLLATE "C"', 't.state COLLATE "C"'])},
         ${asJson(softRatingsPart, 'soft_ratings', ['t.factor COLLATE "C"'])},
         ${asJson(closuresPart, 'closures', ['t.closure_reason COLLATE "C"'])},
         (SELECT row_to_json(c) FROM (${CASELOAD_PART}) c) AS caseload`;
};

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
