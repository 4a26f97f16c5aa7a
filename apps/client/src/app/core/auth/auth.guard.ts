import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { Permission } from '@wegweiser/shared/contracts';
import { AuthService } from './auth.service';

/** Signed in with every sign-in step done; otherwise to the sign-in page (or the pending step). */
export const authGuard: CanMatchFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ensureLoaded().catch(() => undefined);
  if (auth.active()) {
    return true;
  }
  return router.parseUrl(auth.me() ? auth.homeUrl() : '/anmelden');
};

/** Only for roles with `permission`; others go to their own start page. */
export function permissionGuard(permission: Permission): CanMatchFn {
  return () => {
    const auth = inject(AuthService);
    return auth.can(permission) || inject(Router).parseUrl(auth.homeUrl());
  };
}

/** The sign-in page only while signed out; a signed-in user goes on to where they belong. */
export const signedOutGuard: CanMatchFn = async () => {
  const auth = inject(AuthService);
  await auth.ensureLoaded().catch(() => undefined);
  return auth.me() === null || inject(Router).parseUrl(auth.homeUrl());
};

/** A sign-in step page (second factor, new password) only while that step is due. */
export function stageGuard(...stages: string[]): CanMatchFn {
  return async () => {
    const auth = inject(AuthService);
    await auth.ensureLoaded().catch(() => undefined);
    const stage = auth.stage();
    return (stage !== null && stages.includes(stage)) || inject(Router).parseUrl(auth.homeUrl());
  };
}

/** `/`: the start page of the signed-in user's role. */
export function roleHome(): string {
  return inject(AuthService).homeUrl();
}
