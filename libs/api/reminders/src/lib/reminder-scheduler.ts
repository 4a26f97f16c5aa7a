import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CALENDAR_TIME_ZONE, calendarToday } from '@wegweiser/api/core';
import PgBoss from 'pg-boss';
import { ReminderGenerator } from './reminder-generator';
import { REMINDERS_OPTIONS, RemindersOptions } from './reminders.options';

/** The pg-boss queue (and schedule) of the daily reminder run. */
export const REMINDER_QUEUE = 'reminders-generate';
/** pg-boss' own schema, created and migrated by pg-boss as the owning role; the application role has no access. */
export const PG_BOSS_SCHEMA = 'pgboss';

/**
 * Schedules the daily reminder run with pg-boss (jobs in PostgreSQL, no
 * extra server). Safe with several API instances: the cron is evaluated by one
 * instance at a time and the job is queued once per minute at most (pg-boss'
 * singleton), one worker fetches it, and the generator is idempotent anyway.
 * With `REMINDERS_SCHEDULE=false` nothing is started (tests; instances that
 * should only serve requests). pg-boss stops before the database pools close.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderScheduler.name);
  private boss: PgBoss | undefined;

  constructor(
    private readonly generator: ReminderGenerator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.REMINDERS_RUN_ON_START) await this.generator.generate(calendarToday());
    if (!this.config.REMINDERS_SCHEDULE) return;
    const boss = new PgBoss({ connectionString: this.options.ownerUrl, schema: PG_BOSS_SCHEMA, application_name: 'wegweiser-jobs', max: 2 });
    boss.on('error', (error: Error) => this.logger.error({ err: { type: error.name, message: error.message } }, 'pg-boss error'));
    this.boss = boss;
    await boss.start();
    // Creating an existing queue is a no-op; the schedule is upserted (the cron may change between releases).
    await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, retryLimit: 3, retryDelay: 300, expireInSeconds: 3_600 });
    await boss.schedule(REMINDER_QUEUE, this.config.REMINDERS_CRON, {}, { tz: CALENDAR_TIME_ZONE });
    await boss.work(REMINDER_QUEUE, async () => {
      await this.generator.generate(calendarToday());
    });
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    // A job cut short stays in pg-boss' table and is retried by another instance (or after the restart).
    await boss?.stop({ graceful: true, timeout: 5_000 }).catch((error: Error) => this.logger.warn({ err: { type: error.name, message: error.message } }, 'pg-boss did not stop cleanly'));
  }
}
