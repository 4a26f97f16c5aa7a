import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CALENDAR_TIME_ZONE } from '@wegweiser/api/core';
import PgBoss from 'pg-boss';
import { JOBS_APPLICATION_NAME, JOBS_OPTIONS, JobsOptions, PG_BOSS_SCHEMA } from './jobs.options';

/** A kind of background job: its queue, how it is worked, and optionally when it is queued by itself. */
export interface JobDefinition<T extends object = object> {
  /** Name of the pg-boss queue (and of its schedule). */
  name: string;
  /** Retries and expiry of its jobs (pg-boss queue options, set when the queue is first created). */
  queue?: Omit<PgBoss.Queue, 'name'>;
  /** Works one job, on instances with `JOBS_ENABLED` only. Throwing lets pg-boss retry it. */
  work?: (data: T) => Promise<void>;
  /** How often an idle worker looks for jobs (pg-boss default: 2 s); jobs sent by this instance wake it at once. */
  pollingIntervalSeconds?: number;
  /** Cron (five fields, Europe/Berlin): pg-boss queues a job at these times, once across all instances. */
  schedule?: string;
}

/** Creates the pg-boss instance (replaced in unit tests). */
export const PG_BOSS_FACTORY = Symbol('PG_BOSS_FACTORY');
export type PgBossFactory = (options: PgBoss.ConstructorOptions) => PgBoss;

const errorFields = (error: Error) => ({ err: { type: error.name, message: error.message } });

/**
 * One pg-boss (jobs in PostgreSQL, no extra server) for the whole API.
 * Features define their jobs in `onModuleInit`; at start-up, with
 * `JOBS_ENABLED`, the runner starts pg-boss, creates the queues, registers the
 * schedules and works the jobs. Without it nothing is opened at start-up and
 * the first `send` starts pg-boss to queue only (another instance works the
 * job). pg-boss stops (gracefully, 5 s) before the database pools close; a job
 * cut short stays in pg-boss' table and is retried.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobRunner.name);
  private readonly definitions = new Map<string, JobDefinition<never>>();
  private readonly workers = new Map<string, string>();
  private starting: Promise<PgBoss> | undefined;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
    @Optional() @Inject(PG_BOSS_FACTORY) private readonly createBoss: PgBossFactory = (options) => new PgBoss(options),
  ) {}

  /** Whether this instance works jobs (`JOBS_ENABLED`). */
  get working(): boolean {
    return this.config.JOBS_ENABLED;
  }

  /** Defines a job kind; call it in `onModuleInit` (before pg-boss starts). */
  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.starting) throw new Error(`Job "${definition.name}" must be defined before the job runner starts (onModuleInit).`);
    if (this.definitions.has(definition.name)) throw new Error(`Job "${definition.name}" is defined twice.`);
    this.definitions.set(definition.name, definition as JobDefinition<never>);
  }

  /** Queues a job of a defined kind; resolves with pg-boss' job id once it is stored. */
  async send<T extends object>(name: string, data: T): Promise<string> {
    if (!this.definitions.has(name)) throw new Error(`Job "${name}" is not defined.`);
    const boss = await this.started();
    const id = await boss.send(name, data);
    if (!id) throw new Error(`pg-boss did not queue job "${name}".`);
    const worker = this.workers.get(name);
    if (worker) boss.notifyWorker(worker);
    return id;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.JOBS_ENABLED) await this.started();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    const starting = this.starting;
    this.starting = undefined;
    const boss = await starting?.catch(() => undefined);
    await boss?.stop({ graceful: true, timeout: 5_000 }).catch((error: Error) => this.logger.warn(errorFields(error), 'pg-boss did not stop cleanly'));
  }

  private started(): Promise<PgBoss> {
    if (this.stopping) return Promise.reject(new Error('The job runner is stopping.'));
    if (!this.starting) {
      const starting = this.start(this.config.JOBS_ENABLED);
      // A failed start (database briefly away) is retried by the next send.
      starting.catch(() => {
        if (this.starting === starting) this.starting = undefined;
      });
      this.starting = starting;
    }
    return this.starting;
  }

  private async start(working: boolean): Promise<PgBoss> {
    const boss = this.createBoss({
      connectionString: this.options.ownerUrl,
      schema: PG_BOSS_SCHEMA,
      application_name: JOBS_APPLICATION_NAME,
      max: 3,
      supervise: working,
      schedule: working,
    });
    boss.on('error', (error: Error) => this.logger.error(errorFields(error), 'pg-boss error'));
    try {
      await boss.start();
      for (const definition of this.definitions.values()) {
        // Creating an existing queue is a no-op; a schedule is upserted (its cron may change between releases).
        await boss.createQueue(definition.name, { name: definition.name, ...definition.queue });
        if (!working) continue;
        if (definition.schedule) await boss.schedule(definition.name, definition.schedule, {}, { tz: CALENDAR_TIME_ZONE });
        const work = definition.work;
        if (work) {
          const id = await boss.work<never>(definition.name, { pollingIntervalSeconds: definition.pollingIntervalSeconds ?? 2 }, async (jobs) => {
            for (const job of jobs) await work(job.data);
          });
          this.workers.set(definition.name, id);
        }
      }
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw error;
    }
    return boss;
  }
}
