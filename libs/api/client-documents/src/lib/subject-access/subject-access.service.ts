import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { CONVERSATION_REVISION_TABLE, openConversationField } from '@wegweiser/api/conversations';
import { FieldCipher, FieldDecryptionError } from '@wegweiser/api/crypto';
import { renderSubjectAccessPdf, SubjectAccessInput } from '@wegweiser/api/documents';
import { SUBJECT_ACCESS_SQL, SubjectAccessQuery } from './subject-access.sql';
import { ClientRow, ConversationRevisionRow, ConversationRow, GoalRow, StepRow, toSubjectAccessInput } from './subject-access-mapping';

/**
 * The subject-access export (Art. 15 GDPR): everything stored about one
 * client, read from the database in the request's tenant transaction,
 * conversation notes (and their earlier versions) decrypted, with the audit trail about the client. The
 * export is audited itself (`export`, `subject_access`) once it is made, so
 * it appears in the next export.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  async export(clientId: string, now: Date = new Date()): Promise<Buffer> {
    await this.access.readable(clientId);
    const entry = { action: 'export', entityType: 'subject_access', entityId: clientId, clientId } as const;
    let pdf: Buffer;
    try {
      pdf = await renderSubjectAccessPdf(await this.collect(clientId, now));
    } catch (error) {
      // A note that does not decrypt fails the export (500); the attempt stays on record.
      if (error instanceof FieldDecryptionError) await this.audit.record({ ...entry, outcome: 'failure' });
      throw error;
    }
    await this.audit.record({ ...entry, outcome: 'success' });
    return pdf;
  }

  /** Everything about the client as the renderer takes it. */
  async collect(clientId: string, now: Date): Promise<SubjectAccessInput> {
    const [client] = await this.rows<ClientRow>('client', clientId);
    if (!client) throw new Error('client vanished inside the transaction');
    const conversations = await this.rows<ConversationRow>('conversations', clientId);
    const earlier = new Map<string, (ConversationRevisionRow & { note: string; agreements: string | null })[]>();
    for (const row of await this.rows<ConversationRevisionRow>('conversationRevisions', clientId)) {
      const open = (field: 'note' | 'agreements', value: string) => openConversationField(this.cipher, row.id, field, value, CONVERSATION_REVISION_TABLE);
      const version = { ...row, note: open('note', row.noteCiphertext), agreements: row.agreementsCiphertext === null ? null : open('agreements', row.agreementsCiphertext) };
      earlier.set(row.conversationId, [...(earlier.get(row.conversationId) ?? []), version]);
    }
    return toSubjectAccessInput(
      {
        client,
        supportEvents: await this.rows('supportEvents', clientId),
        extensions: await this.rows('extensions', clientId),
        assignments: await this.rows('assignments', clientId),
        languages: await this.rows('languages', clientId),
        qualification: (await this.rows('qualification', clientId))[0] ?? null,
        workExperience: await this.rows('workExperience', clientId),
        goals: await this.rows<GoalRow>('goals', clientId),
        steps: await this.rows<StepRow>('steps', clientId),
        agreements: await this.rows('agreements', clientId),
        reviews: await this.rows('reviews', clientId),
        referrals: await this.rows('referrals', clientId),
        consents: await this.rows('consents', clientId),
        conversations: conversations.map((row) => ({
          ...row,
          note: openConversationField(this.cipher, row.id, 'note', row.noteCiphertext),
          agreements: row.agreementsCiphertext === null ? null : openConversationField(this.cipher, row.id, 'agreements', row.agreementsCiphertext),
          earlierVersions: earlier.get(row.id) ?? [],
        })),
        outcomes: await this.rows('outcomes', clientId),
        ratings: await this.rows('ratings', clientId),
        reminders: await this.rows('reminders', clientId),
        accessLog: await this.rows('accessLog', clientId),
      },
      now,
    );
  }

  private rows<T = Record<string, unknown>>(query: SubjectAccessQuery, clientId: string): Promise<T[]> {
    return this.txHost.tx.query(SUBJECT_ACCESS_SQL[query], [clientId]);
  }
}
