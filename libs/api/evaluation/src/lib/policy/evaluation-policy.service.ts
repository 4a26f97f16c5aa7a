import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { resolveK } from '../disclosure';

/** The current tenant has no municipality row (no tenant set on the transaction). */
export class EvaluationPolicyNotFoundError extends Error {
  constructor() {
    super('No municipality for the current tenant');
    this.name = 'EvaluationPolicyNotFoundError';
  }
}

/**
 * The municipality's disclosure threshold k (issue 19): a policy set by its administrator, never a request
 * parameter. Read in the current transaction (row-level security shows only the tenant's municipality), so a
 * report built in one snapshot uses the k of that snapshot.
 */
@Injectable()
export class EvaluationPolicyService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The k every evaluation of the tenant's municipality uses. */
  async k(): Promise<number> {
    const rows: { evaluation_k: number }[] = await this.txHost.tx.query(
      `SELECT evaluation_k FROM municipality WHERE id = current_municipality_id()`,
    );
    if (rows.length !== 1) throw new EvaluationPolicyNotFoundError();
    return resolveK(rows[0].evaluation_k);
  }
}
