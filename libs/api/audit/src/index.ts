export * from './lib/audit-record';
export * from './lib/audit-page';
export * from './lib/audit.service';
export * from './lib/dto/audit-query.dto';
export * from './lib/audit.controller';
export * from './lib/audit.module';
export * from './lib/verification/verify-audit-chain';
export * from './lib/verification/cut-audit-chain';
