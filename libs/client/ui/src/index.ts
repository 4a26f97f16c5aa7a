export * from './lib/status-card/status-card';
