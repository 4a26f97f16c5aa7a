import { ageBandSql, completedYearsSql } from './age-band';
import { originRegionSql } from './origin-region';

/**
 * One row per person of the evaluation, with nothing but what the metrics
 * count: the quarter of support start, banded attributes, whole months from
 * start to each first outcome (`evaluation_months`, null = not reached), goal
 * counts per field of action and state, the change of each soft factor
 * between the first and the latest rating, and the closure reason. Live
 * clients are computed from the case tables; erased clients come from their
 * anonymous `evaluation_record`, which was filled from the very same
 * expression (`LIVE_PERSONS_SQL`), so erasing a client changes no figure.
 */

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
  b1: `kind = 'b1'`,
  employment: `kind = 'employment'`,
  employment_social_insurance: `kind = 'employment' AND employment_kind = 'social_insurance'`,
  employment_mini_job: `kind = 'employment' AND employment_kind = 'mini_job'`,
  employment_self_employed: `kind = 'employment' AND employment_kind = 'self_employed'`,
  employment_full_time: `kind = 'employment' AND full_time`,
  employment_part_time: `kind = 'employment' AND NOT full_time`,
  employment_matching: `kind = 'employment' AND matches_qualification`,
  apprenticeship: `kind = 'apprenticeship'`,
  studies: `kind = 'studies'`,
};

/** Columns shared by live persons and records, in the order of `evaluation_record`. */
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
] as const;

const first = (factor: SoftFactor, direction: 'ASC' | 'DESC') =>
  `(array_agg(${factor} ORDER BY rated_on ${direction}, created_at ${direction}, id ${direction}) FILTER (WHERE ${factor} IS NOT NULL))[1]`;

/**
 * Live clients (under row-level security: the tenant's municipality), with
 * `client_id` in front for `recordForErasure`. Outcomes and ratings are
 * aggregated per client before the join (no client rows leave the database).
 */
export const LIVE_PERSONS_SQL = `
  SELECT c.id AS client_id,
         c.municipality_id,
         date_trunc('quarter', c.support_start::timestamp)::date AS cohort_quarter,
         c.gender,
         ${ageBandSql(completedYearsSql('c.date_of_birth', 'c.support_start'))} AS age_band,
         ${originRegionSql('c.country_of_origin')} AS region,
         ${OUTCOME_MEASURES.map((m) => `evaluation_months(c.support_start, o.${m}_on) AS ${m}_months`).join(',\n         ')},
         COALESCE(g.goals, '{}'::jsonb) AS goals,
         ${SOFT_FACTORS.map((f) => `CASE WHEN r.${f}_ratings >= 2 THEN sign(r.${f}_latest - r.${f}_first)::smallint END AS ${f}_change`).join(',\n         ')},
         CASE WHEN c.support_state = 'closed' THEN c.closure_reason END AS closure_reason
    FROM client c
    LEFT JOIN (
      SELECT client_id, ${OUTCOME_MEASURES.map((m) => `min(achieved_on) FILTER (WHERE ${MEASURE_FILTER[m]}) AS ${m}_on`).join(', ')}
        FROM outcome
       GROUP BY client_id
    ) o ON o.client_id = c.id
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

/** Everyone the evaluation counts: live clients and the records of erased ones. */
export const PERSONS_SQL = `
  SELECT ${PERSON_COLUMNS.join(', ')} FROM (${LIVE_PERSONS_SQL}) live
  UNION ALL
  SELECT ${PERSON_COLUMNS.join(', ')} FROM evaluation_record`;

/** `$1` client id: stores the client's anonymous record (RLS keeps it in the tenant's municipality). */
export const RECORD_FOR_ERASURE_SQL = `
  INSERT INTO evaluation_record (${PERSON_COLUMNS.join(', ')})
  SELECT ${PERSON_COLUMNS.join(', ')} FROM (${LIVE_PERSONS_SQL}) live WHERE client_id = $1
  RETURNING 1 AS recorded`;
