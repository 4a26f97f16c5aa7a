import { Injectable, Logger } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

const QUEUE_KEY = 'wegweiser.afterCommit';

type Work = () => Promise<void>;

/**
 * Work that must happen only once the surrounding tenant transaction (the
 * request's, or `TenantTransactions.withTenant`) has committed — e.g. the
 * erasure ledger's copy outside the database: written before the commit, a
 * rolled-back erasure would be replayed later. Queued work is dropped on
 * rollback; a failing item is logged (type only) and does not fail the
 * already committed request.
 */
@Injectable()
export class AfterCommit {
  private readonly logger = new Logger(AfterCommit.name);

  constructor(private readonly cls: ClsService) {}

  /** Queues `work` for after the current transaction commits. Outside a tenant transaction this is a programming error. */
  add(work: Work): void {
    const queue = this.cls.isActive() ? this.cls.get<Work[] | undefined>(QUEUE_KEY) : undefined;
    if (!queue) throw new Error('AfterCommit.add() needs a surrounding tenant transaction');
    queue.push(work);
  }

  /**
   * Runs `transaction` with a fresh queue and, once it has resolved (committed), the queued work in order.
   * Nested inside another such transaction it joins the outer queue (the outer one commits last).
   */
  async around<T>(transaction: () => Promise<T>): Promise<T> {
    const outer = this.cls.get<Work[] | undefined>(QUEUE_KEY);
    if (outer) return transaction();
    const queue: Work[] = [];
    this.cls.set(QUEUE_KEY, queue);
    let result: T;
    try {
      result = await transaction();
    } finally {
      this.cls.set(QUEUE_KEY, undefined);
    }
    for (const work of queue) {
      await work().catch((error: unknown) => this.logger.error({ err: { type: error instanceof Error ? error.name : typeof error } }, 'after-commit work failed'));
    }
    return result;
  }
}
