import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess, ClientEntity } from '@wegweiser/api/clients';
import { calendarToday, TenantContext } from '@wegweiser/api/core';
import { StatementPart } from '@wegweiser/api/database';
import {
  ERROR_CODES,
  GoalResponse,
  PLAN_ERROR_CODES,
  PLAN_FIELD_CODES,
  PlanAgreementResponse,
  PlanAgreementSummaryResponse,
  PlanResponse,
  PlanReviewResponse,
  PlanSnapshot,
  ReferralResponse,
} from '@wegweiser/shared/contracts';
import { isDeepStrictEqual } from 'node:util';
import { AgreePlanDto } from '../dto/plan.dto';
import { PlanAgreementEntity } from '../entities/plan-agreement.entity';
import { assertValid, notBefore, notInFuture, withinWindow } from '../rules/plan-rules';
import { toSnapshot } from './plan-mapping';
import { PlanReader } from './plan-reader';
import { PlanReviewService } from '../review/plan-review.service';

interface AgreementRow {
  id: string;
  version: number;
  agreedOn: string;
  agreedById: string;
  agreedByName: string;
  recordedAt: Date;
  snapshot?: PlanSnapshot;
}

const AGREEMENTS_SQL = `
  SELECT a.id, a.version, a.agreed_on::text AS "agreedOn", a.agreed_by AS "agreedById",
         concat_ws(' ', u.first_name, u.last_name) AS "agreedByName", a.created_at AS "recordedAt"`;
const AGREEMENTS_FROM = `
    FROM plan_agreement a JOIN app_user u ON u.id = a.agreed_by
   WHERE a.client_id = $1`;

function toPlan(
  client: ClientEntity,
  goals: GoalResponse[],
  referrals: ReferralResponse[],
  latest: AgreementRow | undefined,
  review: PlanReviewResponse | null,
): PlanResponse {
  return {
    clientId: client.id,
    supportStart: client.supportStart,
    supportWindowEnd: client.supportWindowEnd,
    goals,
    referrals,
    latestAgreement: latest ? toSummary(latest) : null,
    changedSinceAgreement: !latest || !isDeepStrictEqual(latest.snapshot, toSnapshot(goals, referrals)),
    review,
  };
}

function toSummary(row: AgreementRow): PlanAgreementSummaryResponse {
  return { version: row.version, agreedOn: row.agreedOn, agreedById: row.agreedById, agreedByName: row.agreedByName, recordedAt: new Date(row.recordedAt).toISOString() };
}

/**
 * A client's integration plan as a whole: the current goals, steps and
 * referrals, and its agreed versions. Agreeing freezes a snapshot; earlier
 * versions stay readable as they were.
 */
@Injectable()
export class PlanService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
    private readonly reader: PlanReader,
    private readonly reviews: PlanReviewService,
  ) {}

  async get(clientId: string): Promise<PlanResponse> {
    const client = await this.access.readable(clientId);
    const goals = await this.reader.goals(clientId);
    const referrals = await this.reader.referrals(clientId);
    const [latest] = await this.agreementRows(clientId, { latestOnly: true, withSnapshot: true });
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'plan', entityId: clientId, clientId });
    return toPlan(client, goals, referrals, latest, await this.reviews.latest(clientId));
  }

  /** The client file's part (`$1` = the client, access checked and the read audited by the file): as `get`. */
  filePart(client: ClientEntity): StatementPart<PlanResponse> {
    const latest = `(SELECT row_to_json(x) FROM (${AGREEMENTS_SQL}, a.snapshot${AGREEMENTS_FROM} ORDER BY a.version DESC LIMIT 1) x)`;
    return {
      sql: `json_build_object(${this.reader.currentSql()}, 'latest', ${latest}, 'review', ${this.reviews.latestSql()})`,
      read: (json) => {
        const parts = json as { goals: unknown; steps: unknown; referrals: unknown; offers: unknown; latest: AgreementRow | null; review: unknown };
        const { goals, referrals } = this.reader.currentOf(parts);
        return toPlan(client, goals, referrals, parts.latest ?? undefined, this.reviews.latestOf(parts.review));
      },
    };
  }

  async agreements(clientId: string): Promise<PlanAgreementSummaryResponse[]> {
    await this.access.readable(clientId);
    const rows = await this.agreementRows(clientId, {});
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'plan_agreement_list', entityId: clientId, clientId });
    return rows.map(toSummary);
  }

  async agreement(clientId: string, version: number): Promise<PlanAgreementResponse> {
    await this.access.readable(clientId);
    const [row] = await this.agreementRows(clientId, { version, withSnapshot: true });
    if (!row) throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such agreed version.' });
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'plan_agreement', entityId: row.id, clientId });
    return { ...toSummary(row), snapshot: row.snapshot as PlanSnapshot };
  }

  /** Records that the client agreed to the plan as it is now (the next version, frozen). */
  async agree(clientId: string, dto: AgreePlanDto): Promise<PlanAgreementResponse> {
    const client = await this.access.writable(clientId);
    assertValid(notInFuture('agreedOn', dto.agreedOn, calendarToday()), withinWindow('agreedOn', dto.agreedOn, client));
    // One agreement at a time per client: the next version number is read under this lock.
    await this.txHost.tx.query('SELECT 1 FROM client WHERE id = $1 FOR NO KEY UPDATE', [clientId]);
    const [latest] = await this.agreementRows(clientId, { latestOnly: true });
    if (latest) assertValid(notBefore('agreedOn', dto.agreedOn, latest.agreedOn, PLAN_FIELD_CODES.beforeLastAgreement));
    const snapshot = toSnapshot(await this.reader.goals(clientId), await this.reader.referrals(clientId));
    if (!snapshot.goals.length) throw new ConflictException({ code: PLAN_ERROR_CODES.planEmpty, message: 'A plan without goals cannot be agreed.' });
    const version = (latest?.version ?? 0) + 1;
    const inserted = await this.txHost.tx.getRepository(PlanAgreementEntity).insert({
      municipalityId: client.municipalityId,
      clientId,
      version,
      agreedOn: dto.agreedOn,
      agreedBy: this.tenant.requireUser().id,
      snapshot,
    });
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'plan_agreement', entityId: String(inserted.identifiers[0]?.['id']), clientId });
    const [row] = await this.agreementRows(clientId, { version, withSnapshot: true });
    return { ...toSummary(row as AgreementRow), snapshot };
  }

  private agreementRows(clientId: string, options: { version?: number; latestOnly?: boolean; withSnapshot?: boolean }): Promise<AgreementRow[]> {
    const params: unknown[] = [clientId];
    let sql = `${AGREEMENTS_SQL}${options.withSnapshot ? ', a.snapshot' : ''}${AGREEMENTS_FROM}`;
    if (options.version !== undefined) sql += ` AND a.version = $${params.push(options.version)}`;
    sql += ` ORDER BY a.version DESC${options.latestOnly ? ' LIMIT 1' : ''}`;
    return this.txHost.tx.query(sql, params);
  }
}
