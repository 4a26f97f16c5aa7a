import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { TenantContext } from '@wegweiser/api/core';
import { AuditChainStatusResponse, AuditVerificationResponse, ERROR_CODES } from '@wegweiser/shared/contracts';
import { AuditService } from '../audit.service';
import { AuditChainStore, toVerificationResponse } from './audit-chain.store';
import { AuditChainWorker } from './audit-chain.worker';

/**
 * The hash chain's status for the data-protection officer: the last
 * verification, and "Jetzt prüfen" as a background job (one at a time per
 * municipality: while one is queued or running, asking again returns it).
 */
@Injectable()
export class AuditChainService {
  constructor(
    private readonly store: AuditChainStore,
    private readonly worker: AuditChainWorker,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  async status(): Promise<AuditChainStatusResponse> {
    const [last, current] = await Promise.all([this.store.lastFinished(), this.store.current()]);
    return { lastVerification: last ? toVerificationResponse(last) : null, current: current ? toVerificationResponse(current) : null };
  }

  async get(id: string): Promise<AuditVerificationResponse> {
    const row = await this.store.find(id);
    if (!row) throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such verification.' });
    return toVerificationResponse(row);
  }

  async start(): Promise<AuditVerificationResponse> {
    const running = await this.store.current();
    if (running) return toVerificationResponse(running);
    const user = this.tenant.requireUser();
    const owner = { municipalityId: user.municipalityId, userId: user.id };
    const id = await this.store.create(owner);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'audit_verification', entityId: id });
    try {
      await this.worker.enqueue({ verificationId: id, municipalityId: owner.municipalityId, requestedBy: owner.userId });
    } catch {
      await this.store.fail(owner, id, 'queueUnavailable');
      throw new ServiceUnavailableException({ code: 'queueUnavailable', message: 'The verification could not be queued. Please try again shortly.' });
    }
    return this.get(id);
  }
}
