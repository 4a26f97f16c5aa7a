import { RequestUser } from '@wegweiser/api/core';

/**
 * Whose clients a user's reminders and start page cover, as SQL over `client c`:
 * a manager those they are responsible for now (a reassignment takes them
 * along), a team lead the whole team's. Parameters from $1.
 */
export function visibleTo(user: RequestUser): { where: string; params: unknown[] } {
  return user.role === 'team_lead'
    ? { where: 'c.team_id = $1', params: [user.teamId] }
    : { where: 'c.team_id = $1 AND c.responsible_manager_id = $2', params: [user.teamId, user.id] };
}
