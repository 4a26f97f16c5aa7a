import { Role } from '@wegweiser/shared/contracts';

interface TeamRouteCase {
  method: 'GET';
  path: string;
  allowed: Role[];
}

/** The team lead's routes for the own team (dashboard figures are checked in team/dashboard.e2e-spec.ts). */
export const TEAM_ROUTES: TeamRouteCase[] = [{ method: 'GET', path: '/api/team/dashboard', allowed: ['team_lead'] }];
