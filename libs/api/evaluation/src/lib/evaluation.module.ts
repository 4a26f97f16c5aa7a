import { Module } from '@nestjs/common';
import { EvaluationMetricsService, EvaluationRecordService } from './metrics';
import { EvaluationPolicyService } from './policy/evaluation-policy.service';
import { EvaluationReportService } from './report';

/** Anonymised evaluation: the metrics, the anonymous outcome records, the reports and the municipality's k (no routes). */
@Module({
  providers: [EvaluationMetricsService, EvaluationRecordService, EvaluationReportService, EvaluationPolicyService],
  exports: [EvaluationMetricsService, EvaluationRecordService, EvaluationReportService, EvaluationPolicyService],
})
export class EvaluationModule {}
