import { EncryptedTable, FieldCipher, fieldAad } from '@wegweiser/api/crypto';

export const CONVERSATION_TABLE = 'conversation';
export type ConversationSecretField = 'note' | 'agreements';

/** The encrypted columns of conversations, for `keys:rotate`. */
export const CONVERSATION_ENCRYPTED_FIELDS: EncryptedTable = {
  table: CONVERSATION_TABLE,
  columns: [
    { column: 'note_ciphertext', field: 'note' },
    { column: 'agreements_ciphertext', field: 'agreements' },
  ],
};

export const sealConversationField = (cipher: FieldCipher, id: string, field: ConversationSecretField, text: string): string =>
  cipher.encrypt(text, fieldAad(CONVERSATION_TABLE, id, field));

/** Throws `FieldDecryptionError` (-> 500, logged without data) rather than ever returning something else. */
export const openConversationField = (cipher: FieldCipher, id: string, field: ConversationSecretField, value: string): string =>
  cipher.decrypt(value, fieldAad(CONVERSATION_TABLE, id, field));
