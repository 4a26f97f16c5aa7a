export * from './lib/backup-cipher';
export * from './lib/backup';
export * from './lib/restore';
export * from './lib/erasure-ledger-file';
export * from './lib/erasure-replay';
