import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { hydrateJsonRows, jsonRowsSql, StatementPart } from '@wegweiser/api/database';
import { SupportEventResponse, SupportExtensionResponse, SupportResponse } from '@wegweiser/shared/contracts';
import { maximumWindowEnd, regularWindowEnd } from './support-window';
import { ClientEntity } from '../client.entity';
import { SupportEventEntity } from './support-event.entity';
import { SupportExtensionEntity } from './support-extension.entity';

export function toSupportEvent(e: SupportEventEntity): SupportEventResponse {
  return { id: e.id, fromState: e.fromState, toState: e.toState, reason: e.reason, note: e.note, on: e.onDate, byUserId: e.byUserId, recordedAt: e.recordedAt.toISOString() };
}

export function toSupportExtension(e: SupportExtensionEntity): SupportExtensionResponse {
  return {
    id: e.id,
    clientId: e.clientId,
    requestedUntil: e.requestedUntil,
    justification: e.justification,
    state: e.state,
    requestedBy: e.requestedBy,
    requestedAt: e.requestedAt.toISOString(),
    decidedBy: e.decidedBy,
    decidedOn: e.decidedOn,
    comment: e.comment,
    version: e.version,
  };
}

/** The support period of a client as `GET /api/clients/:id/support` shows it (the caller checks access and audits). */
@Injectable()
export class SupportView {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async of(client: ClientEntity): Promise<SupportResponse> {
    const history = await this.txHost.tx.getRepository(SupportEventEntity).find({ where: { clientId: client.id }, order: { recordedAt: 'ASC', id: 'ASC' } });
    const extensions = await this.txHost.tx
      .getRepository(SupportExtensionEntity)
      .find({ where: { clientId: client.id }, order: { requestedAt: 'DESC', id: 'DESC' } });
    return toSupport(client, history, extensions);
  }

  /** The client file's part (`$1` = the client; the caller checked access and audits the read): as `of`. */
  filePart(client: ClientEntity): StatementPart<SupportResponse> {
    const tx = this.txHost.tx;
    return {
      sql: `json_build_object('history', ${jsonRowsSql(tx, SupportEventEntity, 't.client_id = $1', 't.recorded_at, t.id')},
                              'extensions', ${jsonRowsSql(tx, SupportExtensionEntity, 't.client_id = $1', 't.requested_at DESC, t.id DESC')})`,
      read: (json) => {
        const { history, extensions } = json as { history: unknown; extensions: unknown };
        return toSupport(client, hydrateJsonRows(tx, SupportEventEntity, history), hydrateJsonRows(tx, SupportExtensionEntity, extensions));
      },
    };
  }

  /** The day of the last change of state (the start if there was none): later changes cannot take effect before it. */
  async lastChange(client: ClientEntity): Promise<string> {
    const [row] = (await this.txHost.tx.query('SELECT max(on_date)::text AS last FROM support_event WHERE client_id = $1', [client.id])) as { last: string | null }[];
    const last = row?.last ?? null;
    return last && last > client.supportStart ? last : client.supportStart;
  }
}

function toSupport(client: ClientEntity, history: SupportEventEntity[], extensions: SupportExtensionEntity[]): SupportResponse {
  return {
    clientId: client.id,
    state: client.supportState,
    start: client.supportStart,
    windowEnd: client.supportWindowEnd,
    regularWindowEnd: regularWindowEnd(client.supportStart),
    maximumWindowEnd: maximumWindowEnd(client.supportStart),
    pausedOn: client.pausedOn,
    closedOn: client.closedOn,
    closureReason: client.closureReason,
    history: history.map(toSupportEvent),
    extensions: extensions.map(toSupportExtension),
    version: client.version,
  };
}
