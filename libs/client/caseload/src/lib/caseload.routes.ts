import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { CaseloadPage } from './caseload-page/caseload-page';

/** `/fallbestand`: the manager's caseload (texts: `public/i18n/caseload/<lang>.json`). */
export const CASELOAD_ROUTES: Route[] = [
  {
    path: '',
    component: CaseloadPage,
    providers: [provideTranslocoScope('caseload')],
  },
];
