export * from './lib/today.routes';
