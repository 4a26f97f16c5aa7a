import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JOBS_OPTIONS, JobRunner, JobsOptions } from '@wegweiser/api/jobs';
import { verifyMunicipalityAuditChain } from '../verification/verify-audit-chain';
import { AuditChainStore, VerificationOwner } from './audit-chain.store';

/** The pg-boss queue of chain verifications. */
export const AUDIT_CHAIN_QUEUE = 'audit-chain-verification';

/** What a queued job carries: ids only. */
export interface AuditChainJobData {
  verificationId: string;
  municipalityId: string;
  requestedBy: string;
}

/**
 * Works chain verifications: marks the run running, checks the
 * municipality's chain as the owning role (the same query as
 * `audit:verify`, limited to one chain) and stores the result. A run that
 * cannot finish is marked failed; the log names the run only.
 */
@Injectable()
export class AuditChainWorker implements OnModuleInit {
  private readonly logger = new Logger(AuditChainWorker.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly store: AuditChainStore,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {}

  onModuleInit(): void {
    this.jobs.define<AuditChainJobData>({
      name: AUDIT_CHAIN_QUEUE,
      queue: { retryLimit: 2, retryDelay: 10, expireInSeconds: 900 },
      pollingIntervalSeconds: 1,
      work: (data) => this.run(data),
    });
  }

  enqueue(data: AuditChainJobData): Promise<string> {
    return this.jobs.send(AUDIT_CHAIN_QUEUE, data);
  }

  async run(data: AuditChainJobData): Promise<void> {
    const owner: VerificationOwner = { municipalityId: data.municipalityId, userId: data.requestedBy };
    if (!(await this.store.start(owner, data.verificationId))) return;
    try {
      const result = await verifyMunicipalityAuditChain(this.options.ownerUrl, data.municipalityId);
      await this.store.complete(owner, data.verificationId, result);
      if (result.brokenAt) this.logger.warn({ verificationId: data.verificationId, brokenAt: result.brokenAt.id }, 'Audit chain broken');
    } catch (error) {
      this.logger.warn({ verificationId: data.verificationId, errorName: error instanceof Error ? error.name : typeof error }, 'Audit chain verification failed');
      await this.store.fail(owner, data.verificationId, 'verificationFailed');
    }
  }
}
