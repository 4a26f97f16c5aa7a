import { Routes } from '@angular/router';
import { signedOutGuard, stageGuard } from '../core/auth/auth.guard';

/** `/anmelden`: sign-in, then the pending steps (second factor, new password). */
export const signInRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    canMatch: [signedOutGuard],
    loadComponent: () => import('../start/start-page').then((m) => m.StartPage),
  },
  {
    path: 'zweiter-faktor',
    canMatch: [stageGuard('totp_enrol', 'totp_verify')],
    loadComponent: () => import('./totp-page').then((m) => m.TotpPage),
  },
  {
    path: 'passwort',
    canMatch: [stageGuard('password_change')],
    loadComponent: () => import('./password-page').then((m) => m.PasswordPage),
  },
];
