export * from './lib/partner-admin.routes';
