import { randomBytes } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@wegweiser/api/audit';
import { AppConfig } from '@wegweiser/api/core';
import { TenantTransactions } from '@wegweiser/api/database';
import { UsersModule } from '@wegweiser/api/users';
import type { Request } from 'express';
import './session/session-data';
import { AuthGuard } from './authorization/auth.guard';
import { CredentialsModule } from './credentials/credentials.module';
import { AuthController } from './login/auth.controller';
import { accountKey } from './login/account-key';
import { LoginThrottlerGuard } from './login/login-throttler.guard';
import { PasswordChangeService } from './login/password-change.service';
import { SecondFactorService } from './login/second-factor.service';
import { SignInService } from './login/sign-in.service';
import { PgThrottlerStorage, rateLimitKeySecret } from './rate-limit/pg-throttler-storage';
import { CsrfTokens } from './session/csrf-tokens';


/**
 * Authentication (sessions, sign-in, second factor, password change) and the
 * global authorisation guard. Rate limits: per IP (generous, offices share NAT
 * addresses) and per account (the e-mail tried at sign-in, the signed-in
 * account elsewhere); the counters are in PostgreSQL, shared by all instances.
 */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        UsersModule,
        AuditModule,
        CredentialsModule,
        ThrottlerModule.forRootAsync({
          inject: [TenantTransactions],
          useFactory: (transactions: TenantTransactions) => ({
            throttlers: [
              { name: 'ip', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT_PER_IP },
              { name: 'account', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT_PER_ACCOUNT, getTracker: (req, context) => accountKey(req as Request, context) },
            ],
            // Shared by all instances; embedded (one instance, no SESSION_SECRET) a fresh key per start.
            storage: new PgThrottlerStorage(
              (sql, params) => transactions.statement(sql, params),
              rateLimitKeySecret(config.SESSION_SECRET ?? randomBytes(32)),
            ),
          }),
        }),
      ],
      controllers: [AuthController],
      providers: [SignInService, SecondFactorService, PasswordChangeService, CsrfTokens, LoginThrottlerGuard, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [CsrfTokens],
    };
  }
}
