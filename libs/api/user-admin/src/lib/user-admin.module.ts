import { Module } from '@nestjs/common';
import { AuditModule } from '@wegweiser/api/audit';
import { CredentialsModule } from '@wegweiser/api/auth';
import { UsersModule } from '@wegweiser/api/users';
import { AccountSecurityController } from './account-security.controller';
import { AccountSecurityService } from './account-security.service';
import { OneTimePasswords } from './one-time-passwords';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * Administration of accounts and teams (`/api/users`, `/api/teams`). A lib of
 * its own, above both `users` (accounts, entities) and `auth` (permissions,
 * password hashing): `auth` depends on `users`, so `users` cannot use `auth`.
 */
@Module({
  imports: [UsersModule, AuditModule, CredentialsModule],
  controllers: [UsersController, AccountSecurityController, TeamsController],
  providers: [UsersService, AccountSecurityService, TeamsService, OneTimePasswords],
})
export class UserAdminModule {}
