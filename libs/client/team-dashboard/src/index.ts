export * from './lib/team-dashboard.routes';
