import { loadConfig } from '@wegweiser/api/core';
import type PgBoss from 'pg-boss';
import { JobRunner } from './job-runner';

/** A stand-in for pg-boss that records what the runner asks of it. */
function fakeBoss() {
  const handlers = new Map<string, (jobs: { data: object }[]) => Promise<void>>();
  const calls: string[] = [];
  const boss = {
    options: undefined as PgBoss.ConstructorOptions | undefined,
    on: jest.fn(),
    start: jest.fn(async () => void calls.push('start')),
    stop: jest.fn(async (options: PgBoss.StopOptions) => void calls.push(`stop graceful=${options.graceful}`)),
    createQueue: jest.fn(async (name: string) => void calls.push(`queue ${name}`)),
    schedule: jest.fn(async (name: string, cron: string, _data: object, options: { tz: string }) => void calls.push(`schedule ${name} ${cron} ${options.tz}`)),
    work: jest.fn(async (name: string, _options: object, handler: (jobs: { data: object }[]) => Promise<void>) => {
      handlers.set(name, handler);
      calls.push(`work ${name}`);
      return `worker-${name}`;
    }),
    send: jest.fn(async (name: string) => `job-of-${name}`),
    notifyWorker: jest.fn(),
  };
  return { boss, calls, handlers };
}

const OWNER = { ownerUrl: 'postgres://owner@127.0.0.1:1/none' };

function runner(env: Record<string, string>) {
  const fake = fakeBoss();
  const factory = jest.fn((options: PgBoss.ConstructorOptions) => {
    fake.boss.options = options;
    return fake.boss as unknown as PgBoss;
  });
  return { runner: new JobRunner(loadConfig({ NODE_ENV: 'test', ...env }), OWNER, factory), factory, ...fake };
}

describe('JobRunner', () => {
  it('with JOBS_ENABLED starts pg-boss at start-up on the owner connection, creates queues, schedules (Europe/Berlin) and works jobs', async () => {
    const { runner: jobs, calls, handlers, boss } = runner({});
    const worked: object[] = [];
    jobs.define({ name: 'a', schedule: '0 * * * *', work: async (data: object) => void worked.push(data) });
    jobs.define({ name: 'b' });
    await jobs.onApplicationBootstrap();
    expect(boss.options).toEqual(expect.objectContaining({ connectionString: OWNER.ownerUrl, schema: 'pgboss', supervise: true, schedule: true }));
    expect(calls).toEqual(['start', 'queue a', 'schedule a 0 * * * * Europe/Berlin', 'work a', 'queue b']);
    await handlers.get('a')?.([{ data: { n: 1 } }, { data: { n: 2 } }]);
    expect(worked).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('wakes its own worker when it queues a job, and refuses unknown jobs', async () => {
    const { runner: jobs, boss } = runner({});
    jobs.define({ name: 'a', work: async () => undefined });
    await jobs.onApplicationBootstrap();
    await expect(jobs.send('a', { x: 1 })).resolves.toBe('job-of-a');
    expect(boss.send).toHaveBeenCalledWith('a', { x: 1 });
    expect(boss.notifyWorker).toHaveBeenCalledWith('worker-a');
    await expect(jobs.send('nope', {})).rejects.toThrow(/not defined/);
  });

  it('without JOBS_ENABLED opens nothing at start-up; the first send starts pg-boss to queue only (no schedules, no workers, no maintenance)', async () => {
    const { runner: jobs, calls, factory, boss } = runner({ JOBS_ENABLED: 'false' });
    jobs.define({ name: 'a', schedule: '0 * * * *', work: async () => undefined });
    await jobs.onApplicationBootstrap();
    expect(factory).not.toHaveBeenCalled();
    await jobs.send('a', {});
    await jobs.send('a', {});
    expect(factory).toHaveBeenCalledTimes(1);
    expect(boss.options).toEqual(expect.objectContaining({ supervise: false, schedule: false }));
    expect(calls).toEqual(['start', 'queue a']);
    expect(boss.notifyWorker).not.toHaveBeenCalled();
  });

  it('stops pg-boss gracefully on shutdown, then refuses new jobs; definitions after start-up are a programming error', async () => {
    const { runner: jobs, calls } = runner({});
    jobs.define({ name: 'a' });
    await jobs.onApplicationBootstrap();
    expect(() => jobs.define({ name: 'late' })).toThrow(/before the job runner starts/);
    await jobs.onModuleDestroy();
    expect(calls.at(-1)).toBe('stop graceful=true');
    await expect(jobs.send('a', {})).rejects.toThrow(/stopping/);
  });

  it('stops quietly when it never started, and reads its settings: JOBS_ENABLED (default true), retention days (1–3650, default 30)', async () => {
    const { runner: jobs, factory } = runner({ JOBS_ENABLED: 'false' });
    await jobs.onModuleDestroy();
    expect(factory).not.toHaveBeenCalled();
    const defaults = loadConfig({ NODE_ENV: 'test' });
    expect([defaults.JOBS_ENABLED, defaults.EVALUATION_REPORT_RETENTION_DAYS]).toEqual([true, 30]);
    expect(loadConfig({ NODE_ENV: 'test', EVALUATION_REPORT_RETENTION_DAYS: '7' }).EVALUATION_REPORT_RETENTION_DAYS).toBe(7);
    expect(() => loadConfig({ NODE_ENV: 'test', EVALUATION_REPORT_RETENTION_DAYS: '0' })).toThrow(/EVALUATION_REPORT_RETENTION_DAYS/);
    expect(() => loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'sometimes' })).toThrow(/JOBS_ENABLED/);
  });
});
