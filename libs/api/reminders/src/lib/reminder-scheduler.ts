import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, calendarToday } from '@wegweiser/api/core';
import { JobRunner } from '@wegweiser/api/jobs';
import { ReminderGenerator } from './reminder-generator';

/** The pg-boss queue (and schedule) of the daily reminder run. */
export const REMINDER_QUEUE = 'reminders-generate';
/** pg-boss' own schema (kept here for existing imports; the job runner owns it). */
export { PG_BOSS_SCHEMA } from '@wegweiser/api/jobs';

/**
 * Schedules the daily reminder run on the API's job runner (pg-boss, jobs in
 * PostgreSQL). Safe with several API instances: the cron is evaluated by one
 * instance at a time, one worker fetches the job, and the generator is
 * idempotent anyway. With `REMINDERS_SCHEDULE=false` the job is not defined
 * here (tests; instances that should only serve requests); with
 * `JOBS_ENABLED=false` the runner works no jobs at all.
 *
 * At start-up (`REMINDERS_RUN_ON_START`, on by default) it creates today's
 * reminders once, before the API listens: `main.ts` prepares the database
 * (migrations, demo data) before Nest starts, so a first start with demo data
 * shows reminders at once instead of after the next 05:00 run. A failure
 * there is logged, not fatal: the daily job catches up.
 */
@Injectable()
export class ReminderScheduler implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly generator: ReminderGenerator,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.REMINDERS_SCHEDULE) return;
    this.jobs.define({
      name: REMINDER_QUEUE,
      queue: { retryLimit: 3, retryDelay: 300, expireInSeconds: 3_600 },
      schedule: this.config.REMINDERS_CRON,
      work: async () => {
        await this.generator.generate(calendarToday());
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.REMINDERS_RUN_ON_START) return;
    try {
      await this.generator.generate(calendarToday());
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name, message: (error as Error).message } }, 'Reminders at start-up failed; the daily job catches up');
    }
  }
}
