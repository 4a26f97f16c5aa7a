import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ApprovalsPage } from './approvals-page/approvals-page';

/** `/freigaben`: the team lead's plans and extension requests waiting for a decision (texts: `public/i18n/approvals/<lang>.json`). */
export const APPROVALS_ROUTES: Route[] = [
  {
    path: '',
    component: ApprovalsPage,
    providers: [provideTranslocoScope('approvals')],
  },
];
