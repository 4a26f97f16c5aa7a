export * from './lib/disclosure';
export * from './lib/metrics';
export * from './lib/report';
export * from './lib/evaluation.module';
export * from './lib/reports';
