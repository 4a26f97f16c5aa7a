export * from './lib/http/api-url';
export * from './lib/http/api-error';
export * from './lib/health/health.service';
