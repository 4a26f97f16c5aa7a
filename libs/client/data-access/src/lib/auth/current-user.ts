import { Injectable } from '@angular/core';
import { Permission } from '@wegweiser/shared/contracts';

/**
 * The signed-in user's permissions, for feature libraries that may not reach
 * the application's session service: they hide what the API would refuse.
 * The application provides it from its session (`useExisting: AuthService`);
 * without that, nothing is permitted.
 */
@Injectable({ providedIn: 'root', useFactory: () => ({ can: () => false }) })
export abstract class CurrentUser {
  /** Whether the signed-in user's role has `permission` (reactive when read inside a signal's computation). */
  abstract can(permission: Permission): boolean;
}
