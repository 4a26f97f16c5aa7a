import { Injectable, OnModuleInit } from '@nestjs/common';
import { calendarToday } from '@wegweiser/api/core';
import { JobRunner } from '@wegweiser/api/jobs';
import { AuditRetention } from './audit-retention';
import { RetentionRun } from './retention-run';

/** The daily retention job's queue (and schedule). */
export const RETENTION_QUEUE = 'retention-run';
/** Every day at 02:45 (Europe/Berlin), outside office hours. */
export const RETENTION_CRON = '45 2 * * *';

/**
 * Schedules the retention run on the API's job runner (pg-boss): one
 * instance fetches the job; the run itself is idempotent and locks each
 * client it erases, so overlapping runs are safe too. Then the audit rows
 * past each municipality's audit period are deleted (`AuditRetention`,
 * idempotent too, one advisory lock per chain).
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobRunner,
    private readonly retention: RetentionRun,
    private readonly auditRetention: AuditRetention,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: RETENTION_QUEUE,
      queue: { retryLimit: 2, retryDelay: 600, expireInSeconds: 3_600 },
      schedule: RETENTION_CRON,
      work: async () => {
        const today = calendarToday();
        await this.retention.run(today);
        await this.auditRetention.purge(today);
      },
    });
  }
}
