import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  {
    path: '',
    loadChildren: () => import('./start/start.routes').then((m) => m.startRoutes),
  },
  { path: '**', redirectTo: '' },
];
