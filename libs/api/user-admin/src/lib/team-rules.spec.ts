import { ROLES } from '@wegweiser/shared/contracts';
import { teamAssignmentProblem } from './team-rules';

describe('teamAssignmentProblem', () => {
  const team = '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f';

  it.each(['manager', 'team_lead'] as const)('requires a team for %s', (role) => {
    expect(teamAssignmentProblem(role, team)).toBeNull();
    expect(teamAssignmentProblem(role, null)).toBe('teamRequired');
  });

  it.each(ROLES.filter((role) => role !== 'manager' && role !== 'team_lead'))('refuses a team for %s', (role) => {
    expect(teamAssignmentProblem(role, null)).toBeNull();
    expect(teamAssignmentProblem(role, team)).toBe('teamNotAllowed');
  });
});
