import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, calendarToday } from '@wegweiser/api/core';
import { TenantTransactions } from '@wegweiser/api/database';
import { JobRunner } from '@wegweiser/api/jobs';
import { EvaluationReportRequest } from '@wegweiser/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { EvaluationReportService, evaluationReportCsv, evaluationReportJson, renderEvaluationReportPdf } from '../report';
import { reportErrorCode } from './evaluation-report.errors';
import { REPORT_PROGRESS } from './evaluation-report.mapping';
import { EvaluationReportStore, ReportOwner } from './evaluation-report.store';

/** The pg-boss queue of report jobs. */
export const EVALUATION_REPORT_QUEUE = 'evaluation-report';

/** What a queued job carries: ids only (pg-boss' table holds no figures and no personal data). */
export interface EvaluationReportJobData {
  reportId: string;
  municipalityId: string;
  requestedBy: string;
}

/**
 * Works report jobs: marks the job running, builds the report in one
 * REPEATABLE READ tenant transaction of the requester's municipality
 * (row-level security), commits progress in separate short transactions while
 * it runs, renders PDF, CSV and JSON, stores them and marks the job done (kept
 * for EVALUATION_REPORT_RETENTION_DAYS). A report that cannot be built is
 * marked failed with a stable code; the log names the job and the code only.
 */
@Injectable()
export class EvaluationReportWorker implements OnModuleInit {
  private readonly logger = new Logger(EvaluationReportWorker.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly store: EvaluationReportStore,
    private readonly reports: EvaluationReportService,
    private readonly transactions: TenantTransactions,
    private readonly cls: ClsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define<EvaluationReportJobData>({
      name: EVALUATION_REPORT_QUEUE,
      // Retried only when the worker itself went away (shutdown, crash); a failing report is marked failed, not retried.
      queue: { retryLimit: 2, retryDelay: 30, expireInSeconds: 3_600 },
      pollingIntervalSeconds: 1,
      work: (data) => this.run(data),
    });
  }

  /** Sends a stored job to the queue. */
  enqueue(data: EvaluationReportJobData): Promise<string> {
    return this.jobs.send(EVALUATION_REPORT_QUEUE, data);
  }

  async run(data: EvaluationReportJobData): Promise<void> {
    const owner: ReportOwner = { municipalityId: data.municipalityId, userId: data.requestedBy };
    const job = await this.store.start(owner, data.reportId);
    if (!job) return;
    // k is the municipality's policy, read when the report is built (EvaluationReportService.build).
    const request: EvaluationReportRequest = { template: job.template, from: job.period_from, to: job.period_to };
    const days = this.config.EVALUATION_REPORT_RETENTION_DAYS;
    try {
      let shown: number = REPORT_PROGRESS.started;
      // One snapshot for every query of the report (its linked tables must agree). The files are rendered inside the
      // transaction, so a report failing there records no figures in the release ledger. A release committed by
      // another report after this snapshot aborts it (serialisation failure): built again on a fresh snapshot.
      const files = await this.withRetry(() =>
        this.cls.run(() =>
          this.transactions.withTenant(
            owner.municipalityId,
            owner.userId,
            async () => {
              const report = await this.reports.build(request, async (fraction) => {
                const progress = REPORT_PROGRESS.figures(fraction);
                if (progress <= shown) return;
                shown = progress;
                await this.store.progress(owner, job.id, progress);
              });
              const pdf = await renderEvaluationReportPdf(report, { createdOn: calendarToday() });
              await this.store.progress(owner, job.id, REPORT_PROGRESS.pdf);
              const csv = evaluationReportCsv(report);
              await this.store.progress(owner, job.id, REPORT_PROGRESS.csv);
              const json = evaluationReportJson(report);
              await this.store.progress(owner, job.id, REPORT_PROGRESS.json);
              return { pdf, csv, json };
            },
            'REPEATABLE READ',
          ),
        ),
      );
      await this.store.complete(owner, job.id, files, days);
    } catch (error) {
      const code = reportErrorCode(error);
      this.logger.warn({ reportId: job.id, errorCode: code, errorName: error instanceof Error ? error.name : typeof error }, 'Evaluation report failed');
      await this.store.fail(owner, job.id, code, days);
    }
  }

  /** Runs `work` again (up to three times in all) when PostgreSQL aborted it with a serialisation failure. */
  private async withRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= SERIALISATION_ATTEMPTS || !isSerialisationFailure(error)) throw error;
      }
    }
  }
}

const SERIALISATION_ATTEMPTS = 3;

function isSerialisationFailure(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  return ((driverError?.code ?? (error as { code?: unknown } | null)?.code) as unknown) === '40001';
}
