import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess, LastContact } from '@wegweiser/api/clients';
import { TenantContext } from '@wegweiser/api/core';
import { FieldCipher, FieldDecryptionError } from '@wegweiser/api/crypto';
import { versionedUpdate } from '@wegweiser/api/database';
import { CONVERSATION_FIELD_CODES, ConversationResponse, ERROR_CODES } from '@wegweiser/shared/contracts';
import { randomUUID } from 'node:crypto';
import { ConversationEntity } from './conversation.entity';
import { CreateConversationDto, UpdateConversationDto } from './dto/conversation.dto';
import { openConversationField, sealConversationField } from './encrypted-fields';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such conversation.' });

/** Empty agreements are no agreements. */
const agreementsOf = (text: string | null | undefined): string | null => (text ? text : null);

/**
 * Conversations of a client, behind `ClientAccess` (team scope for reading,
 * own caseload and an open case for writing). Notes and agreements are
 * encrypted before they reach the database and decrypted only for the
 * response; a value that does not decrypt fails the request (500), it is
 * never passed on. Every read and change is audited; writes keep the
 * client's last-contact day (LastContact) in the same transaction.
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
    private readonly cipher: FieldCipher,
    private readonly lastContact: LastContact,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(ConversationEntity);
  }

  /** Newest first. */
  async list(clientId: string): Promise<ConversationResponse[]> {
    const client = await this.access.readable(clientId);
    const rows = await this.repository.find({ where: { clientId: client.id }, order: { heldAt: 'DESC', createdAt: 'DESC' } });
    const audit = { action: 'read', entityType: 'conversation_list', entityId: client.id, clientId: client.id } as const;
    let items: ConversationResponse[];
    try {
      items = rows.map((row) => this.toResponse(row));
    } catch (error) {
      // The attempt stays on record (the audit has its own transaction); the request fails with 500.
      if (error instanceof FieldDecryptionError) await this.audit.record({ ...audit, outcome: 'failure' });
      throw error;
    }
    await this.audit.record({ ...audit, outcome: 'success' });
    return items;
  }

  async create(clientId: string, dto: CreateConversationDto): Promise<ConversationResponse> {
    const user = this.tenant.requireUser();
    const client = await this.access.writable(clientId);
    const heldAt = new Date(dto.heldAt);
    const nextAppointmentAt = dto.nextAppointmentAt ? new Date(dto.nextAppointmentAt) : null;
    assertAppointmentAfter(heldAt, nextAppointmentAt);
    const id = randomUUID();
    const agreements = agreementsOf(dto.agreements);
    await this.repository.insert({
      id,
      municipalityId: client.municipalityId,
      clientId: client.id,
      staffId: user.id,
      heldAt,
      durationMinutes: dto.durationMinutes,
      form: dto.form,
      interpreter: dto.interpreter,
      language: dto.language,
      topics: dto.topics,
      noteCiphertext: sealConversationField(this.cipher, id, 'note', dto.note),
      agreementsCiphertext: agreements === null ? null : sealConversationField(this.cipher, id, 'agreements', agreements),
      nextAppointmentAt,
      version: 1,
    });
    await this.lastContact.refresh(client.id);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'conversation', entityId: id, clientId: client.id });
    return this.toResponse(await this.find(client.id, id));
  }

  async update(clientId: string, id: string, dto: UpdateConversationDto): Promise<ConversationResponse> {
    const client = await this.access.writable(clientId);
    const current = await this.find(client.id, id);
    const { version, note, agreements, heldAt, nextAppointmentAt, ...plain } = dto;
    const changes: Partial<ConversationEntity> = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
    if (heldAt !== undefined) changes.heldAt = new Date(heldAt);
    if (nextAppointmentAt !== undefined) changes.nextAppointmentAt = nextAppointmentAt ? new Date(nextAppointmentAt) : null;
    if (heldAt !== undefined || nextAppointmentAt !== undefined) {
      assertAppointmentAfter(changes.heldAt ?? current.heldAt, changes.nextAppointmentAt !== undefined ? changes.nextAppointmentAt : current.nextAppointmentAt);
    }
    if (note !== undefined) changes.noteCiphertext = sealConversationField(this.cipher, id, 'note', note);
    if (agreements !== undefined) {
      const text = agreementsOf(agreements);
      changes.agreementsCiphertext = text === null ? null : sealConversationField(this.cipher, id, 'agreements', text);
    }
    await versionedUpdate(this.txHost.tx, ConversationEntity, id, version, changes, notFound, { client_id: client.id });
    if (heldAt !== undefined) await this.lastContact.refresh(client.id);
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'conversation', entityId: id, clientId: client.id });
    return this.toResponse(await this.find(client.id, id));
  }

  private async find(clientId: string, id: string): Promise<ConversationEntity> {
    const row = await this.repository.findOne({ where: { id, clientId } });
    if (!row) throw notFound();
    return row;
  }

  private toResponse(row: ConversationEntity): ConversationResponse {
    return {
      id: row.id,
      clientId: row.clientId,
      staffId: row.staffId,
      heldAt: row.heldAt.toISOString(),
      durationMinutes: row.durationMinutes,
      form: row.form,
      interpreter: row.interpreter,
      language: row.language,
      topics: row.topics,
      note: openConversationField(this.cipher, row.id, 'note', row.noteCiphertext),
      agreements: row.agreementsCiphertext === null ? null : openConversationField(this.cipher, row.id, 'agreements', row.agreementsCiphertext),
      nextAppointmentAt: row.nextAppointmentAt?.toISOString() ?? null,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

function assertAppointmentAfter(heldAt: Date, next: Date | null): void {
  if (next !== null && next.getTime() <= heldAt.getTime()) {
    throw new BadRequestException({
      code: ERROR_CODES.validationFailed,
      message: 'Invalid fields: nextAppointmentAt',
      errors: { nextAppointmentAt: CONVERSATION_FIELD_CODES.afterHeldAt },
    });
  }
}
