import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { calendarToday } from '@wegweiser/api/core';
import { RECORD_FOR_ERASURE_SQL } from './evaluation-person.sql';

/** The client to be erased does not exist (in the tenant's municipality). */
export class ClientNotRecordedError extends Error {
  constructor() {
    super('No client to record for the evaluation.');
    this.name = 'ClientNotRecordedError';
  }
}

/**
 * Anonymous outcome records. The erasure of a client (retention, Art. 17)
 * calls `recordForErasure` in the same transaction, right before it deletes
 * the client: the record holds exactly what the metrics count about them, so
 * past figures stay the same. Call it once per erasure — records carry no
 * identifier, so a second call would count the client twice.
 */
@Injectable()
export class EvaluationRecordService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /**
   * `observedUntil` (internal, for tests that fix the day as the metrics do): the day the record describes, by default
   * today in Germany, the day of the erasure.
   */
  async recordForErasure(
    clientId: string,
    observedUntil: string = calendarToday(),
  ): Promise<void> {
    const recorded: { recorded: number }[] = await this.txHost.tx.query(
      RECORD_FOR_ERASURE_SQL,
      [clientId, observedUntil],
    );
    if (recorded.length !== 1) throw new ClientNotRecordedError();
  }
}
