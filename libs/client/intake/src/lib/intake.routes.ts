import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { unsavedChangesGuard } from '@wegweiser/client/ui';
import { IntakePage } from './intake-page/intake-page';

/** `/aufnahme`: taking in a new client (texts: `public/i18n/intake/<lang>.json`). Leaving with a typed draft asks first. */
export const INTAKE_ROUTES: Route[] = [
  {
    path: '',
    component: IntakePage,
    canDeactivate: [unsavedChangesGuard],
    providers: [provideTranslocoScope('intake')],
  },
];
