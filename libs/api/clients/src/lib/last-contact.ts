import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CALENDAR_TIME_ZONE } from '@wegweiser/api/core';

/**
 * Keeps `client.last_contact_on` (the day of the latest conversation, which
 * the caseload filters and sorts by) in step with the conversations, in the
 * transaction that writes them. Recomputed from the conversations rather than
 * raised, so that moving a conversation earlier is right too. The client row
 * is locked first (FOR NO KEY UPDATE: it does not wait for the key-share
 * locks that inserting a conversation takes) and read in a statement of its
 * own, whose snapshot then includes whatever a concurrent writer committed.
 */
@Injectable()
export class LastContact {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async refresh(clientId: string): Promise<void> {
    await this.txHost.tx.query(`SELECT 1 FROM client WHERE id = $1 FOR NO KEY UPDATE`, [clientId]);
    await this.txHost.tx.query(
      `UPDATE client SET last_contact_on =
         (SELECT (max(held_at) AT TIME ZONE '${CALENDAR_TIME_ZONE}')::date FROM conversation WHERE client_id = $1)
       WHERE id = $1`,
      [clientId],
    );
  }
}
