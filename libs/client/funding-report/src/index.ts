export * from './lib/funding-report.routes';
