import { Module } from '@nestjs/common';
import { AuditModule } from '@wegweiser/api/audit';
import { ClientsModule } from '@wegweiser/api/clients';
import { EvaluationModule } from '@wegweiser/api/evaluation';
import { AuditRetention } from './audit-retention';
import { ErasureOverviewController } from './erasure-overview.controller';
import { ErasureRequestsService } from './erasure-requests.service';
import { ErasureService } from './erasure.service';
import { LegalHoldService } from './legal-hold.service';
import { ClientRetentionController, ErasureRequestsController, RetentionController } from './retention.controller';
import { RetentionJob } from './retention.job';
import { RetentionPolicyService } from './retention-policy.service';
import { RetentionRun } from './retention-run';

/** Retention and erasure (issue 8): policy, legal holds, Art. 17 requests, the erasure pipeline and its daily job. Needs `JobsModule`. */
@Module({
  imports: [AuditModule, ClientsModule, EvaluationModule],
  controllers: [RetentionController, ClientRetentionController, ErasureRequestsController, ErasureOverviewController],
  providers: [ErasureService, RetentionRun, AuditRetention, RetentionJob, RetentionPolicyService, LegalHoldService, ErasureRequestsService],
  exports: [ErasureService, RetentionRun, AuditRetention],
})
export class RetentionModule {}
