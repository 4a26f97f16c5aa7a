import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess, ClientEntity, LastContact } from '@wegweiser/api/clients';
import { RequestUser, TenantContext } from '@wegweiser/api/core';
import { FieldCipher, FieldDecryptionError } from '@wegweiser/api/crypto';
import { hydrateJsonRows, jsonRowsSql, StatementPart, versionedUpdate } from '@wegweiser/api/database';
import {
  CONVERSATION_ERROR_CODES,
  CONVERSATION_FIELD_CODES,
  ConversationResponse,
  ConversationRevisionResponse,
  ERROR_CODES,
} from '@wegweiser/shared/contracts';
import { randomUUID } from 'node:crypto';
import { ConversationContext, LastCorrection, toConversationResponse, toRevisionResponse } from './conversation-mapping';
import { ConversationRevisionEntity } from './conversation-revision.entity';
import { ConversationEntity } from './conversation.entity';
import { CreateConversationDto, UpdateConversationDto } from './dto/conversation.dto';
import { CONVERSATION_REVISION_TABLE, openConversationField, sealConversationField } from './encrypted-fields';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such conversation.' });

/** Who recorded each conversation of the client `$1` and who corrected it last, with their names. */
const PEOPLE_SQL = `
  SELECT v.id, v.staff_id, concat_ws(' ', s.first_name, s.last_name) AS staff_name,
         r.replaced_at, r.replaced_by, concat_ws(' ', e.first_name, e.last_name) AS editor_name
    FROM conversation v
    LEFT JOIN app_user s ON s.id = v.staff_id
    LEFT JOIN LATERAL (SELECT replaced_at, replaced_by FROM conversation_revision
                        WHERE conversation_id = v.id ORDER BY version DESC LIMIT 1) r ON true
    LEFT JOIN app_user e ON e.id = r.replaced_by
   WHERE v.client_id = $1`;

interface PersonRow {
  id: string;
  staff_id: string;
  staff_name: string;
  replaced_at: Date | string | null;
  replaced_by: string | null;
  editor_name: string;
}

/** Empty agreements are no agreements. */
const agreementsOf = (text: string | null | undefined): string | null => (text ? text : null);

/** A manager corrects only the conversations she recorded herself; the team lead any of the team's. */
const isAuthorOrLead = (row: ConversationEntity, user: RequestUser) => user.role !== 'manager' || row.staffId === user.id;

