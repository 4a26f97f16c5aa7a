import { DynamicModule, Global, Module } from '@nestjs/common';
import { FieldCipher } from './field-cipher';
import { FieldKeySet } from './field-keys';

/** Makes `FieldCipher` injectable, with the keys resolved at start-up (configuration or the embedded key file). */
@Global()
@Module({})
export class FieldEncryptionModule {
  static forRoot(keys: FieldKeySet): DynamicModule {
    return { module: FieldEncryptionModule, providers: [{ provide: FieldCipher, useValue: new FieldCipher(keys) }], exports: [FieldCipher] };
  }
}
