import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JOBS_OPTIONS, JobRunner, JobsOptions } from '@wegweiser/api/jobs';
import { Client } from 'pg';

/** The hourly retention job's queue (and schedule). */
export const EVALUATION_REPORT_RETENTION_QUEUE = 'evaluation-report-retention';
/** Every hour, at minute 17 (Europe/Berlin). */
export const EVALUATION_REPORT_RETENTION_CRON = '17 * * * *';

/**
 * Deletes every expired report (all municipalities) as the owning role,
 * which sees and deletes expired rows only (migration AddEvaluationReport);
 * resolves with the number deleted.
 */
export async function purgeExpiredEvaluationReports(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-retention' });
  await client.connect();
  try {
    return (await client.query('DELETE FROM evaluation_report WHERE expires_at <= now()')).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Retention of finished reports: the hourly job; reads never serve an expired file in between. */
@Injectable()
export class EvaluationReportRetention implements OnModuleInit {
  private readonly logger = new Logger(EvaluationReportRetention.name);

  constructor(
    private readonly jobs: JobRunner,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: EVALUATION_REPORT_RETENTION_QUEUE,
      queue: { retryLimit: 2, retryDelay: 300, expireInSeconds: 900 },
      schedule: EVALUATION_REPORT_RETENTION_CRON,
      work: async () => {
        await this.purgeExpired();
      },
    });
  }

  async purgeExpired(): Promise<number> {
    const deleted = await purgeExpiredEvaluationReports(this.options.ownerUrl);
    this.logger.log({ deleted }, 'Expired evaluation reports deleted');
    return deleted;
  }
}
