export * from './lib/disclosure';
