import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { calendarToday, TenantContext } from '@wegweiser/api/core';
import { StatementPart } from '@wegweiser/api/database';
import { CASE_ERROR_CODES, ClosureReason, ERROR_CODES, SUPPORT_ERROR_CODES, SupportResponse } from '@wegweiser/shared/contracts';
import { CaseloadLimit } from '../caseload-limit';
import { ClientAccess } from '../client-access';
import { ClientEntity } from '../client.entity';
import { SupportEventEntity } from './support-event.entity';
import { SUPPORT_TRANSITIONS, SupportTransition, supportColumnsAfter, transitionDateProblem } from './support-rules';
import { SupportView } from './support-view';

const invalidTransition = (transition: SupportTransition) =>
  new ConflictException({ code: SUPPORT_ERROR_CODES.invalidSupportTransition, message: `The support period cannot ${transition} from its current state.` });

/**
 * The support period's state: active ⇄ paused → closed → (reopened within
 * the window) active. Each change is one conditional UPDATE of the client
 * (from the state it was read in, so concurrent changes cannot both win)
 * and one row of history.
 */
@Injectable()
export class SupportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
    private readonly view: SupportView,
    private readonly caseload: CaseloadLimit,
  ) {}

  async get(clientId: string): Promise<SupportResponse> {
    const client = await this.access.readable(clientId);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'client_support', entityId: client.id, clientId: client.id });
    return this.view.of(client);
  }

  /** The client file's part (`$1` = the client; the file checked access and audits the read): as `get`. */
  filePart(client: ClientEntity): StatementPart<SupportResponse> {
    return this.view.filePart(client);
  }

  pause(clientId: string, on?: string, note?: string): Promise<SupportResponse> {
    return this.change(clientId, 'pause', on, null, note);
  }

  resume(clientId: string, on?: string, note?: string): Promise<SupportResponse> {
    return this.change(clientId, 'resume', on, null, note);
  }

  close(clientId: string, on: string, reason: ClosureReason): Promise<SupportResponse> {
    return this.change(clientId, 'close', on, reason);
  }

  reopen(clientId: string, on?: string, note?: string): Promise<SupportResponse> {
    return this.change(clientId, 'reopen', on, null, note);
  }

  private async change(
    clientId: string,
    transition: SupportTransition,
    requestedOn: string | undefined,
    reason: ClosureReason | null,
    note?: string,
  ): Promise<SupportResponse> {
    const user = this.tenant.requireUser();
    const client = await this.access.writable(clientId, { allowClosed: transition === 'reopen' });
    const rule = SUPPORT_TRANSITIONS[transition];
    if (!rule.from.includes(client.supportState)) throw invalidTransition(transition);
    const today = calendarToday();
    if (transition === 'reopen' && today > client.supportWindowEnd) {
      throw new ConflictException({ code: CASE_ERROR_CODES.windowEnded, message: 'The support window has ended: the case cannot be reopened.' });
    }
    const on = requestedOn ?? today;
    const dateProblem = transitionDateProblem(on, await this.view.lastChange(client), today);
    if (dateProblem) throw new BadRequestException({ code: ERROR_CODES.validationFailed, message: 'Invalid fields: on', errors: { on: dateProblem } });
    // A reopened case counts against the responsible manager's caseload again (locked until the transaction ends).
    if (transition === 'reopen' && client.responsibleManagerId) await this.caseload.ensureRoom(client.responsibleManagerId);

    const result = await this.txHost.tx
      .createQueryBuilder()
      .update(ClientEntity)
      .set({ ...supportColumnsAfter(transition, on, reason), version: () => 'version + 1' })
      .where('id = :id AND team_id = :teamId AND support_state = :from', { id: client.id, teamId: client.teamId, from: client.supportState })
      .execute();
    if (!result.affected) throw invalidTransition(transition);
    await this.txHost.tx.getRepository(SupportEventEntity).insert({
      municipalityId: client.municipalityId,
      clientId: client.id,
      fromState: client.supportState,
      toState: rule.to,
      reason,
      note: note || null,
      onDate: on,
      byUserId: user.id,
    });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'client_support', entityId: client.id, clientId: client.id });
    return this.view.of(await this.access.readable(client.id));
  }
}
