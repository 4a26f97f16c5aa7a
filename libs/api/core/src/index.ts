export * from './lib/config/environment';
export * from './lib/config/load-config';
export * from './lib/config/config.module';
export * from './lib/http/api-exception.filter';
export * from './lib/http/configure-http';
export * from './lib/http/validation';
export * from './lib/logging/logging.module';
