import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { EvaluationPolicyRequest, EvaluationPolicyResponse } from '@wegweiser/shared/contracts';
import { EvaluationPolicyNotFoundError, EvaluationPolicyService } from './evaluation-policy.service';

/** The audit entity of a change: its row in `evaluation_policy_change` holds the old and the new k. */
export const POLICY_CHANGE_ENTITY = 'evaluation_policy_change';

/**
 * `GET`/`PUT /api/evaluation/policy` (request transaction, row-level security). A change is kept with its old
 * and new value in `evaluation_policy_change` (in the request's transaction) and audited with that row's id.
 */
@Injectable()
export class EvaluationPolicySettingsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly policy: EvaluationPolicyService,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<EvaluationPolicyResponse> {
    return { k: await this.policy.k() };
  }

  /** Sets k; the same k again changes nothing and writes no change. */
  async put(request: EvaluationPolicyRequest): Promise<EvaluationPolicyResponse> {
    const user = this.tenant.requireUser();
    // Locks the row: two administrators saving at once are applied one after the other, each change with its true old value.
    const rows: { old_k: number }[] = await this.txHost.tx.query(
      `SELECT evaluation_k AS old_k FROM municipality WHERE id = current_municipality_id() FOR UPDATE`,
    );
    if (rows.length !== 1) throw new EvaluationPolicyNotFoundError();
    const oldK = rows[0].old_k;
    if (oldK === request.k) return { k: oldK };
    await this.txHost.tx.query(`UPDATE municipality SET evaluation_k = $1 WHERE id = current_municipality_id()`, [request.k]);
    const [change]: { id: string }[] = await this.txHost.tx.query(
      `INSERT INTO evaluation_policy_change (municipality_id, old_k, new_k, changed_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [user.municipalityId, oldK, request.k, user.id],
    );
    await this.audit.record({ action: 'update', outcome: 'success', entityType: POLICY_CHANGE_ENTITY, entityId: change.id });
    return { k: request.k };
  }
}
