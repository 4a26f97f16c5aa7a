export * from './lib/outcomes.module';
export * from './lib/outcomes.service';
export * from './lib/soft-ratings.service';
export * from './lib/outcome-rules';
