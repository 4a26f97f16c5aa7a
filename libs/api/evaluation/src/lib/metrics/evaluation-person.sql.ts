import { GERMAN_LANGUAGE_CODE } from '@wegweiser/shared/contracts';
import { ageBandSql, completedYearsSql } from './age-band';
import { goalCountsSql } from './goal-counts';
import { originRegionSql } from './origin-region';
import { publishedGenderSql } from './published-gender';

/**
 * One row per person of the evaluation, with nothing but what the metrics
 * count: the quarter of support start, banded attributes, whole months from
 * start to each first outcome (`evaluation_months`, null = not reached), goal
 * counts per field of action and state, the change of each soft factor
 * between the first and the latest rating, the closure reason, and the
 * figures of issue 19 (the published gender, at start, employment status at 12/24/36, training at
 * 36, months observed, months to the first agreed plan; see
 * {@link livePersonsSql}). Live clients are computed from the case tables,
 * observed until a given day; erased clients come from their anonymous
 * `evaluation_record`, which was filled from the very same expression
 * (`livePersonsSql`) on the day of the erasure, so erasing a client changes no
 * figure of that day.
 */

/** CEFR levels that count as B1 "or higher". */
const B1_OR_HIGHER = ['B1', 'B2', 'C1', 'C2'] as const;

/** The outcome measures with a "first reached" month, in column order (`<measure>_months`). */
export const OUTCOME_MEASURES = [
  'b1',
  'employment',
  'employment_social_insurance',
  'employment_mini_job',
  'employment_self_employed',
  'employment_full_time',
  'employment_part_time',
  'employment_matching',
  'apprenticeship',
  'studies',
] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** Soft factors (columns of `soft_rating`); the change column is `<factor>_change`. */
export const SOFT_FACTORS = [
  'health',
  'social_environment',
  'employment_quality',
] as const;
export type SoftFactor = (typeof SOFT_FACTORS)[number];

/** Which outcomes count for each measure (B1 "or higher": every b1 outcome has level B1..C2). */
const MEASURE_FILTER: Record<OutcomeMeasure, string> = {
  b1: `x.kind = 'b1'`,
  employment: `x.kind = 'employment'`,
  employment_social_insurance: `x.kind = 'employment' AND x.employment_kind = 'social_insurance'`,
  employment_mini_job: `x.kind = 'employment' AND x.employment_kind = 'mini_job'`,
  employment_self_employed: `x.kind = 'employment' AND x.employment_kind = 'self_employed'`,
  employment_full_time: `x.kind = 'employment' AND x.full_time`,
  employment_part_time: `x.kind = 'employment' AND NOT x.full_time`,
  employment_matching: `x.kind = 'employment' AND x.matches_qualification`,
  apprenticeship: `x.kind = 'apprenticeship'`,
  studies: `x.kind = 'studies'`,
};

/** The report's headline measures, each with a "bei Beginn vorhanden" flag (`<measure>_preexisting`). */
export const HEADLINE_MEASURES = [
  'b1',
  'employment',
  'apprenticeship',
  'studies',
] as const;
export type HeadlineOutcomeMeasure = (typeof HEADLINE_MEASURES)[number];

/** Months after support start at which the employment status is taken (`employment_status_<m>`). */
export const STATUS_MONTHS = [12, 24, 36] as const;

