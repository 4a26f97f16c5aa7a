import { Route } from '@angular/router';
import { authGuard, permissionGuard, roleHome } from './core/auth/auth.guard';

export const appRoutes: Route[] = [
  // Signed out: sign-in, second factor, new password.
  { path: 'anmelden', loadChildren: () => import('./sign-in/sign-in.routes').then((m) => m.signInRoutes) },
  {
    // Signed in (all steps done); everything else redirects to /anmelden.
    path: '',
    canMatch: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: roleHome },
      // Features: { path: 'fallbestand', loadChildren: () => import('@wegweiser/client/caseload').then(...) },
      { path: 'fallbestand', canMatch: [authGuard], loadChildren: () => import('@wegweiser/client/caseload').then((m) => m.CASELOAD_ROUTES) },
      { path: 'aufnahme', canMatch: [permissionGuard('client:write')], loadChildren: () => import('@wegweiser/client/intake').then((m) => m.INTAKE_ROUTES) },
      { path: 'klienten/:clientId', canMatch: [authGuard], loadChildren: () => import('@wegweiser/client/client-file').then((m) => m.CLIENT_FILE_ROUTES) },
      { path: 'team', canMatch: [permissionGuard('team:dashboard')], loadChildren: () => import('@wegweiser/client/team-dashboard').then((m) => m.TEAM_DASHBOARD_ROUTES) },
      { path: 'heute', canMatch: [permissionGuard('reminder:read')], loadChildren: () => import('@wegweiser/client/today').then((m) => m.TODAY_ROUTES) },
      { path: 'erinnerungen', canMatch: [permissionGuard('reminder:read')], loadChildren: () => import('@wegweiser/client/reminders').then((m) => m.REMINDERS_ROUTES) },
      { path: 'freigaben', canMatch: [permissionGuard('plan:approve')], loadChildren: () => import('@wegweiser/client/approvals').then((m) => m.APPROVALS_ROUTES) },
      {
        // Verwaltung: one tab per lazy feature lib (see pages/admin-area.ts).
        path: 'verwaltung',
        canMatch: [permissionGuard('user:manage')],
        loadComponent: () => import('./pages/admin-area').then((m) => m.AdminArea),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'benutzer' },
          { path: 'benutzer', canMatch: [permissionGuard('user:manage')], loadChildren: () => import('@wegweiser/client/user-admin').then((m) => m.USER_ADMIN_ROUTES) },
          { path: 'teams', canMatch: [permissionGuard('team:manage')], loadChildren: () => import('@wegweiser/client/team-admin').then((m) => m.TEAM_ADMIN_ROUTES) },
          { path: 'netzwerkpartner', canMatch: [permissionGuard('partner:manage')], loadChildren: () => import('@wegweiser/client/partner-admin').then((m) => m.PARTNER_ADMIN_ROUTES) },
        ],
      },
      { path: 'datenschutz', canMatch: [permissionGuard('audit:read')], loadChildren: () => import('@wegweiser/client/data-protection').then((m) => m.DATA_PROTECTION_ROUTES) },
      { path: 'auswertung', canMatch: [permissionGuard('evaluation:read')], loadChildren: () => import('@wegweiser/client/evaluation').then((m) => m.EVALUATION_ROUTES) },
      { path: 'verwendungsnachweis', canMatch: [permissionGuard('funding:report')], loadChildren: () => import('@wegweiser/client/funding-report').then((m) => m.FUNDING_REPORT_ROUTES) },
      { path: 'aufbewahrung', canMatch: [permissionGuard('retention:manage')], loadChildren: () => import('@wegweiser/client/retention').then((m) => m.RETENTION_ROUTES) },
      { path: '**', loadComponent: () => import('./pages/not-found-page').then((m) => m.NotFoundPage) },
    ],
  },
];
