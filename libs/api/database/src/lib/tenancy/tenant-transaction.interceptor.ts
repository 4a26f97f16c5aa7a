import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantContext } from '@wegweiser/api/core';
import { defaultIfEmpty, from, lastValueFrom, Observable } from 'rxjs';
import { AfterCommit } from './after-commit';
import { SET_TENANT_SQL } from './tenant-sql';

/**
 * Runs every request of a signed-in user in one transaction whose first
 * statement sets `app.municipality_id` (SET LOCAL): row-level security then
 * confines every query of the request to the user's municipality, and a
 * failing request changes nothing.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly afterCommit: AfterCommit,
  ) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const user = this.tenant.user();
    if (!user) return next.handle();
    return from(
      this.afterCommit.around(() =>
        this.txHost.withTransaction(async () => {
          await this.txHost.tx.query(SET_TENANT_SQL, [user.municipalityId, user.id]);
          return lastValueFrom(next.handle().pipe(defaultIfEmpty(undefined)));
        }),
      ),
    );
  }
}
