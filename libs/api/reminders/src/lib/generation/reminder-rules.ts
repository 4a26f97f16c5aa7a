import { CALENDAR_TIME_ZONE } from '@wegweiser/api/core';
import { GeneratedReminderKind, ReminderKind } from '@wegweiser/shared/contracts';

/** Runs one statement in the current tenant transaction (TypeORM `manager.query` or a `pg` client). */
export type TenantQuery = (sql: string, params: unknown[]) => Promise<{ kind: ReminderKind }[]>;

const INSERT = `INSERT INTO reminder (municipality_id, team_id, client_id, recipient_id, kind, subject_id, occasion, due_on, appointment_at, weeks)`;
const ON_CONFLICT = `ON CONFLICT ON CONSTRAINT reminder_occasion_key DO NOTHING RETURNING kind`;
/** Only clients in active support get reminders (paused and closed cases rest). */
const ACTIVE = `c.support_state = 'active'`;

/**
 * The generator's rules, one statement each, for the day `$1` (a civil date
 * in Germany) and N weeks `$2`. Each runs inside a tenant transaction: row-level
 * security confines it to one municipality. The recipient is the responsible
 * manager at the time (null: none; the team lead still sees it).
 *
 * Each reminder is keyed by (kind, subject, occasion); `ON CONFLICT DO
 * NOTHING` makes a second run on the same or a later day, also a concurrent
 * one on another instance, create nothing twice:
 * - window ends: subject the client, occasion the window end (an extension
 *   moves the end: a new series). The bucket is by distance from `$1`:
 *   `window_1m` when the end is after `$1` and at most 1 month away,
 *   `window_3m` when more than 1 and at most 3 months, `window_6m` when more
 *   than 3 and at most 6 months. Run daily, each is created on the first day
 *   it applies (e.g. `window_6m` exactly 6 months before the end); a client
 *   first seen inside a later bucket gets that bucket only.
 * - goal overdue: subject the goal (open or in progress), occasion its due date (before `$1`).
 * - step overdue: subject the step (not done, of an open or in-progress goal), occasion its due date (before `$1`).
 * - appointment tomorrow: subject the client, occasion the appointment (a
 *   conversation's next appointment on the day after `$1`, in Germany); one
 *   per client and appointment even if two conversations name it.
 * - no contact: subject the client, occasion the last contact day ('never'
 *   if none): the last contact, or the support start if never contacted,
 *   lies before `$1` − N weeks. A new contact starts a new silence.
 */
export const REMINDER_RULES: readonly { kinds: readonly ReminderKind[]; sql: string }[] = [
  {
    kinds: ['window_6m', 'window_3m', 'window_1m'],
    sql: `${INSERT}
      SELECT c.municipality_id, c.team_id, c.id, c.responsible_manager_id,
             CASE WHEN c.support_window_end <= ($1::date + interval '1 month')::date THEN 'window_1m'
                  WHEN c.support_window_end <= ($1::date + interval '3 months')::date THEN 'window_3m'
                  ELSE 'window_6m' END,
             c.id, c.support_window_end::text, c.support_window_end, NULL::timestamptz, NULL::smallint
        FROM client c
       WHERE ${ACTIVE} AND c.support_window_end > $1::date AND c.support_window_end <= ($1::date + interval '6 months')::date
      ${ON_CONFLICT}`,
  },
  {
    kinds: ['goal_overdue'],
    sql: `${INSERT}
      SELECT g.municipality_id, c.team_id, c.id, c.responsible_manager_id, 'goal_overdue', g.id, g.due_on::text, g.due_on, NULL::timestamptz, NULL::smallint
        FROM goal g JOIN client c ON c.id = g.client_id
       WHERE ${ACTIVE} AND g.state IN ('open', 'in_progress') AND g.due_on < $1::date
      ${ON_CONFLICT}`,
  },
  {
    kinds: ['step_overdue'],
    sql: `${INSERT}
      SELECT s.municipality_id, c.team_id, c.id, c.responsible_manager_id, 'step_overdue', s.id, s.due_on::text, s.due_on, NULL::timestamptz, NULL::smallint
        FROM goal_step s JOIN goal g ON g.id = s.goal_id JOIN client c ON c.id = g.client_id
       WHERE ${ACTIVE} AND g.state IN ('open', 'in_progress') AND s.done_on IS NULL AND s.due_on < $1::date
      ${ON_CONFLICT}`,
  },
  {
    kinds: ['appointment_tomorrow'],
    sql: `${INSERT}
      SELECT DISTINCT ON (c.id, v.next_appointment_at)
             c.municipality_id, c.team_id, c.id, c.responsible_manager_id, 'appointment_tomorrow', c.id,
             to_char(v.next_appointment_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), $1::date + 1, v.next_appointment_at, NULL::smallint
        FROM conversation v JOIN client c ON c.id = v.client_id
       WHERE ${ACTIVE} AND (v.next_appointment_at AT TIME ZONE '${CALENDAR_TIME_ZONE}')::date = $1::date + 1
       ORDER BY c.id, v.next_appointment_at
      ${ON_CONFLICT}`,
  },
  {
    kinds: ['no_contact'],
    sql: `${INSERT}
      SELECT c.municipality_id, c.team_id, c.id, c.responsible_manager_id, 'no_contact', c.id,
             coalesce(c.last_contact_on::text, 'never'), coalesce(c.last_contact_on, c.support_start), NULL::timestamptz, $2::smallint
        FROM client c
       WHERE ${ACTIVE} AND coalesce(c.last_contact_on, c.support_start) < $1::date - 7 * $2::int
      ${ON_CONFLICT}`,
  },
];

/** What a generator run created, per generated kind (decision reminders are made by the decisions). */
export type ReminderCounts = Record<GeneratedReminderKind, number>;

export function emptyCounts(): ReminderCounts {
  return { window_6m: 0, window_3m: 0, window_1m: 0, goal_overdue: 0, step_overdue: 0, appointment_tomorrow: 0, no_contact: 0 };
}

/** Applies every rule for `asOf` in the current tenant transaction; returns what was created (0 for what existed). */
export async function applyReminderRules(query: TenantQuery, asOf: string, noContactWeeks: number): Promise<ReminderCounts> {
  const counts = emptyCounts();
  for (const rule of REMINDER_RULES) {
    const params = rule.sql.includes('$2') ? [asOf, noContactWeeks] : [asOf];
    for (const row of await query(rule.sql, params)) counts[row.kind as GeneratedReminderKind] += 1;
  }
  return counts;
}
