export * from './lib/reminders.routes';
