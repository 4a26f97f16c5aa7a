import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess, remindOfDecision, toClientSummary } from '@wegweiser/api/clients';
import { calendarToday, TenantContext } from '@wegweiser/api/core';
import { versionedUpdate } from '@wegweiser/api/database';
import { ERROR_CODES, planDecideRefusal, PlanReviewListItemResponse, PlanReviewResponse, PlanReviewState, planSubmitRefusal } from '@wegweiser/shared/contracts';
import { ApprovePlanReviewDto, ReturnPlanReviewDto } from '../dto/plan-review.dto';
import { PlanReviewEntity } from '../entities/plan-review.entity';
import {
  PLAN_REVIEW_ORDER,
  PLAN_REVIEW_SELECT,
  PLAN_REVIEW_WITH_AGREEMENT_SELECT,
  PlanReviewRow,
  PlanReviewWithAgreementRow,
  toPlanReview,
  toReviewedAgreement,
} from './plan-review-rows';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such plan review.' });
const refused = (code: string) => new ConflictException({ code, message: `The plan review cannot change: ${code}.` });

/**
 * The four-eyes sign-off of a client's plan: the responsible manager submits
 * the latest agreed version; the team lead of the client's team approves it
 * or returns it with a comment; after a return, a new submission (of the same
 * or a newer agreed version) starts a new review. Every review is kept.
 */
@Injectable()
export class PlanReviewService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
  ) {}

  /** The latest review of the client (the caller has checked access and audits the read). */
  async latest(clientId: string): Promise<PlanReviewResponse | null> {
    const [row] = await this.rows(clientId, ' LIMIT 1');
    return row ? toPlanReview(row) : null;
  }

  /** `latest` of the client `$1` inside a larger statement (a JSON sub-select), read back by `latestOf`. */
  latestSql(): string {
    return `(SELECT row_to_json(x) FROM (${PLAN_REVIEW_SELECT} WHERE r.client_id = $1 ${PLAN_REVIEW_ORDER} LIMIT 1) x)`;
  }

  latestOf(json: unknown): PlanReviewResponse | null {
    return json ? toPlanReview(json as PlanReviewRow) : null;
  }

  /** Every review of the client, newest first. */
  async history(clientId: string): Promise<PlanReviewResponse[]> {
    await this.access.readable(clientId);
    const rows = await this.rows(clientId);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'plan_review_list', entityId: clientId, clientId });
    return rows.map(toPlanReview);
  }

  /** Submits the latest agreed version for sign-off (409 when nothing is agreed, a review waits, or it is approved already). */
  async submit(clientId: string): Promise<PlanReviewResponse> {
    const client = await this.access.writable(clientId);
    await this.lock(clientId);
    const [agreement] = await this.txHost.tx.query<{ version: number | null }[]>('SELECT max(version) AS version FROM plan_agreement WHERE client_id = $1', [clientId]);
    const latest = await this.latest(clientId);
    const refusal = planSubmitRefusal(agreement?.version ?? null, latest);
    if (refusal) throw refused(refusal);
    const { identifiers } = await this.reviews.insert({
      municipalityId: client.municipalityId,
      clientId,
      agreementVersion: Number(agreement?.version),
      state: 'submitted',
      comment: null,
      submittedBy: this.tenant.requireUser().id,
      decidedBy: null,
      decidedAt: null,
      version: 1,
    });
    const id = String(identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'plan_review', entityId: id, clientId });
    return this.one(clientId, id);
  }

  approve(clientId: string, dto: ApprovePlanReviewDto): Promise<PlanReviewResponse> {
    return this.decide(clientId, dto.version, 'approved', null);
  }

  /** Back to the manager with the comment (required). */
  returnToManager(clientId: string, dto: ReturnPlanReviewDto): Promise<PlanReviewResponse> {
    return this.decide(clientId, dto.version, 'returned', dto.comment);
  }

  /** The latest reviews of the team's clients in `state` (the team lead's list), oldest submission first. */
  async list(state: PlanReviewState): Promise<PlanReviewListItemResponse[]> {
    const user = this.tenant.requireUser();
    const rows = await this.txHost.tx.query<PlanReviewWithAgreementRow[]>(
      `${PLAN_REVIEW_WITH_AGREEMENT_SELECT}
        WHERE r.state = $2
          AND r.id IN (SELECT DISTINCT ON (p.client_id) p.id FROM plan_review p JOIN client c ON c.id = p.client_id
                        WHERE c.team_id = $1 ORDER BY p.client_id, p.submitted_at DESC, p.id DESC)
        ORDER BY r.submitted_at, r.id`,
      [user.teamId, state],
    );
    const clients = rows.length ? await this.access.scoped(user).andWhere('c.id IN (:...ids)', { ids: rows.map((r) => r.clientId) }).getMany() : [];
    const byId = new Map(clients.map((c) => [c.id, c]));
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'plan_review_list' });
    return rows.flatMap((row) => {
      const client = byId.get(row.clientId);
      return client ? [{ client: toClientSummary(client), review: toPlanReview(row), agreement: toReviewedAgreement(row) }] : [];
    });
  }

  /**
   * Only the team lead of the client's team gets here (permission
   * `plan:approve` + team scope in `writable`): the latest review must wait.
   */
  private async decide(clientId: string, version: number, state: 'approved' | 'returned', comment: string | null): Promise<PlanReviewResponse> {
    await this.access.writable(clientId);
    await this.lock(clientId);
    const latest = await this.latest(clientId);
    const refusal = planDecideRefusal(latest);
    if (refusal || !latest) throw refused(refusal ?? 'planReviewNotSubmitted');
    await versionedUpdate(
      this.txHost.tx,
      PlanReviewEntity,
      latest.id,
      version,
      { state, comment, decidedBy: this.tenant.requireUser().id, decidedAt: (() => 'now()') as unknown as Date },
      notFound,
      { client_id: clientId },
    );
    if (state === 'returned') await remindOfDecision(this.txHost.tx, 'plan_returned', clientId, latest.id, calendarToday());
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'plan_review', entityId: latest.id, clientId });
    return this.one(clientId, latest.id);
  }

  private get reviews() {
    return this.txHost.tx.getRepository(PlanReviewEntity);
  }

  /** One change of a client's plan review at a time. */
  private async lock(clientId: string): Promise<void> {
    await this.txHost.tx.query('SELECT 1 FROM client WHERE id = $1 FOR NO KEY UPDATE', [clientId]);
  }

  private rows(clientId: string, limit = ''): Promise<PlanReviewRow[]> {
    return this.txHost.tx.query(`${PLAN_REVIEW_SELECT} WHERE r.client_id = $1 ${PLAN_REVIEW_ORDER}${limit}`, [clientId]);
  }

  private async one(clientId: string, id: string): Promise<PlanReviewResponse> {
    const [row] = await this.txHost.tx.query<PlanReviewRow[]>(`${PLAN_REVIEW_SELECT} WHERE r.client_id = $1 AND r.id = $2`, [clientId, id]);
    if (!row) throw notFound();
    return toPlanReview(row);
  }
}
