export * from './lib/retention.module';
export * from './lib/erasure.service';
export * from './lib/retention-run';
export * from './lib/audit-retention';
export * from './lib/retention.job';
export * from './lib/retention.sql';
