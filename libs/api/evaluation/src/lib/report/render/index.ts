export * from './evaluation-report-pdf';
export * from './evaluation-report-csv';
export * from './evaluation-report-json';
