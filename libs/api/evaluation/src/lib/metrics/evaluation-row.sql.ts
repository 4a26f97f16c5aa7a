import { ageBandSql } from './age-band';
import {
  HEADLINE_MEASURES,
  LIFE_TABLE_HORIZON,
  OUTCOME_MEASURES,
  PERSON_COLUMNS,
  SOFT_FACTORS,
  STATUS_MONTHS,
  TRAINING_KINDS,
} from './evaluation-person.sql';
import { goalCountsSql } from './goal-counts';
import { originRegionSql } from './origin-region';
import { publishedGenderSql } from './published-gender';

/**
 * The persons of the evaluation read from the read model `evaluation_row` (issue 20; migration 1768000000000): the
 * same columns as `livePersonsSql` for the same observation day, from one narrow row per client instead of the
 * case tables. The row keeps dates (first day of each outcome with its whole months since the start, runs of jobs
 * and trainings as date ranges, the first agreed plan, the days of months 12/24/36); what the live computation
 * filters by `observedUntil` is applied here:
 * - a first day counts when it is on or before the observation day (the minimum of the days up to then is the
 *   overall minimum when that lies up to then), and with it its months;
 * - the status on start + m months is the status on the earlier of that day and the observation day: a job
 *   begun by the observation day and not ended by then is known to run on the later day too, which is what the
 *   live computation assumes for a day it cannot observe yet;
 * - bands and the published gender by the very same SQL as the live computation.
 * The API e2e test `evaluation-read-model.e2e-spec.ts` holds both to the same rows after every kind of change.
 */

/** The observation day `obs` or `day`, whichever is earlier (SQL of dates). */
const until = (day: string, obs: string) => `LEAST(${day}, ${obs})`;
/** The day start + `months` months, kept in the row for the status months. */
const dayAfter = (months: number) => `e.month${months}_on`;
/** The whole months kept for `day` (`<day>` → `<day minus _on>_months`) when the day lies up to `obs`. */
const seenMonths = (prefix: string, obs: string) =>
  `CASE WHEN e.${prefix}_on <= ${obs} THEN e.${prefix}_months END`;

/**
 * `evaluation_months(e.support_start, at)` written out (the SQL function is not inlined by PostgreSQL and costs a
 * call per row): the largest m with start + m months <= at, at least 0; `at` must not be null.
 */
const wholeMonthsSql = (at: string) => {
  const m = `((date_part('year', ${at}) - date_part('year', e.support_start)) * 12 + date_part('month', ${at}) - date_part('month', e.support_start))::int`;
  return `GREATEST(0, ${m} - CASE WHEN (e.support_start + make_interval(months => ${m}))::date > ${at} THEN 1 ELSE 0 END)`;
};

const JOB_KINDS_BY_PRIORITY = [
  'social_insurance',
  'self_employed',
  'mini_job',
] as const;

const employmentStatusSql = (months: number, obs: string) => {
  const day = until(dayAfter(months), obs);
  return `CASE ${JOB_KINDS_BY_PRIORITY.map((k) => `WHEN ${day} <@ ANY(e.${k}_spans) THEN '${k}'`).join(' ')} ELSE 'not_employed' END`;
};

const trainingStatusSql = (kind: string, obs: string) => {
  const day = until(dayAfter(LIFE_TABLE_HORIZON), obs);
  return `CASE WHEN e.${kind}_completed_on <= ${day} THEN 'completed'
               WHEN ${day} <@ ANY(e.${kind}_spans) THEN 'ongoing'
               WHEN e.${kind}_ended_on <= ${day} THEN 'broken_off'
               ELSE 'not_started' END`;
};

const b1AtStart = (obs: string) =>
  `(COALESCE(e.b1_at_start_on <= ${obs}, false) OR COALESCE(e.b1_certified_on <= ${obs} AND e.b1_certified_on < e.support_start, false))`;

/**
 * Live clients from the read model, observed until `obs` (SQL of a date), with `client_id` in front like
 * `livePersonsSql`; `where` narrows the rows read (e.g. to the cohorts asked for, an index range).
 */
export const readModelPersonsSql = (obs: string, where = 'true') => `
  SELECT e.client_id,
         e.municipality_id,
         e.cohort_quarter,
         ${publishedGenderSql('e.gender', 'e.client_id')} AS gender,
         ${ageBandSql('e.age_years')} AS age_band,
         ${originRegionSql('e.country')} AS region,
         CASE WHEN NOT ${b1AtStart(obs)} THEN LEAST(${seenMonths('b1_outcome', obs)}, ${seenMonths('b1_certified', obs)}) END AS b1_months,
         ${OUTCOME_MEASURES.filter((m) => m !== 'b1')
           .map((m) => `${seenMonths(m, obs)} AS ${m}_months`)
           .join(',\n         ')},
         e.goals,
         e.goal_counts,
         ${SOFT_FACTORS.map((f) => `e.${f}_change`).join(', ')},
         e.closure_reason,
         ${b1AtStart(obs)} AS b1_preexisting,
         ${HEADLINE_MEASURES.filter((m) => m !== 'b1')
           .map(
             (m) =>
               `COALESCE(e.${m}_at_start_on <= ${obs}, false) AS ${m}_preexisting`,
           )
           .join(',\n         ')},
         ${STATUS_MONTHS.map((m) => `${employmentStatusSql(m, obs)} AS employment_status_${m}`).join(',\n         ')},
         ${TRAINING_KINDS.map((k) => `${trainingStatusSql(k, obs)} AS ${k}_status_36`).join(',\n         ')},
         LEAST(${wholeMonthsSql(obs)}, ${LIFE_TABLE_HORIZON}) AS observed_months,
         CASE WHEN e.plan_agreed_on <= ${obs} THEN e.plan_months END AS plan_months
    FROM evaluation_row e
   WHERE ${where}`;

/**
 * Everyone the evaluation counts from the read model: live clients and the anonymous records of erased ones (as
 * `personsSql` does for the live computation); `where` narrows both by `e.cohort_quarter` and the like.
 */
export const readModelPersonsAndRecordsSql = (obs: string, where = 'true') => `
  SELECT ${PERSON_COLUMNS.join(', ')}, goal_counts FROM (${readModelPersonsSql(obs, where)}) live
  UNION ALL
  SELECT ${PERSON_COLUMNS.join(', ')}, ${goalCountsSql('e.goals')} AS goal_counts FROM evaluation_record e WHERE ${where}`;
