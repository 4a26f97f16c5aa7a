import { Module } from '@nestjs/common';
import { AuditModule } from '@wegweiser/api/audit';
import { EvaluationModule } from '../evaluation.module';
import { EvaluationPolicyController } from '../policy/evaluation-policy.controller';
import { EvaluationPolicySettingsService } from '../policy/evaluation-policy-settings.service';
import { EvaluationReportRetention } from './evaluation-report.retention';
import { EvaluationReportStore } from './evaluation-report.store';
import { EvaluationReportWorker } from './evaluation-report.worker';
import { EvaluationReportsController } from './evaluation-reports.controller';
import { EvaluationReportsService } from './evaluation-reports.service';

/**
 * The evaluation API (`/api/evaluation`): preview, background report jobs
 * (on the API's job runner, `JobsModule`), downloads and retention; the
 * municipality's disclosure threshold k (`/api/evaluation/policy`).
 */
@Module({
  imports: [EvaluationModule, AuditModule],
  controllers: [EvaluationReportsController, EvaluationPolicyController],
  providers: [EvaluationReportStore, EvaluationReportWorker, EvaluationReportRetention, EvaluationReportsService, EvaluationPolicySettingsService],
  exports: [EvaluationReportRetention, EvaluationReportWorker],
})
export class EvaluationReportsModule {}
