import { ClientAssignmentResponse, StaffMemberResponse, TeamManagerResponse } from '@wegweiser/shared/contracts';

/** A client's assignment history with the staff names, newest first (row-level security confines it to the municipality). */
export const ASSIGNMENT_HISTORY_SQL = `
  SELECT a.id, a.reason, a.assigned_at,
         f.id AS from_id, f.first_name AS from_first_name, f.last_name AS from_last_name,
         t.id AS to_id, t.first_name AS to_first_name, t.last_name AS to_last_name,
         b.id AS by_id, b.first_name AS by_first_name, b.last_name AS by_last_name
    FROM client_assignment a
    LEFT JOIN app_user f ON f.id = a.from_manager_id
    JOIN app_user t ON t.id = a.to_manager_id
    JOIN app_user b ON b.id = a.assigned_by
   WHERE a.client_id = $1
   ORDER BY a.assigned_at DESC, a.id`;

export interface AssignmentRow {
  id: string;
  reason: string;
  assigned_at: Date;
  from_id: string | null;
  from_first_name: string | null;
  from_last_name: string | null;
  to_id: string;
  to_first_name: string;
  to_last_name: string;
  by_id: string;
  by_first_name: string;
  by_last_name: string;
}

/**
 * The active managers of a team with the number of active and paused clients
 * each is responsible for (the open caseload the limits apply to) and their
 * caseload limits (sorted by name in Node: German collation).
 */
export const TEAM_MANAGERS_SQL = `
  SELECT u.id, u.first_name, u.last_name, u.caseload_recommended, u.caseload_maximum, count(c.id)::int AS open_clients
    FROM app_user u
    LEFT JOIN client c ON c.responsible_manager_id = u.id AND c.support_state IN ('active', 'paused')
   WHERE u.team_id = $1 AND u.active AND u.role = 'manager'
   GROUP BY u.id, u.first_name, u.last_name, u.caseload_recommended, u.caseload_maximum
   ORDER BY u.id`;

export interface TeamManagerRow {
  id: string;
  first_name: string;
  last_name: string;
  caseload_recommended: number | null;
  caseload_maximum: number | null;
  open_clients: number;
}

const staff = (id: string, firstName: string, lastName: string): StaffMemberResponse => ({ id, firstName, lastName });

export function toAssignment(row: AssignmentRow): ClientAssignmentResponse {
  return {
    id: row.id,
    fromManager: row.from_id ? staff(row.from_id, row.from_first_name ?? '', row.from_last_name ?? '') : null,
    toManager: staff(row.to_id, row.to_first_name, row.to_last_name),
    reason: row.reason,
    assignedBy: staff(row.by_id, row.by_first_name, row.by_last_name),
    assignedAt: row.assigned_at.toISOString(),
  };
}

export function toTeamManager(row: TeamManagerRow): TeamManagerResponse {
  return {
    ...staff(row.id, row.first_name, row.last_name),
    openClients: row.open_clients,
    caseloadRecommended: row.caseload_recommended,
    caseloadMaximum: row.caseload_maximum,
  };
}

const GERMAN = new Intl.Collator('de', { sensitivity: 'base' });

/** Phone-book order: last name, then first name. */
export function byName(a: StaffMemberResponse, b: StaffMemberResponse): number {
  return GERMAN.compare(a.lastName, b.lastName) || GERMAN.compare(a.firstName, b.firstName);
}
