import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig, ConfigModule, LoggingModule } from '@wegweiser/api/core';
import { AuthModule } from '@wegweiser/api/auth';
import { ClientsModule } from '@wegweiser/api/clients';
import { DatabaseModule, DatabaseRuntime } from '@wegweiser/api/database';
import { HealthModule } from '@wegweiser/api/health';
import { UserAdminModule } from '@wegweiser/api/user-admin';
import { staticAssetHeaders } from './static-assets';

/** The composition root: configuration, logging, database, features, the client. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseRuntime): DynamicModule {
    const staticDir = resolve(config.STATIC_DIR ?? join(__dirname, '..', 'client', 'browser'));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot({ appUrl: database.appUrl, poolSize: config.DATABASE_POOL_SIZE }),
        AuthModule.forRoot(config),
        HealthModule,
        ClientsModule,
        UserAdminModule,
        ...(existsSync(join(staticDir, 'index.html'))
          ? [
              ServeStaticModule.forRoot({
                rootPath: staticDir,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { index: 'index.html', setHeaders: staticAssetHeaders },
              }),
            ]
          : []),
      ],
    };
  }
}
