export * from './lib/retention.routes';
