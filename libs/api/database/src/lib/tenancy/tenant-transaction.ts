import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { AfterCommit } from './after-commit';
import { SET_TENANT_SQL } from './tenant-sql';

/** The connection pool for side transactions (audit rows, session checks). */
export const SIDE_CONNECTION = 'side';

/**
 * Short transactions outside the request's own transaction, scoped to one
 * municipality under row-level security (e.g. audit rows, session checks).
 * They use their own small pool: a request that holds a connection for its
 * transaction must never wait for a second one from the same pool.
 */
@Injectable()
export class TenantTransactions {
  constructor(
    @InjectDataSource(SIDE_CONNECTION) private readonly side: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly afterCommit: AfterCommit,
  ) {}

  run<T>(municipalityId: string | null, userId: string | null, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.side.transaction(async (manager) => {
      // An empty setting means "no municipality": row-level security then shows nothing.
      await manager.query(SET_TENANT_SQL, [municipalityId ?? '', userId ?? '']);
      return work(manager);
    });
  }

  /**
   * One statement on a side connection, in an implicit transaction of its
   * own (autocommit): for statements that set their tenant themselves
   * (`ONE_STATEMENT_TENANT`), one round trip instead of four.
   */
  statement<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.side.query(sql, params) as Promise<T[]>;
  }

  /**
   * Like the per-request transaction, for routes that learn the tenant only
   * while they run (sign-in) and for background jobs: services using
   * TransactionHost join it. `isolationLevel` e.g. `REPEATABLE READ` for work
   * whose queries must all see the same snapshot (evaluation reports).
   * Work queued with `AfterCommit.add` runs once it has committed.
   */
  withTenant<T>(municipalityId: string, userId: string | null, work: () => Promise<T>, isolationLevel?: IsolationLevel): Promise<T> {
    const inTenant = async () => {
      await this.txHost.tx.query(SET_TENANT_SQL, [municipalityId, userId ?? '']);
      return work();
    };
    return this.afterCommit.around(() => (isolationLevel ? this.txHost.withTransaction({ isolationLevel }, inTenant) : this.txHost.withTransaction(inTenant)));
  }
}
