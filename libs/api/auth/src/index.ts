export * from './lib/authorization/require-permission.decorator';
export * from './lib/authorization/auth.guard';
export * from './lib/auth.module';
export * from './lib/session/configure-sessions';
export * from './lib/session/csrf-tokens';
export * from './lib/credentials';
