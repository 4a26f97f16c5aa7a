import { Module } from '@nestjs/common';
import { EvaluationMetricsService, EvaluationRecordService } from './metrics';
import { EvaluationPolicyService } from './policy/evaluation-policy.service';
import { EvaluationReleaseLedger } from './releases/release-ledger';
import { EvaluationReportService } from './report';

/** Anonymised evaluation: the metrics, the anonymous outcome records, the reports, their release ledger and the municipality's k (no routes). */
@Module({
  providers: [EvaluationMetricsService, EvaluationRecordService, EvaluationReportService, EvaluationPolicyService, EvaluationReleaseLedger],
  exports: [EvaluationMetricsService, EvaluationRecordService, EvaluationReportService, EvaluationPolicyService],
})
export class EvaluationModule {}
