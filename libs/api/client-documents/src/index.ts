export * from './lib/client-documents.module';
export * from './lib/client-documents.controller';
