import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { TodayPage } from './today-page/today-page';

/** `/heute`: the manager's start page (texts: `public/i18n/today/<lang>.json`). */
export const TODAY_ROUTES: Route[] = [
  {
    path: '',
    component: TodayPage,
    providers: [provideTranslocoScope('today')],
  },
];
