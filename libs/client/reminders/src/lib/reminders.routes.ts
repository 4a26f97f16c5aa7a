import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { RemindersPage } from './reminders-page/reminders-page';

/** `/erinnerungen`: the user's reminders (texts: `public/i18n/reminders/<lang>.json`). */
export const REMINDERS_ROUTES: Route[] = [
  {
    path: '',
    component: RemindersPage,
    providers: [provideTranslocoScope('reminders')],
  },
];
