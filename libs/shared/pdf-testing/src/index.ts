export * from './lib/pdf-reader';
