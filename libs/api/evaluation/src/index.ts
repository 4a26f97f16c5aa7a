export * from './lib/disclosure';
export * from './lib/metrics';
export * from './lib/evaluation.module';
