export * from './lib/client.entity';
export * from './lib/clients.module';
export * from './lib/clients.service';
export * from './lib/client-access';
export * from './lib/last-contact';
export * from './lib/support/support-window';
export * from './lib/support/support.service';
export * from './lib/support/decision-reminder';
