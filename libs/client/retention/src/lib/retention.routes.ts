import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { RetentionPage } from './retention-page/retention-page';

/** `/aufbewahrung`: retention policy, dry run and erasure requests (texts: `public/i18n/retention/<lang>.json`). */
export const RETENTION_ROUTES: Route[] = [
  {
    path: '',
    component: RetentionPage,
    providers: [provideTranslocoScope('retention')],
  },
];
