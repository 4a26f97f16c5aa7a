/**
 * The team dashboard's aggregates. Each query returns counts only (never
 * client rows) and is led by `client.team_id` like every list query; row-level
 * security adds the municipality. The conditions match the caseload list's
 * filters (@wegweiser/api/clients client-list.ts) one to one, so that the list
 * behind a figure holds exactly the clients it counts.
 *
 * Parameters: $1 team id, $2 today (Germany, `YYYY-MM-DD`), $3 (figures only)
 * the first day that counts as contact.
 */

/** "Open cases": support active or paused (list filter `openCases`). */
const OPEN_CASE = `c.support_state IN ('active', 'paused')`;

/**
 * Active clients per manager: the team's managers with an active account
 * and anyone else still responsible for active clients of the team (a
 * deactivated or moved manager whose clients need a new one).
 */
export const MANAGER_LOAD_SQL = `
  WITH load AS (
    SELECT c.responsible_manager_id AS id, count(*)::int AS active_clients
      FROM client c
     WHERE c.team_id = $1 AND c.support_state = 'active' AND c.responsible_manager_id IS NOT NULL
     GROUP BY c.responsible_manager_id
  )
  SELECT u.id, u.first_name, u.last_name, (u.active AND u.team_id IS NOT DISTINCT FROM $1) AS active, COALESCE(l.active_clients, 0) AS active_clients
    FROM app_user u
    LEFT JOIN load l ON l.id = u.id
   WHERE (u.role = 'manager' AND u.team_id = $1 AND u.active) OR l.id IS NOT NULL
   ORDER BY u.last_name, u.first_name, u.id`;

export interface ManagerLoadRow {
  id: string;
  first_name: string;
  last_name: string;
  active: boolean;
  active_clients: number;
}

/** Open cases whose window ends in each of the 12 months from the current one (zero months included). */
export const WINDOWS_ENDING_SQL = `
  WITH months AS (
    SELECT m::date AS first_day, (m + interval '1 month')::date AS next_first_day
      FROM generate_series(date_trunc('month', $2::date::timestamp), date_trunc('month', $2::date::timestamp) + interval '11 months', interval '1 month') AS m
  ),
  ends AS (
    SELECT date_trunc('month', c.support_window_end::timestamp)::date AS first_day, count(*)::int AS clients
      FROM client c
     WHERE c.team_id = $1 AND ${OPEN_CASE}
       AND c.support_window_end >= (SELECT min(first_day) FROM months)
       AND c.support_window_end < (SELECT max(next_first_day) FROM months)
     GROUP BY 1
  )
  SELECT to_char(m.first_day, 'YYYY-MM') AS month, m.first_day::text AS "from", m.next_first_day::text AS before, COALESCE(e.clients, 0) AS clients
    FROM months m
    LEFT JOIN ends e ON e.first_day = m.first_day
   ORDER BY m.first_day`;

export interface WindowsEndingRow {
  month: string;
  from: string;
  before: string;
  clients: number;
}

/** Goals of open cases by field of action and state: goals, and clients with such a goal. */
export const GOAL_MATRIX_SQL = `
  SELECT g.field_of_action, g.state, count(*)::int AS goals, count(DISTINCT g.client_id)::int AS clients
    FROM goal g
    JOIN client c ON c.id = g.client_id
   WHERE c.team_id = $1 AND ${OPEN_CASE}
   GROUP BY g.field_of_action, g.state`;

export interface GoalMatrixRow {
  field_of_action: string;
  state: string;
  goals: number;
  clients: number;
}

/**
 * The single figures in one row. No contact: `GREATEST` ignores NULL, so a
 * client never contacted counts from the support start. A plan waits for
 * sign-off when it has a `submitted` review: at most one per client waits
 * (plan_review_one_waiting_idx), and it is always the latest.
 */
export const TEAM_FIGURES_SQL = `
  WITH overdue_goals AS (
    SELECT count(*)::int AS items, count(DISTINCT g.client_id)::int AS clients
      FROM goal g
      JOIN client c ON c.id = g.client_id
     WHERE c.team_id = $1 AND ${OPEN_CASE} AND g.state IN ('open', 'in_progress') AND g.due_on < $2::date
  ),
  overdue_steps AS (
    SELECT count(*)::int AS items, count(DISTINCT g.client_id)::int AS clients
      FROM goal_step s
      JOIN goal g ON g.id = s.goal_id
      JOIN client c ON c.id = g.client_id
     WHERE c.team_id = $1 AND ${OPEN_CASE} AND g.state IN ('open', 'in_progress') AND s.done_on IS NULL AND s.due_on < $2::date
  )
  SELECT
    (SELECT count(*)::int FROM client c
      WHERE c.team_id = $1 AND c.support_state = 'active' AND GREATEST(c.last_contact_on, c.support_start) < $3::date) AS no_contact,
    og.items AS overdue_goals, og.clients AS overdue_goal_clients,
    os.items AS overdue_steps, os.clients AS overdue_step_clients,
    (SELECT count(*)::int FROM client c
      WHERE c.team_id = $1 AND EXISTS (SELECT 1 FROM plan_review pr WHERE pr.client_id = c.id AND pr.state = 'submitted')) AS plans_awaiting_sign_off,
    (SELECT count(DISTINCT x.client_id)::int FROM support_extension x JOIN client c ON c.id = x.client_id
      WHERE c.team_id = $1 AND x.state = 'pending') AS extensions_pending
  FROM overdue_goals og, overdue_steps os`;

export interface TeamFiguresRow {
  no_contact: number;
  overdue_goals: number;
  overdue_goal_clients: number;
  overdue_steps: number;
  overdue_step_clients: number;
  plans_awaiting_sign_off: number;
  extensions_pending: number;
}
