import { SetMetadata } from '@nestjs/common';
import { Permission } from '@wegweiser/shared/contracts';

export const PERMISSION_KEY = 'wegweiser:permission';
export const PUBLIC_KEY = 'wegweiser:public';
export const SIGNED_IN_KEY = 'wegweiser:signed-in';

/** The route needs this permission (see ROLE_PERMISSIONS in the contracts). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** The route is reachable without signing in (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Any signed-in user may call the route (own account, sign-out). With
 * `{ pendingSecondFactor: true }` also a user who has not completed TOTP or
 * must change the password first.
 */
export const SignedIn = (options: { pendingSecondFactor?: boolean } = {}) => SetMetadata(SIGNED_IN_KEY, options);
