export * from './lib/http/api-url';
export * from './lib/http/api-error';
export * from './lib/health/health.service';
export * from './lib/clients/clients-api';
export * from './lib/auth/auth-api';
export * from './lib/auth/auth-error';
export * from './lib/auth/csrf-token.store';
export * from './lib/auth/csrf.interceptor';
