export * from './lib/user-admin.module';
export * from './lib/one-time-passwords';
export * from './lib/create-admin';
