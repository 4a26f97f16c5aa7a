export * from './lib/conversations.module';
export * from './lib/conversations.service';
export * from './lib/encrypted-fields';
