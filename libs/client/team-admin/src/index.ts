export * from './lib/team-admin.routes';
