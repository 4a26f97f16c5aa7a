import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { calendarToday, TenantContext } from '@wegweiser/api/core';
import { versionedUpdate } from '@wegweiser/api/database';
import { In } from 'typeorm';
import { ERROR_CODES, ExtensionState, SUPPORT_ERROR_CODES, SupportExtensionListItemResponse, SupportExtensionResponse } from '@wegweiser/shared/contracts';
import { ClientAccess } from '../client-access';
import { ClientEntity } from '../client.entity';
import { toClientSummary } from '../client-mapping';
import { remindOfDecision } from './decision-reminder';
import { DecideExtensionDto, RejectExtensionDto, RequestExtensionDto } from './dto/support.dto';
import { SupportExtensionEntity } from './support-extension.entity';
import { extensionUntilProblem } from './support-rules';
import { toSupportExtension } from './support-view';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such extension request.' });

/**
 * Extensions of the support window beyond 36 months (at most 48): requested
 * with a written justification by whoever may change the client, pending
 * until the team lead of the client's team approves (only then does the
 * window move) or rejects it.
 */
@Injectable()
export class SupportExtensionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
  ) {}

  private get extensions() {
    return this.txHost.tx.getRepository(SupportExtensionEntity);
  }

  async request(clientId: string, dto: RequestExtensionDto): Promise<SupportExtensionResponse> {
    const user = this.tenant.requireUser();
    const client = await this.access.writable(clientId);
    const problem = extensionUntilProblem(client.supportStart, client.supportWindowEnd, dto.requestedUntil);
    if (problem) throw new BadRequestException({ code: ERROR_CODES.validationFailed, message: 'Invalid fields: requestedUntil', errors: { requestedUntil: problem } });
    // Serialises requests for one client; the partial unique index backs this up.
    await this.txHost.tx.query('SELECT 1 FROM client WHERE id = $1 FOR UPDATE', [client.id]);
    if (await this.extensions.exists({ where: { clientId: client.id, state: 'pending' } })) {
      throw new ConflictException({ code: SUPPORT_ERROR_CODES.extensionPending, message: 'An extension request is already waiting for a decision.' });
    }
    const { identifiers } = await this.extensions.insert({
      municipalityId: client.municipalityId,
      clientId: client.id,
      requestedUntil: dto.requestedUntil,
      justification: dto.justification,
      state: 'pending',
      requestedBy: user.id,
      decidedBy: null,
      decidedOn: null,
      comment: null,
      version: 1,
    });
    const id = String(identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'support_extension', entityId: id, clientId: client.id });
    return toSupportExtension(await this.extensions.findOneByOrFail({ id }));
  }

  /** Requests of the user's team in `state`, oldest first: the team lead's list of what waits for a decision. */
  async list(state: ExtensionState): Promise<SupportExtensionListItemResponse[]> {
    const user = this.tenant.requireUser();
    const clients = await this.access
      .scoped(user)
      .andWhere('EXISTS (SELECT 1 FROM support_extension e WHERE e.client_id = c.id AND e.state = :state)', { state })
      .getMany();
    const byId = new Map(clients.map((c) => [c.id, c]));
    const extensions = byId.size
      ? await this.extensions.find({ where: { clientId: In([...byId.keys()]), state }, order: { requestedAt: 'ASC', id: 'ASC' } })
      : [];
    const names = await this.userNames(extensions.map((e) => e.requestedBy));
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'support_extension_list' });
    return extensions.map((e) => ({ client: toClientSummary(byId.get(e.clientId) as ClientEntity), extension: toSupportExtension(e), requestedByName: names.get(e.requestedBy) ?? '' }));
  }

  approve(id: string, dto: DecideExtensionDto): Promise<SupportExtensionResponse> {
    return this.decide(id, dto, 'approved');
  }

  /** Back to the requester with a comment (required); the responsible manager gets a reminder. */
  reject(id: string, dto: RejectExtensionDto): Promise<SupportExtensionResponse> {
    return this.decide(id, dto, 'rejected');
  }

  private async userNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.txHost.tx.query<{ id: string; name: string }[]>(`SELECT id, concat_ws(' ', first_name, last_name) AS name FROM app_user WHERE id = ANY($1)`, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Only the team lead of the client's team gets here (permission
   * `extension:approve` + team scope). Approving changes the window and so
   * needs an open case; a pending request of a closed case may still be rejected.
   */
  private async decide(id: string, dto: DecideExtensionDto, state: 'approved' | 'rejected'): Promise<SupportExtensionResponse> {
    const user = this.tenant.requireUser();
    const extension = await this.extensions.findOneBy({ id });
    if (!extension) {
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'support_extension', entityId: id, clientId: null });
      throw notFound();
    }
    const client = await this.access.writable(extension.clientId, { allowClosed: state === 'rejected' });
    if (extension.state !== 'pending') {
      throw new ConflictException({ code: SUPPORT_ERROR_CODES.extensionDecided, message: 'The extension request has been decided already.' });
    }
    // One pending request at a time and only approvals move the window: a guard, not an expected case.
    if (state === 'approved' && extensionUntilProblem(client.supportStart, client.supportWindowEnd, extension.requestedUntil)) {
      throw new ConflictException({ code: ERROR_CODES.conflict, message: 'The window has changed since the request; request again.' });
    }
    await versionedUpdate(
      this.txHost.tx,
      SupportExtensionEntity,
      id,
      dto.version,
      { state, decidedBy: user.id, decidedOn: calendarToday(), comment: dto.comment ?? null },
      notFound,
      { client_id: client.id },
    );
    if (state === 'approved') {
      await this.txHost.tx
        .createQueryBuilder()
        .update(ClientEntity)
        .set({ supportWindowEnd: extension.requestedUntil, version: () => 'version + 1' })
        .where('id = :id', { id: client.id })
        .execute();
    }
    if (state === 'rejected') await remindOfDecision(this.txHost.tx, 'extension_rejected', client.id, id, calendarToday());
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'support_extension', entityId: id, clientId: client.id });
    return toSupportExtension(await this.extensions.findOneByOrFail({ id }));
  }
}
