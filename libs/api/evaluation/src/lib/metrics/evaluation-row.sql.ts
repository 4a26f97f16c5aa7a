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
import { originRegionSql } from './origin-region';
import { publishedGenderSql } from './published-gender';

/**
 * The persons of the evaluation read from the read model `evaluation_row` (issue 20; migration 1768000000000): the
 * same columns as `livePersonsSql` for the same observation day, from one narrow row per client instead of the
 * case tables. The row keeps dates (first day of each outcome, runs of jobs and trainings as date ranges, the
 * first agreed plan); what the live computation filters by `observedUntil` is applied here:
 * - a first day counts when it is on or before the observation day (the minimum of the days up to then is the
 *   overall minimum when that lies up to then);
 * - the status on start + m months is the status on the earlier of that day and the observation day: a job
 *   begun by the observation day and not ended by then is known to run on the later day too, which is what the
 *   live computation assumes for a day it cannot observe yet;
 * - bands and the published gender by the very same SQL as the live computation.
 * The API e2e test `evaluation-read-model.e2e-spec.ts` holds both to the same rows after every kind of change.
 */

/** The observation day `obs` or `day`, whichever is earlier (SQL of dates). */
const until = (day: string, obs: string) => `LEAST(${day}, ${obs})`;
/** `column` when it lies on or before the observation day, else null. */
const seen = (column: string, obs: string) =>
  `CASE WHEN ${column} <= ${obs} THEN ${column} END`;
const dayAfter = (months: number) =>
  `(e.support_start + make_interval(months => ${months}))::date`;

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
         CASE WHEN NOT ${b1AtStart(obs)} THEN evaluation_months(e.support_start, LEAST(${seen('e.b1_outcome_on', obs)}, ${seen('e.b1_certified_on', obs)})) END AS b1_months,
         ${OUTCOME_MEASURES.filter((m) => m !== 'b1')
           .map(
             (m) =>
               `evaluation_months(e.support_start, ${seen(`e.${m}_on`, obs)}) AS ${m}_months`,
           )
           .join(',\n         ')},
         e.goals,
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
         LEAST(evaluation_months(e.support_start, ${obs}), ${LIFE_TABLE_HORIZON}) AS observed_months,
         evaluation_months(e.support_start, ${seen('e.plan_agreed_on', obs)}) AS plan_months
    FROM evaluation_row e
   WHERE ${where}`;

/**
 * Everyone the evaluation counts from the read model: live clients and the anonymous records of erased ones (as
 * `personsSql` does for the live computation); `where` narrows both by `e.cohort_quarter` and the like.
 */
export const readModelPersonsAndRecordsSql = (obs: string, where = 'true') => `
  SELECT ${PERSON_COLUMNS.join(', ')} FROM (${readModelPersonsSql(obs, where)}) live
  UNION ALL
  SELECT ${PERSON_COLUMNS.join(', ')} FROM evaluation_record e WHERE ${where}`;
