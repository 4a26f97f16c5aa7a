export * from './lib/user-admin.routes';
