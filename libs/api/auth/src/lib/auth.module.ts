import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@wegweiser/api/audit';
import { AppConfig } from '@wegweiser/api/core';
import { UsersModule } from '@wegweiser/api/users';
import type { Request } from 'express';
import './session/session-data';
import { AuthGuard } from './authorization/auth.guard';
import { CredentialsModule } from './credentials/credentials.module';
import { AuthController } from './login/auth.controller';
import { LoginThrottlerGuard } from './login/login-throttler.guard';
import { SecondFactorService } from './login/second-factor.service';
import { SignInService } from './login/sign-in.service';
import { CsrfTokens } from './session/csrf-tokens';

const accountKey = (req: Request): string => {
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : `user:${req.session?.userId ?? req.ip ?? 'unknown'}`;
};

/**
 * Authentication (sessions, sign-in, second factor) and the global
 * authorisation guard. Rate limits: per IP (generous, offices share NAT
 * addresses) and per account; counters are per instance (see operations.md).
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
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'ip', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT_PER_IP },
            { name: 'account', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT_PER_ACCOUNT, getTracker: (req) => accountKey(req as Request) },
          ],
        }),
      ],
      controllers: [AuthController],
      providers: [SignInService, SecondFactorService, CsrfTokens, LoginThrottlerGuard, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [CsrfTokens],
    };
  }
}
