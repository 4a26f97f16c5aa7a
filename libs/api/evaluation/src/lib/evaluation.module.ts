import { Module } from '@nestjs/common';
import { EvaluationMetricsService, EvaluationRecordService } from './metrics';

/** Anonymised evaluation: the metrics and the anonymous outcome records (no routes yet). */
@Module({
  providers: [EvaluationMetricsService, EvaluationRecordService],
  exports: [EvaluationMetricsService, EvaluationRecordService],
})
export class EvaluationModule {}
