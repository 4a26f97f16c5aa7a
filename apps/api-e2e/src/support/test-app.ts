import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DataProtectionModule } from '@wegweiser/api/audit';
import { AuthModule, configureAuth, PasswordHasher } from '@wegweiser/api/auth';
import { CaseFileModule } from '@wegweiser/api/case-file';
import { ClientDocumentsModule } from '@wegweiser/api/client-documents';
import { ClientsModule } from '@wegweiser/api/clients';
import { ConversationsModule } from '@wegweiser/api/conversations';
import { FieldEncryptionModule } from '@wegweiser/api/crypto';
import { OutcomesModule } from '@wegweiser/api/outcomes';
import { QualificationsModule } from '@wegweiser/api/qualifications';
import { AppConfig, configureHttp, ConfigModule, HTTP_APPLICATION_OPTIONS, loadConfig, LoggingModule } from '@wegweiser/api/core';
import { DatabaseModule, DatabaseRuntime, DEMO_PASSWORD, prepareDatabase } from '@wegweiser/api/database';
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
import { E2E_FIELD_KEYS } from './field-keys';
import { TestDatabase } from './test-database';

type ModuleRef = Type | DynamicModule | ForwardReference;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  database: DatabaseRuntime;
  close(): Promise<void>;
}

const quiet = { log: () => undefined, warn: () => undefined, debug: () => undefined };

/**
 * The API's real building blocks (config, logging, database as the app role,
 * HTTP baseline) assembled in-process, plus modules a test adds.
 */
export async function createTestApp(db: TestDatabase, extra: ModuleRef[] = [], env: Record<string, string> = {}): Promise<TestApp> {
  // Erasures append to the ledger file outside the database: never the repository's var/ in tests.
  process.env['ERASURE_LEDGER_FILE'] ??= join(tmpdir(), `ww-e2e-erasure-ledger-${process.pid}.jsonl`);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    DATABASE_URL: db.ownerUrl,
    DATABASE_APP_ROLE: db.appRole,
    DATABASE_APP_PASSWORD: db.appPassword,
    SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
    ...E2E_FIELD_KEYS,
    // The daily reminder job (pg-boss) and the start-up run only where a test asks for them.
    REMINDERS_SCHEDULE: 'false',
    REMINDERS_RUN_ON_START: 'false',
    // Demo data (where a test loads them) anchored to a fixed day: reproducible whatever the clock says.
    DEMO_REFERENCE_DATE: '2026-11-01',
    ...env,
  });
  const database = await prepareDatabase(config, quiet, () => new PasswordHasher().hash(DEMO_PASSWORD));
  const root: DynamicModule = {
    module: class TestRootModule {},
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot(config),
      DatabaseModule.forRoot({ appUrl: database.appUrl, poolSize: 4 }),
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
      ...extra,
    ],
  };
  const app = await NestFactory.create<NestExpressApplication>(root, { ...HTTP_APPLICATION_OPTIONS, logger: false, bufferLogs: true });
  configureHttp(app, config);
  configureAuth(app, config, config.SESSION_SECRET ?? '');
  await app.init();
  return {
    app,
    config,
    database,
    close: async () => {
      await app.close();
      await database.stop();
    },
  };
}
