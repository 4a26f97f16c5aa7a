import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SET_TENANT_SQL } from './tenant-sql';

/**
 * Short transactions outside the request's own transaction, scoped to one
 * municipality under row-level security (e.g. audit rows, session checks).
 */
@Injectable()
export class TenantTransactions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  run<T>(municipalityId: string, userId: string | null, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(SET_TENANT_SQL, [municipalityId, userId ?? '']);
      return work(manager);
    });
  }

  /**
   * Like the per-request transaction, for routes that learn the tenant only
   * while they run (sign-in): services using TransactionHost join it.
   */
  withTenant<T>(municipalityId: string, userId: string | null, work: () => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(async () => {
      await this.txHost.tx.query(SET_TENANT_SQL, [municipalityId, userId ?? '']);
      return work();
    });
  }
}
