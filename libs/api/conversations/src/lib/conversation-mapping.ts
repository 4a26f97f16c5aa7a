import { FieldCipher } from '@wegweiser/api/crypto';
import { ConversationResponse, ConversationRevisionResponse } from '@wegweiser/shared/contracts';
import { ConversationRevisionEntity } from './conversation-revision.entity';
import { ConversationEntity } from './conversation.entity';
import { CONVERSATION_REVISION_TABLE, openConversationField } from './encrypted-fields';

/** The latest correction of a conversation. */
export interface LastCorrection {
  at: Date;
  by: string;
}

/** What a response needs beyond the row: names of the people, the latest corrections, and what the signed-in user may do. */
export interface ConversationContext {
  names: ReadonlyMap<string, string>;
  corrections: ReadonlyMap<string, LastCorrection>;
  canCorrect(row: ConversationEntity): boolean;
  canReadRevisions(row: ConversationEntity): boolean;
}

/** Decrypts note and agreements (a value that does not decrypt throws `FieldDecryptionError`). */
export function toConversationResponse(cipher: FieldCipher, row: ConversationEntity, context: ConversationContext): ConversationResponse {
  const correction = context.corrections.get(row.id) ?? null;
  return {
    id: row.id,
    clientId: row.clientId,
    staffId: row.staffId,
    staffName: context.names.get(row.staffId) ?? '',
    heldAt: row.heldAt.toISOString(),
    durationMinutes: row.durationMinutes,
    form: row.form,
    interpreter: row.interpreter,
    language: row.language,
    topics: row.topics,
    note: openConversationField(cipher, row.id, 'note', row.noteCiphertext),
    agreements: row.agreementsCiphertext === null ? null : openConversationField(cipher, row.id, 'agreements', row.agreementsCiphertext),
    nextAppointmentAt: row.nextAppointmentAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    edited: correction !== null,
    editedAt: correction?.at.toISOString() ?? null,
    editedById: correction?.by ?? null,
    editedBy: correction ? (context.names.get(correction.by) ?? '') : null,
    canCorrect: context.canCorrect(row),
    canReadRevisions: context.canReadRevisions(row),
  };
}

export function toRevisionResponse(cipher: FieldCipher, row: ConversationRevisionEntity, names: ReadonlyMap<string, string>): ConversationRevisionResponse {
  return {
    id: row.id,
    conversationId: row.conversationId,
    version: row.version,
    heldAt: row.heldAt.toISOString(),
    durationMinutes: row.durationMinutes,
    form: row.form,
    interpreter: row.interpreter,
    language: row.language,
    topics: row.topics,
    note: openConversationField(cipher, row.id, 'note', row.noteCiphertext, CONVERSATION_REVISION_TABLE),
    agreements:
      row.agreementsCiphertext === null ? null : openConversationField(cipher, row.id, 'agreements', row.agreementsCiphertext, CONVERSATION_REVISION_TABLE),
    nextAppointmentAt: row.nextAppointmentAt?.toISOString() ?? null,
    replacedAt: row.replacedAt.toISOString(),
    replacedById: row.replacedBy,
    replacedBy: names.get(row.replacedBy) ?? '',
  };
}
