import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { TeamPage } from './team-page/team-page';
import { TeamsPage } from './teams-page/teams-page';

/** `/verwaltung/teams`: the municipality's teams, one team's members with caseloads and limits (texts: `public/i18n/team-admin/<lang>.json`). */
export const TEAM_ADMIN_ROUTES: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope({ scope: 'team-admin', alias: 'teamAdmin' })],
    children: [
      { path: '', component: TeamsPage },
      { path: ':teamId', component: TeamPage },
    ],
  },
];
