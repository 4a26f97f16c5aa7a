import { Role, TeamMemberResponse } from '@wegweiser/shared/contracts';

/**
 * The active members of a team ($1) in the municipality ($2), each with the
 * open caseload (active and paused clients they are responsible for) and
 * their limits: one query, counted in SQL.
 */
export const TEAM_MEMBERS_SQL = `
  SELECT u.id, u.first_name, u.last_name, u.role, u.caseload_recommended, u.caseload_maximum,
         (SELECT count(*) FROM client c WHERE c.responsible_manager_id = u.id AND c.support_state IN ('active', 'paused'))::int AS open_clients
    FROM app_user u
   WHERE u.team_id = $1 AND u.municipality_id = $2 AND u.active AND u.role IN ('manager', 'team_lead')`;

export interface TeamMemberRow {
  id: string;
  first_name: string;
  last_name: string;
  role: Role;
  caseload_recommended: number | null;
  caseload_maximum: number | null;
  open_clients: number;
}

export function toTeamMember(row: TeamMemberRow): TeamMemberResponse {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    openClients: row.open_clients,
    caseloadRecommended: row.caseload_recommended,
    caseloadMaximum: row.caseload_maximum,
  };
}

const GERMAN = new Intl.Collator('de', { sensitivity: 'base' });

/** Team leads first, then phone-book order (German collation). */
export function leadsFirstByName(a: TeamMemberResponse, b: TeamMemberResponse): number {
  const lead = Number(b.role === 'team_lead') - Number(a.role === 'team_lead');
  return lead || GERMAN.compare(a.lastName, b.lastName) || GERMAN.compare(a.firstName, b.firstName) || a.id.localeCompare(b.id);
}
