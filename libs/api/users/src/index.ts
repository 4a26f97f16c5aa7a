export * from './lib/user.entity';
export * from './lib/organisation.entities';
export * from './lib/user-accounts.service';
export * from './lib/users.module';
