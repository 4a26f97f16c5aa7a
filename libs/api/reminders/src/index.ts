export * from './lib/reminders.module';
export * from './lib/reminders.options';
export * from './lib/reminder-generator';
export * from './lib/reminder-scheduler';
export * from './lib/generation/reminder-rules';
export * from './lib/generation/reminder-run';
