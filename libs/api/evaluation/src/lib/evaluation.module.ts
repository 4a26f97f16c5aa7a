import { Module } from '@nestjs/common';
import { EvaluationMetricsService, EvaluationRecordService } from './metrics';
import { EvaluationReportService } from './report';

/** Anonymised evaluation: the metrics and the anonymous outcome records (no routes yet). */
@Module({
  providers: [EvaluationMetricsService, EvaluationRecordService, EvaluationReportService],
  exports: [EvaluationMetricsService, EvaluationRecordService, EvaluationReportService],
})
export class EvaluationModule {}