/**
 * Conversations of a client, behind `ClientAccess` (team scope for reading,
 * own caseload and an open case for writing). Notes and agreements are
 * encrypted before they reach the database and decrypted only for the
 * response; a value that does not decrypt fails the request (500), it is
 * never passed on. Every read and change is audited; writes keep the
 * client's last-contact day (LastContact) in the same transaction.
 *
 * A correction (PATCH) is its author's (or the team lead's) and keeps the
 * version it replaces in `conversation_revision`, encrypted like the
 * conversation, in the same transaction; the earlier versions are readable
 * by the team lead and the author.
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
    const rows = await this.repository.find({ where: { clientId: client.id }, order: { heldAt: 'DESC', createdAt: 'DESC', id: 'ASC' } });
    const people = rows.length ? await this.txHost.tx.query<PersonRow[]>(`${PEOPLE_SQL} AND v.id = ANY($2::uuid[])`, [client.id, rows.map((row) => row.id)]) : [];
    const items = await this.toResponses(client, rows, people);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'conversation_list', entityId: client.id, clientId: client.id });
    return items;
  }

  /** The client file's part (`$1` = the client, access checked and the read audited by the file): as `list`. */
  filePart(client: ClientEntity): StatementPart<ConversationResponse[]> {
    const tx = this.txHost.tx;
    return {
      sql: `json_build_object('rows', ${jsonRowsSql(tx, ConversationEntity, 't.client_id = $1', 't.held_at DESC, t.created_at DESC, t.id')},
                              'people', (SELECT coalesce(json_agg(x), '[]'::json) FROM (${PEOPLE_SQL}) x))`,
      read: (json) => {
        const { rows, people } = json as { rows: unknown; people: PersonRow[] };
        return this.toResponses(client, hydrateJsonRows(tx, ConversationEntity, rows), people);
      },
    };
  }

  /** Decrypted for the response; a value that does not decrypt fails the request (500) and stays on record as a failed read (the audit has its own transaction). */
  private async toResponses(client: ClientEntity, rows: ConversationEntity[], people: PersonRow[]): Promise<ConversationResponse[]> {
    const context = this.context(client, people);
    try {
      return rows.map((row) => toConversationResponse(this.cipher, row, context));
    } catch (error) {
      if (error instanceof FieldDecryptionError) {
        await this.audit.record({ action: 'read', outcome: 'failure', entityType: 'conversation_list', entityId: client.id, clientId: client.id });
      }
      throw error;
    }
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
    return this.respond(client, await this.find(client.id, id));
  }

  /** A correction: the version it replaces is kept (`conversation_revision`), with who corrected it and when. */
  async update(clientId: string, id: string, dto: UpdateConversationDto): Promise<ConversationResponse> {
    const user = this.tenant.requireUser();
    const client = await this.access.writable(clientId);
    // Locked until the request's transaction ends: the row read is exactly the version this correction replaces.
    const current = await this.find(client.id, id, true);
    if (!isAuthorOrLead(current, user)) {
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'conversation', entityId: id, clientId: client.id });
      throw new ForbiddenException({ code: CONVERSATION_ERROR_CODES.notAuthor, message: 'Only its author or the team lead corrects a conversation.' });
    }
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
    // After the version check (409 for a stale one): keep the row as it was.
    await this.keepRevision(current, user);
    if (heldAt !== undefined) await this.lastContact.refresh(client.id);
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'conversation', entityId: id, clientId: client.id });
    return this.respond(client, await this.find(client.id, id));
  }

  /** The earlier versions of a conversation, oldest first: for the team lead and the conversation's author (403 for other managers). */
  async revisions(clientId: string, id: string): Promise<ConversationRevisionResponse[]> {
    const user = this.tenant.requireUser();
    const client = await this.access.readable(clientId);
    const conversation = await this.find(client.id, id);
    const audit = { entityType: 'conversation_revisions', entityId: id, clientId: client.id } as const;
    if (!isAuthorOrLead(conversation, user)) {
      await this.audit.record({ ...audit, action: 'denied', outcome: 'denied' });
      throw new ForbiddenException({ code: CONVERSATION_ERROR_CODES.revisionsForbidden, message: 'Earlier versions are for the team lead and the author.' });
    }
    const rows = await this.txHost.tx
      .getRepository(ConversationRevisionEntity)
      .find({ where: { clientId: client.id, conversationId: id }, order: { version: 'ASC' } });
    const names = await this.userNames(rows.map((row) => row.replacedBy));
    let items: ConversationRevisionResponse[];
    try {
      items = rows.map((row) => toRevisionResponse(this.cipher, row, names));
    } catch (error) {
      if (error instanceof FieldDecryptionError) await this.audit.record({ ...audit, action: 'read', outcome: 'failure' });
      throw error;
    }
    await this.audit.record({ ...audit, action: 'read', outcome: 'success' });
    return items;
  }

  /** Copies the row as it is into `conversation_revision`, its note and agreements sealed again for the revision's own id. */
  private async keepRevision(row: ConversationEntity, user: RequestUser): Promise<void> {
    const revisionId = randomUUID();
    const reseal = (field: 'note' | 'agreements', value: string) =>
      sealConversationField(this.cipher, revisionId, field, openConversationField(this.cipher, row.id, field, value), CONVERSATION_REVISION_TABLE);
    await this.txHost.tx.getRepository(ConversationRevisionEntity).insert({
      id: revisionId,
      municipalityId: row.municipalityId,
      clientId: row.clientId,
      conversationId: row.id,
      version: row.version,
      heldAt: row.heldAt,
      durationMinutes: row.durationMinutes,
      form: row.form,
      interpreter: row.interpreter,
      language: row.language,
      topics: row.topics,
      noteCiphertext: reseal('note', row.noteCiphertext),
      agreementsCiphertext: row.agreementsCiphertext === null ? null : reseal('agreements', row.agreementsCiphertext),
      nextAppointmentAt: row.nextAppointmentAt,
      replacedAt: new Date(),
      replacedBy: user.id,
    });
  }

  private async respond(client: ClientEntity, row: ConversationEntity): Promise<ConversationResponse> {
    const people = await this.txHost.tx.query<PersonRow[]>(`${PEOPLE_SQL} AND v.id = $2`, [client.id, row.id]);
    return toConversationResponse(this.cipher, row, this.context(client, people));
  }

  /** Names of authors and correctors, the latest correction of each row (from `PEOPLE_SQL`), and what the user may do with it. */
  private context(client: ClientEntity, people: PersonRow[]): ConversationContext {
    const user = this.tenant.requireUser();
    const names = new Map<string, string>();
    const corrections = new Map<string, LastCorrection>();
    for (const p of people) {
      names.set(p.staff_id, p.staff_name);
      if (p.replaced_by === null || p.replaced_at === null) continue;
      names.set(p.replaced_by, p.editor_name);
      corrections.set(p.id, { at: new Date(p.replaced_at), by: p.replaced_by });
    }
    const writable = this.access.writeRefusal(client, user) === null;
    return {
      names,
      corrections,
      canCorrect: (row) => writable && isAuthorOrLead(row, user),
      canReadRevisions: (row) => isAuthorOrLead(row, user),
    };
  }

  private async userNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const users = (await this.txHost.tx.query(`SELECT id, concat_ws(' ', first_name, last_name) AS name FROM app_user WHERE id = ANY($1::uuid[])`, [
      [...new Set(ids)],
    ])) as { id: string; name: string }[];
    return new Map(users.map((u) => [u.id, u.name]));
  }

  private async find(clientId: string, id: string, forUpdate = false): Promise<ConversationEntity> {
    const row = await this.repository.findOne({ where: { id, clientId }, ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!row) throw notFound();
    return row;
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
