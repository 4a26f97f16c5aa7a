export * from './lib/team.module';
