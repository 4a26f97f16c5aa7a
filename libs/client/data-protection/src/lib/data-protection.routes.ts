import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { AccessReportPage } from './access-report/access-report-page';
import { DataProtectionArea } from './area/data-protection-area';
import { AuditLogPage } from './audit-log/audit-log-page';
import { ChainPage } from './chain/chain-page';
import { RequestsPage } from './requests/requests-page';

/** `/datenschutz` with one tab per child route (texts: `public/i18n/data-protection/<lang>.json`, prefix `dataProtection`). */
export const DATA_PROTECTION_ROUTES: Route[] = [
  {
    path: '',
    component: DataProtectionArea,
    providers: [provideTranslocoScope('data-protection')],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'protokoll' },
      { path: 'protokoll', component: AuditLogPage },
      { path: 'zugriffe', component: AccessReportPage },
      { path: 'pruefkette', component: ChainPage },
      { path: 'antraege', component: RequestsPage },
    ],
  },
];
