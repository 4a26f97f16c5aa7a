import { CALENDAR_TIME_ZONE } from '@wegweiser/api/core';

/** One aggregate of the Verwendungsnachweis: a count for a manager (null = no responsible manager), an indicator and a key. */
export interface FundingCountRow {
  manager_id: string | null;
  indicator: FundingIndicator;
  key: string;
  n: number;
}

export type FundingIndicator =
  | 'persons'
  | 'conversations'
  | 'plans'
  | 'goals'
  | 'referrals'
  | 'referralGroups'
  | 'closures'
  | 'planWithin3'
  | 'planReviewed6'
  | 'goalsClosed';

/**
 * The clients of the municipality (row-level security of the tenant transaction) whose support started by the period
 * end, each under the manager responsible at the period end: the manager of the last reassignment before the end;
 * without one, the manager a later first reassignment moved the client away from; without any reassignment, the
 * client's responsible manager. `counselled`: not closed before the period started.
 * $1 = from, $2 = to (calendar dates, inclusive; timestamps are compared in German time).
 */
const CLIENTS = `
  bounds AS (
    SELECT $1::date AS p_from, $2::date AS p_to, (($2::date + 1)::timestamp AT TIME ZONE '${CALENDAR_TIME_ZONE}') AS end_at
  ),
  assigned AS (
    SELECT c.id, c.support_start, c.closed_on, c.closure_reason,
           CASE WHEN before_end.to_manager_id IS NOT NULL THEN before_end.to_manager_id
                WHEN after_end.client_id IS NOT NULL THEN after_end.from_manager_id
                ELSE c.responsible_manager_id END AS manager_id
      FROM client c
      CROSS JOIN bounds b
      LEFT JOIN LATERAL (
        SELECT a.to_manager_id FROM client_assignment a
         WHERE a.client_id = c.id AND a.assigned_at < b.end_at ORDER BY a.assigned_at DESC LIMIT 1) before_end ON true
      LEFT JOIN LATERAL (
        SELECT a.client_id, a.from_manager_id FROM client_assignment a
         WHERE a.client_id = c.id AND a.assigned_at >= b.end_at ORDER BY a.assigned_at ASC LIMIT 1) after_end ON true
     WHERE c.support_start <= b.p_to
  ),
  counselled AS (
    SELECT a.* FROM assigned a, bounds b WHERE a.closed_on IS NULL OR a.closed_on >= b.p_from
  )`;

const local = (column: string) => `(${column} AT TIME ZONE '${CALENDAR_TIME_ZONE}')::date`;
const CLOSED_GOAL_STATES = `('achieved', 'not_achieved', 'dropped')`;

/** Every count of the report in one statement: no client row reaches Node. */
export const FUNDING_COUNTS_SQL = `
  WITH ${CLIENTS}
  SELECT a.manager_id, 'persons' AS indicator, CASE WHEN a.support_start >= b.p_from THEN 'new' ELSE 'ongoing' END AS key, count(*)::int AS n
    FROM counselled a, bounds b GROUP BY 1, 3
  UNION ALL
  SELECT a.manager_id, 'persons', 'closed', count(*)::int
    FROM assigned a, bounds b WHERE a.closed_on BETWEEN b.p_from AND b.p_to GROUP BY 1
  UNION ALL
  SELECT a.manager_id, 'closures', a.closure_reason, count(*)::int
    FROM assigned a, bounds b WHERE a.closed_on BETWEEN b.p_from AND b.p_to GROUP BY 1, 3
  UNION ALL
  SELECT a.manager_id, 'conversations', cv.form, count(*)::int
    FROM conversation cv JOIN assigned a ON a.id = cv.client_id, bounds b
   WHERE ${local('cv.held_at')} BETWEEN b.p_from AND b.p_to GROUP BY 1, 3
  UNION ALL
  SELECT a.manager_id, 'plans', CASE WHEN pa.version = 1 THEN 'agreed' ELSE 'updated' END, count(DISTINCT pa.client_id)::int
    FROM plan_agreement pa JOIN assigned a ON a.id = pa.client_id, bounds b
   WHERE pa.agreed_on BETWEEN b.p_from AND b.p_to GROUP BY 1, 3
  UNION ALL
  SELECT a.manager_id, 'goals', g.field_of_action || ':' || CASE WHEN g.state_changed_on <= b.p_to THEN g.state ELSE 'open' END, count(*)::int
    FROM goal g JOIN counselled a ON a.id = g.client_id, bounds b
   WHERE ${local('g.created_at')} <= b.p_to GROUP BY 1, 3
  UNION ALL
  SELECT a.manager_id, 'referrals', 'all', count(*)::int
    FROM referral r JOIN assigned a ON a.id = r.client_id, bounds b
   WHERE r.sent_on BETWEEN b.p_from AND b.p_to GROUP BY 1
  UNION ALL
  SELECT a.manager_id, 'referralGroups', coalesce(m.working_group_id::text, 'none'), count(*)::int
    FROM referral r JOIN assigned a ON a.id = r.client_id
    LEFT JOIN partner_working_group m ON m.partner_id = r.partner_id, bounds b
   WHERE r.sent_on BETWEEN b.p_from AND b.p_to GROUP BY 1, 3
  UNION ALL
  SELECT a.manager_id, 'planWithin3',
         CASE WHEN EXISTS (SELECT 1 FROM plan_agreement pa WHERE pa.client_id = a.id AND pa.agreed_on <= (a.support_start + interval '3 months')::date)
              THEN 'yes' ELSE 'no' END,
         count(*)::int
    FROM counselled a, bounds b WHERE a.support_start <= (b.p_to - interval '3 months')::date GROUP BY 1, 3
  UNION ALL
  SELECT a.manager_id, 'planReviewed6',
         CASE WHEN EXISTS (SELECT 1 FROM plan_agreement pa WHERE pa.client_id = a.id
                             AND pa.agreed_on > (b.p_to - interval '6 months')::date AND pa.agreed_on <= b.p_to)
              THEN 'yes' ELSE 'no' END,
         count(*)::int
    FROM counselled a, bounds b WHERE a.closed_on IS NULL OR a.closed_on > b.p_to GROUP BY 1, 3
  UNION ALL
  SELECT a.manager_id, 'goalsClosed', g.field_of_action || ':' || CASE WHEN g.state = 'achieved' THEN 'yes' ELSE 'no' END, count(*)::int
    FROM goal g JOIN assigned a ON a.id = g.client_id, bounds b
   WHERE g.state IN ${CLOSED_GOAL_STATES} AND g.state_changed_on BETWEEN b.p_from AND b.p_to GROUP BY 1, 3`;

/** The names of the managers that have a column ($1 = their ids). */
export const FUNDING_MANAGERS_SQL = `
  SELECT id, first_name, last_name FROM app_user WHERE id = ANY($1::uuid[]) ORDER BY last_name, first_name, id`;

export const FUNDING_WORKING_GROUPS_SQL = `SELECT id, name FROM working_group ORDER BY lower(name), id`;

export const FUNDING_MUNICIPALITY_SQL = `SELECT name FROM municipality WHERE id = $1`;
