export * from './lib/client-file.routes';
