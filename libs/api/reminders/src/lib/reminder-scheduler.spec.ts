import { AppConfig, loadConfig } from '@wegweiser/api/core';
import { ReminderGenerator } from './reminder-generator';
import { ReminderScheduler } from './reminder-scheduler';

describe('ReminderScheduler', () => {
  const generator = { generate: jest.fn().mockResolvedValue(undefined) } as unknown as ReminderGenerator & { generate: jest.Mock };
  const config = (env: Record<string, string>): AppConfig => loadConfig({ NODE_ENV: 'test', ...env });

  beforeEach(() => generator.generate.mockClear());

  it('starts nothing with REMINDERS_SCHEDULE=false (no connection is opened) and stops quietly', async () => {
    const scheduler = new ReminderScheduler(generator, config({ REMINDERS_SCHEDULE: 'false' }), { ownerUrl: 'postgres://nobody@127.0.0.1:1/none' });
    await scheduler.onApplicationBootstrap();
    await scheduler.onModuleDestroy();
    expect(generator.generate).not.toHaveBeenCalled();
  });

  it('catches up today at start-up with REMINDERS_RUN_ON_START', async () => {
    const scheduler = new ReminderScheduler(generator, config({ REMINDERS_SCHEDULE: 'false', REMINDERS_RUN_ON_START: 'true' }), { ownerUrl: 'postgres://nobody@127.0.0.1:1/none' });
    await scheduler.onApplicationBootstrap();
    expect(generator.generate).toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
  });

  it('defaults: scheduled daily at 05:00, N = 8 weeks, no start-up run', () => {
    const defaults = config({});
    expect({ schedule: defaults.REMINDERS_SCHEDULE, cron: defaults.REMINDERS_CRON, onStart: defaults.REMINDERS_RUN_ON_START, weeks: defaults.REMINDER_NO_CONTACT_WEEKS }).toEqual({
      schedule: true,
      cron: '0 5 * * *',
      onStart: false,
      weeks: 8,
    });
    expect(() => config({ REMINDERS_CRON: 'daily' })).toThrow(/REMINDERS_CRON/);
  });
});
