import { ConflictException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CASELOAD_ERROR_CODES, caseloadHasRoom, CaseloadFullDetails } from '@wegweiser/shared/contracts';

/**
 * The manager's hard maximum and open caseload (active and paused clients
 * responsible for). The manager's row is locked until the request's
 * transaction ends, so two assignments at once cannot both take the last place.
 */
const CASELOAD_SQL = `
  SELECT u.caseload_maximum AS maximum,
         (SELECT count(*) FROM client c WHERE c.responsible_manager_id = u.id AND c.support_state IN ('active', 'paused'))::int AS open_clients
    FROM app_user u
   WHERE u.id = $1
     FOR NO KEY UPDATE OF u`;

export function caseloadFull(details: CaseloadFullDetails): ConflictException {
  return new ConflictException({
    code: CASELOAD_ERROR_CODES.caseloadFull,
    message: `The manager's caseload has reached its maximum of ${details.maximum} open clients.`,
    caseload: details,
  });
}

/** The hard maximum of a manager's caseload (OpenSPP's "maximum"): checked before a client is assigned, in the same transaction. */
@Injectable()
export class CaseloadLimit {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Refuses (409 `caseloadFull`, naming the limit) when `more` new open clients would take the manager above the maximum. */
  async ensureRoom(managerId: string, more = 1): Promise<void> {
    if (more <= 0) return;
    const [row] = (await this.txHost.tx.query(CASELOAD_SQL, [managerId])) as { maximum: number | null; open_clients: number }[];
    if (!row || caseloadHasRoom(row.open_clients, row.maximum, more)) return;
    throw caseloadFull({ managerId, maximum: row.maximum ?? 0, openClients: row.open_clients });
  }
}
