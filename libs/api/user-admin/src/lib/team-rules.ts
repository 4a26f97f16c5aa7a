import { Role, TEAM_FIELD_CODES, TEAM_ROLES } from '@wegweiser/shared/contracts';

export type TeamFieldCode = (typeof TEAM_FIELD_CODES)[keyof typeof TEAM_FIELD_CODES];

/**
 * Managers and team leads belong to exactly one team, every other role to
 * none (the database enforces the same with `app_user_team_roles`).
 * Whether the team exists in the municipality is checked separately.
 */
export function teamAssignmentProblem(role: Role, teamId: string | null): TeamFieldCode | null {
  const needsTeam = TEAM_ROLES.includes(role);
  if (needsTeam && !teamId) return TEAM_FIELD_CODES.teamRequired;
  if (!needsTeam && teamId) return TEAM_FIELD_CODES.teamNotAllowed;
  return null;
}