/** Employment status categories by priority (the first that applies), then `not_employed`. */
export const EMPLOYMENT_STATUSES = [
  'social_insurance',
  'self_employed',
  'mini_job',
  'not_employed',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** Apprenticeship / studies at month 36 by priority (`<kind>_status_36`). */
export const TRAINING_KINDS = ['apprenticeship', 'studies'] as const;
export const TRAINING_STATUSES = [
  'completed',
  'ongoing',
  'broken_off',
  'not_started',
] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** The end of the observation window of a person, in whole months (life tables censor at the latest here). */
export const LIFE_TABLE_HORIZON = 36;

/** Columns shared by live persons and records, in the order of `evaluation_record` (issue 19's at the end). */
export const PERSON_COLUMNS = [
  'municipality_id',
  'cohort_quarter',
  'gender',
  'age_band',
  'region',
  ...OUTCOME_MEASURES.map((m) => `${m}_months`),
  'goals',
  ...SOFT_FACTORS.map((f) => `${f}_change`),
  'closure_reason',
  ...HEADLINE_MEASURES.map((m) => `${m}_preexisting`),
  ...STATUS_MONTHS.map((m) => `employment_status_${m}`),
  ...TRAINING_KINDS.map((k) => `${k}_status_36`),
  'observed_months',
  'plan_months',
] as const;

const first = (factor: SoftFactor, direction: 'ASC' | 'DESC') =>
  `(array_agg(${factor} ORDER BY rated_on ${direction}, created_at ${direction}, id ${direction}) FILTER (WHERE ${factor} IS NOT NULL))[1]`;

/** The day `months` whole months after the support start of client `c`. */
const dayAfter = (months: number) =>
  `(c.support_start + make_interval(months => ${months}))::date`;

/**
 * An outcome row `x` (limited to the observation; `ended_by` is its end if that lies on or before `observedUntil`)
 * that runs on `day`: begun by then, not ended by then.
 */
const runsOn = (day: string) =>
  `x.achieved_on <= ${day} AND (x.ended_by IS NULL OR x.ended_by > ${day})`;

/** Outcome `x` reached during support: not brought along, dated on or after the support start. */
const AFTER_START = `NOT x.present_at_start AND x.achieved_on >= c.support_start`;
/** Outcome `x` there at support start ("bei Beginn vorhanden"): marked so, or dated before the start. */
const AT_START = `(x.present_at_start OR x.achieved_on < c.support_start)`;

/** B1 there at start: a b1 outcome there at start, or a certificate dated before the start. */
const B1_AT_START = `(o.b1_at_start OR COALESCE(l.b1_certified_on < c.support_start, false))`;

const employmentStatusSql = (months: number) => {
  const day = dayAfter(months);
  const held = (kind: string) =>
    `bool_or(x.kind = 'employment' AND x.employment_kind = '${kind}' AND ${runsOn(day)})`;
  return `CASE WHEN ${held('social_insurance')} THEN 'social_insurance' WHEN ${held('self_employed')} THEN 'self_employed' WHEN ${held('mini_job')} THEN 'mini_job' ELSE 'not_employed' END`;
};

const trainingStatusSql = (kind: string) => {
  const day = dayAfter(LIFE_TABLE_HORIZON);
  const any = (condition: string) =>
    `bool_or(x.kind = '${kind}' AND ${AFTER_START} AND ${condition})`;
  return `CASE WHEN ${any(`x.completed IS TRUE AND x.ended_by <= ${day}`)} THEN 'completed'
                    WHEN ${any(runsOn(day))} THEN 'ongoing'
                    WHEN ${any(`x.ended_by <= ${day}`)} THEN 'broken_off'
                    ELSE 'not_started' END`;
};

/**
 * Live clients (under row-level security: the tenant's municipality), with
 * `client_id` in front for `recordForErasure`; `observedUntil` is the SQL of
 * the observation's last day (a parameter). Outcomes, ratings, plans and
 * certificates are aggregated per client before the join (no client rows
 * leave the database). The definitions (issue 19):
 * - `gender`: the published gender, female or male; "divers" and "keine
 *   Angabe" are assigned to one of them by a pseudo-random bit of the client
 *   id, as official statistics do (see published-gender.ts). The record of
 *   an erased client stores that value.
 * - Everything dated after `observedUntil` is ignored (an end dated after it
 *   is not known yet: the job or training still runs).
 * - `<measure>_months`: whole months from the start to the first outcome
 *   reached during support (not `present_at_start`, dated on or after the
 *   start). B1 is the earliest of a b1 outcome and a certified German
 *   language skill at B1 or higher (certificate and `certified_on`); if that
 *   evidence was there at the start (a b1 outcome present at start, or
 *   evidence dated before the start), `b1_preexisting` is set and
 *   `b1_months` is null: never a success.
 * - `<measure>_preexisting` (employment, apprenticeship, studies): an
 *   outcome of the kind was there at start; the person may also have a month.
 * - `employment_status_<m>`: on the day start + m months, the first kind of
 *   social insurance > self-employed > mini-job among the jobs running that
 *   day (begun by then, including jobs there at start; not ended by then),
 *   else `not_employed`. A day after `observedUntil` is reported with what is
 *   known on `observedUntil` (the report must show such months as not yet
 *   observable).
 * - `<kind>_status_36` (apprenticeship, studies begun during support): on
 *   start + 36 months completed > ongoing > broken off > not started.
 * - `observed_months`: whole months from the start to `observedUntil`, at
 *   most 36 (where life tables censor those without the event).
 * - `plan_months`: whole months from the start to the first agreed version of
 *   the integration plan (`plan_agreement.agreed_on`, the plan signed with the
 *   client); null: none agreed.
 */
export const livePersonsSql = (observedUntil: string) => `
  SELECT c.id AS client_id,
         c.municipality_id,
         date_trunc('quarter', c.support_start::timestamp)::date AS cohort_quarter,
         ${publishedGenderSql('c.gender', 'c.id')} AS gender,
         ${ageBandSql(completedYearsSql('c.date_of_birth', 'c.support_start'))} AS age_band,
         ${originRegionSql('c.country_of_origin')} AS region,
         CASE WHEN NOT ${B1_AT_START} THEN evaluation_months(c.support_start, LEAST(o.b1_on, l.b1_certified_on)) END AS b1_months,
         ${OUTCOME_MEASURES.filter((m) => m !== 'b1')
           .map(
             (m) =>
               `evaluation_months(c.support_start, o.${m}_on) AS ${m}_months`,
           )
           .join(',\n         ')},
         COALESCE(g.goals, '{}'::jsonb) AS goals,
         ${goalCountsSql("COALESCE(g.goals, '{}'::jsonb)")} AS goal_counts,
         ${SOFT_FACTORS.map((f) => `CASE WHEN r.${f}_ratings >= 2 THEN sign(r.${f}_latest - r.${f}_first)::smallint END AS ${f}_change`).join(',\n         ')},
         CASE WHEN c.support_state = 'closed' THEN c.closure_reason END AS closure_reason,
         ${B1_AT_START} AS b1_preexisting,
         ${HEADLINE_MEASURES.filter((m) => m !== 'b1')
           .map((m) => `o.${m}_at_start AS ${m}_preexisting`)
           .join(',\n         ')},
         ${STATUS_MONTHS.map((m) => `o.employment_status_${m}`).join(', ')},
         ${TRAINING_KINDS.map((k) => `o.${k}_status_36`).join(', ')},
         LEAST(evaluation_months(c.support_start, ${observedUntil}), ${LIFE_TABLE_HORIZON}) AS observed_months,
         evaluation_months(c.support_start, p.agreed_on) AS plan_months
    FROM client c
    CROSS JOIN LATERAL (
      SELECT ${OUTCOME_MEASURES.map((m) => `min(x.achieved_on) FILTER (WHERE ${AFTER_START} AND ${MEASURE_FILTER[m]}) AS ${m}_on`).join(',\n             ')},
             ${HEADLINE_MEASURES.map((m) => `COALESCE(bool_or(${AT_START} AND ${MEASURE_FILTER[m]}), false) AS ${m}_at_start`).join(',\n             ')},
             ${STATUS_MONTHS.map((m) => `${employmentStatusSql(m)} AS employment_status_${m}`).join(',\n             ')},
             ${TRAINING_KINDS.map((k) => `${trainingStatusSql(k)} AS ${k}_status_36`).join(',\n             ')}
        FROM (SELECT *, CASE WHEN ended_on <= ${observedUntil} THEN ended_on END AS ended_by
                FROM outcome
               WHERE client_id = c.id AND achieved_on <= ${observedUntil}) x
    ) o
    CROSS JOIN LATERAL (
      SELECT min(s.certified_on) AS b1_certified_on
        FROM language_skill s
       WHERE s.client_id = c.id AND s.language = '${GERMAN_LANGUAGE_CODE}' AND s.level IN (${B1_OR_HIGHER.map((v) => `'${v}'`).join(', ')})
         AND nullif(btrim(s.certificate), '') IS NOT NULL AND s.certified_on <= ${observedUntil}
    ) l
    CROSS JOIN LATERAL (
      SELECT min(a.agreed_on) AS agreed_on FROM plan_agreement a WHERE a.client_id = c.id AND a.agreed_on <= ${observedUntil}
    ) p
    LEFT JOIN (
      SELECT client_id, ${SOFT_FACTORS.map((f) => `count(${f}) AS ${f}_ratings, ${first(f, 'ASC')} AS ${f}_first, ${first(f, 'DESC')} AS ${f}_latest`).join(', ')}
        FROM soft_rating
       GROUP BY client_id
    ) r ON r.client_id = c.id
    LEFT JOIN (
      SELECT client_id, jsonb_object_agg(field_of_action, states) AS goals
        FROM (SELECT client_id, field_of_action, jsonb_object_agg(state, goals) AS states
                FROM (SELECT client_id, field_of_action, state, count(*)::int AS goals FROM goal GROUP BY client_id, field_of_action, state) by_state
               GROUP BY client_id, field_of_action) by_field
       GROUP BY client_id
    ) g ON g.client_id = c.id`;

/**
 * Everyone the evaluation counts, observed until `observedUntil` (SQL of a
 * date): live clients and the records of erased ones. A record keeps the
 * figures of the day it was made (its `observed_months` too: an erased
 * person leaves the observation at the erasure, as lost to follow-up).
 */
export const personsSql = (observedUntil: string) => `
  SELECT ${PERSON_COLUMNS.join(', ')}, goal_counts FROM (${livePersonsSql(observedUntil)}) live
  UNION ALL
  SELECT ${PERSON_COLUMNS.join(', ')}, ${goalCountsSql('goals')} AS goal_counts FROM evaluation_record`;

/**
 * `$1` client id, `$2` the day of the erasure (`observedUntil`): stores the
 * client's anonymous record (RLS keeps it in the tenant's municipality).
 */
export const RECORD_FOR_ERASURE_SQL = `
  INSERT INTO evaluation_record (${PERSON_COLUMNS.join(', ')})
  SELECT ${PERSON_COLUMNS.join(', ')} FROM (${livePersonsSql('$2::date')}) live WHERE client_id = $1
  RETURNING 1 AS recorded`;
