import { EncryptedTable, FieldCipher, fieldAad } from '@wegweiser/api/crypto';

export const CONVERSATION_TABLE = 'conversation';
/** Earlier versions of corrected conversations; their values are bound to the revision's id. */
export const CONVERSATION_REVISION_TABLE = 'conversation_revision';
export type ConversationSecretField = 'note' | 'agreements';
type ConversationTable = typeof CONVERSATION_TABLE | typeof CONVERSATION_REVISION_TABLE;

/** The encrypted columns of conversations, for `keys:rotate`. */
export const CONVERSATION_ENCRYPTED_FIELDS: EncryptedTable = {
  table: CONVERSATION_TABLE,
  columns: [
    { column: 'note_ciphertext', field: 'note' },
    { column: 'agreements_ciphertext', field: 'agreements' },
  ],
};

/** The encrypted columns of earlier conversation versions, for `keys:rotate`. */
export const CONVERSATION_REVISION_ENCRYPTED_FIELDS: EncryptedTable = { ...CONVERSATION_ENCRYPTED_FIELDS, table: CONVERSATION_REVISION_TABLE };

export const sealConversationField = (
  cipher: FieldCipher,
  id: string,
  field: ConversationSecretField,
  text: string,
  table: ConversationTable = CONVERSATION_TABLE,
): string => cipher.encrypt(text, fieldAad(table, id, field));

/** Throws `FieldDecryptionError` (-> 500, logged without data) rather than ever returning something else. */
export const openConversationField = (
  cipher: FieldCipher,
  id: string,
  field: ConversationSecretField,
  value: string,
  table: ConversationTable = CONVERSATION_TABLE,
): string => cipher.decrypt(value, fieldAad(table, id, field));
