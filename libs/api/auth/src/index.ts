/** The route decorators live in core (audit and other features use them without depending on auth). */
export { Public, RequirePermission, SignedIn, PERMISSION_KEY, PUBLIC_KEY, SIGNED_IN_KEY } from '@wegweiser/api/core';
export * from './lib/authorization/auth.guard';
export * from './lib/auth.module';
export * from './lib/session/configure-sessions';
export * from './lib/session/csrf-tokens';
export * from './lib/credentials';
