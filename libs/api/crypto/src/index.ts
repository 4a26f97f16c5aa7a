export * from './lib/field-keys';
export * from './lib/field-cipher';
export * from './lib/field-encryption.module';
export * from './lib/key-file';
export * from './lib/key-rotation';
