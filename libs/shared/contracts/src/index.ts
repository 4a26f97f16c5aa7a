export * from './lib/domain/roles';
export * from './lib/domain/case-vocabulary';
export * from './lib/http/api-error';
export * from './lib/http/api-routes';
export * from './lib/health/health.response';
export * from './lib/health/app-version';
