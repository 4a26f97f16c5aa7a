export * from './lib/data-protection.routes';
