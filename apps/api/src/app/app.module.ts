import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig, ConfigModule, LoggingModule } from '@wegweiser/api/core';
import { AuthModule } from '@wegweiser/api/auth';
import { DataProtectionModule } from '@wegweiser/api/audit';
import { CaseFileModule } from '@wegweiser/api/case-file';
import { ClientDocumentsModule } from '@wegweiser/api/client-documents';
import { ClientsModule } from '@wegweiser/api/clients';
import { ConversationsModule } from '@wegweiser/api/conversations';
import { FieldEncryptionModule } from '@wegweiser/api/crypto';
import { OutcomesModule } from '@wegweiser/api/outcomes';
import { QualificationsModule } from '@wegweiser/api/qualifications';
import { DatabaseModule, DatabaseRuntime } from '@wegweiser/api/database';
import { EvaluationReportsModule } from '@wegweiser/api/evaluation';
import { RetentionModule } from '@wegweiser/api/retention';
import { FundingReportModule } from '@wegweiser/api/funding-report';
import { HealthModule } from '@wegweiser/api/health';
import { JobsModule } from '@wegweiser/api/jobs';
import { PartnersModule } from '@wegweiser/api/partners';
import { PlansModule } from '@wegweiser/api/plans';
import { RemindersModule } from '@wegweiser/api/reminders';
import { TeamModule } from '@wegweiser/api/team';
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
        CaseFileModule,
        ClientDocumentsModule,
        FieldEncryptionModule.forRoot(database.fieldKeys),
        ConversationsModule,
        OutcomesModule,
        QualificationsModule,
        PartnersModule,
        PlansModule,
        JobsModule.forRoot({ ownerUrl: database.ownerUrl }),
        RemindersModule.forRoot({ ownerUrl: database.ownerUrl }),
        UserAdminModule,
        TeamModule,
        EvaluationReportsModule,
        RetentionModule,
        FundingReportModule,
        DataProtectionModule,
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
