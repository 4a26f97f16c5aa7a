import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { UsersPage } from './users-page/users-page';

/** `/verwaltung/benutzer`: the municipality's accounts (texts: `public/i18n/user-admin/<lang>.json`, scope alias `userAdmin`). */
export const USER_ADMIN_ROUTES: Route[] = [
  {
    path: '',
    component: UsersPage,
    providers: [provideTranslocoScope('user-admin')],
  },
];
