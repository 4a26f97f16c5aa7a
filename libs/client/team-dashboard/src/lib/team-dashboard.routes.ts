import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideCharts } from 'ng2-charts';
import { CHART_REGISTERABLES } from './dashboard-charts';
import { TeamDashboardPage } from './team-dashboard-page/team-dashboard-page';

/** `/team`: the team lead's dashboard (texts: `public/i18n/team-dashboard/<lang>.json`). */
export const TEAM_DASHBOARD_ROUTES: Route[] = [
  {
    path: '',
    component: TeamDashboardPage,
    providers: [provideTranslocoScope('team-dashboard'), provideCharts({ registerables: CHART_REGISTERABLES })],
  },
];
