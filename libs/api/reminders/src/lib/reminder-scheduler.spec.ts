import { AppConfig, loadConfig } from '@wegweiser/api/core';
import { JobDefinition, JobRunner } from '@wegweiser/api/jobs';
import { ReminderGenerator } from './reminder-generator';
import { REMINDER_QUEUE, ReminderScheduler } from './reminder-scheduler';

describe('ReminderScheduler', () => {
  const generator = { generate: jest.fn().mockResolvedValue(undefined) } as unknown as ReminderGenerator & { generate: jest.Mock };
  const config = (env: Record<string, string>): AppConfig => loadConfig({ NODE_ENV: 'test', ...env });
  const jobs = () => {
    const defined: JobDefinition<object>[] = [];
    return { defined, runner: { define: (definition: JobDefinition<object>) => void defined.push(definition) } as unknown as JobRunner };
  };

  beforeEach(() => generator.generate.mockClear());

  it('defines no job with REMINDERS_SCHEDULE=false and generates nothing at start-up with REMINDERS_RUN_ON_START=false', async () => {
    const { defined, runner } = jobs();
    const scheduler = new ReminderScheduler(generator, runner, config({ REMINDERS_SCHEDULE: 'false', REMINDERS_RUN_ON_START: 'false' }));
    scheduler.onModuleInit();
    await scheduler.onApplicationBootstrap();
    expect(defined).toEqual([]);
    expect(generator.generate).not.toHaveBeenCalled();
  });

  it('defines the daily job on the cron; working it generates today\'s reminders', async () => {
    const { defined, runner } = jobs();
    new ReminderScheduler(generator, runner, config({ REMINDERS_CRON: '30 4 * * *' })).onModuleInit();
    expect(defined).toEqual([expect.objectContaining({ name: REMINDER_QUEUE, schedule: '30 4 * * *' })]);
    await defined[0]?.work?.({});
    expect(generator.generate).toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
  });

  it('catches up today at start-up with REMINDERS_RUN_ON_START', async () => {
    const scheduler = new ReminderScheduler(generator, jobs().runner, config({ REMINDERS_SCHEDULE: 'false', REMINDERS_RUN_ON_START: 'true' }));
    await scheduler.onApplicationBootstrap();
    expect(generator.generate).toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
  });

  it('a failing start-up run is logged, not fatal (the daily job catches up)', async () => {
    generator.generate.mockRejectedValueOnce(new Error('database gone'));
    const scheduler = new ReminderScheduler(generator, jobs().runner, config({ REMINDERS_SCHEDULE: 'false' }));
    await expect(scheduler.onApplicationBootstrap()).resolves.toBeUndefined();
    expect(generator.generate).toHaveBeenCalledTimes(1);
  });

  it('defaults: scheduled daily at 05:00, N = 8 weeks, and a start-up run (a fresh start has reminders at once)', async () => {
    const defaults = config({});
    expect({ schedule: defaults.REMINDERS_SCHEDULE, cron: defaults.REMINDERS_CRON, onStart: defaults.REMINDERS_RUN_ON_START, weeks: defaults.REMINDER_NO_CONTACT_WEEKS }).toEqual({
      schedule: true,
      cron: '0 5 * * *',
      onStart: true,
      weeks: 8,
    });
    await new ReminderScheduler(generator, jobs().runner, defaults).onApplicationBootstrap();
    expect(generator.generate).toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    expect(() => config({ REMINDERS_CRON: 'daily' })).toThrow(/REMINDERS_CRON/);
  });
});
