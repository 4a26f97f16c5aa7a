export * from './lib/approvals.routes';
