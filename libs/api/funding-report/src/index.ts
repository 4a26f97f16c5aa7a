export * from './lib/funding-report.module';
export * from './lib/funding-report.service';
export * from './lib/funding-report.mapping';
export * from './lib/render/funding-report-rows';
export * from './lib/render/funding-report-xlsx';
export * from './lib/render/funding-report-pdf';
