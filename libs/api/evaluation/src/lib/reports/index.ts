export * from './evaluation-report.errors';
export * from './evaluation-report.mapping';
export * from './evaluation-report.retention';
export * from './evaluation-report.worker';
export * from './evaluation-reports.module';
