import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantContext } from '@wegweiser/api/core';
import { ClsModule } from 'nestjs-cls';
import { AUTH_CHANGES_URL, AuthChanges } from './notifications/auth-changes';
import { AfterCommit } from './tenancy/after-commit';
import { TenantTransactionInterceptor } from './tenancy/tenant-transaction.interceptor';
import { SIDE_CONNECTION, TenantTransactions } from './tenancy/tenant-transaction';
import { typeOrmOptions } from './typeorm/typeorm-options';

export interface DatabaseModuleOptions {
  appUrl: string;
  poolSize: number;
}

/**
 * The application's TypeORM connection (as the unprivileged application
 * role), request context (AsyncLocalStorage) and the per-request tenant
 * transaction that row-level security relies on.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...typeOrmOptions({ url: options.appUrl, poolSize: options.poolSize, applicationName: 'wegweiser-api' }),
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        TypeOrmModule.forRoot({
          ...typeOrmOptions({ url: options.appUrl, poolSize: Math.max(2, Math.ceil(options.poolSize / 2)), applicationName: 'wegweiser-api-side' }),
          name: SIDE_CONNECTION,
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            setup: (cls, req: { id?: unknown }, res: { getHeader(name: string): unknown }) =>
              cls.set('requestId', String(req.id ?? res.getHeader('X-Request-Id') ?? '')),
          },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
      ],
      providers: [
        TenantContext,
        TenantTransactions,
        AfterCommit,
        { provide: AUTH_CHANGES_URL, useValue: options.appUrl },
        AuthChanges,
        { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
      ],
      exports: [TenantContext, TenantTransactions, AfterCommit, AuthChanges],
    };
  }
}
