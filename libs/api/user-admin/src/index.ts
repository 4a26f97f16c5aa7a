export * from './lib/one-time-passwords';
