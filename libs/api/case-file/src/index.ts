export * from './lib/case-file.module';
