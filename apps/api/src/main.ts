import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { configureAuth, PasswordHasher } from '@wegweiser/api/auth';
import { AppConfig, ConfigError, configureHttp, HTTP_APPLICATION_OPTIONS, loadConfig } from '@wegweiser/api/core';
import { DatabaseRuntime, DEMO_PASSWORD, DemoAccount, listDemoAccounts, prepareDatabase } from '@wegweiser/api/database';
import pino from 'pino';
import { AppModule } from './app/app.module';

/**
 * Process start -> validated config -> database (embedded or DATABASE_URL,
 * migrations, app role, demo data) -> Nest on PORT -> graceful shutdown.
 */
async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Wegweiser cannot start. ${error.message}\nSee .env.example and docs/operations.md.\n`);
      process.exit(78);
    }
    throw error;
  }
  const log = pino({ level: config.LOG_LEVEL, base: { context: 'Startup' } });
  let database: DatabaseRuntime | undefined;
  try {
    database = await prepareDatabase(config, {
      log: (message) => log.info(message),
      warn: (message) => log.warn(message),
      debug: (message) => log.debug(message),
    }, () => new PasswordHasher().hash(DEMO_PASSWORD));
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), { ...HTTP_APPLICATION_OPTIONS, bufferLogs: true });
    configureHttp(app, config);
    // Embedded (single instance): a fresh secret per start; with DATABASE_URL the config requires one.
    configureAuth(app, config, config.SESSION_SECRET ?? randomBytes(32).toString('base64url'));
    // Read before listening: a SIGTERM right after "ready" must not stop the database under this query.
    const demoAccounts = database.embedded ? await listDemoAccounts(database.ownerUrl) : [];
    await app.listen(config.PORT, config.HOST);
    installShutdown(app, database, config, log);
    const url = `http://${config.HOST === '127.0.0.1' || config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
    log.info({ startupMs: Math.round(process.uptime() * 1000), url, embedded: database.embedded }, `Wegweiser is ready at ${url}`);
    if (database.embedded) printWelcome(url, database.demoDataLoaded, demoAccounts);
  } catch (error) {
    log.error({ err: { type: (error as Error).name, message: (error as Error).message } }, 'Start-up failed');
    await database?.stop().catch(() => undefined);
    process.exit(1);
  }
}

function installShutdown(app: NestExpressApplication, database: DatabaseRuntime, config: AppConfig, log: pino.Logger): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'Shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      log.warn('Shutdown timeout reached: exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    try {
      await app.close();
      await database.stop();
      log.info('Stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: { message: (error as Error).message } }, 'Shutdown failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
}

const ROLE_LABELS: Record<string, string> = {
  manager: 'Integrationsmanager:in',
  team_lead: 'Sachgebietsleitung',
  admin: 'Administration',
  evaluator: 'Evaluation',
  dpo: 'Datenschutz',
};

function printWelcome(url: string, demoDataLoaded: boolean, accounts: DemoAccount[]): void {
  const first = accounts.filter((a) => a.municipality === accounts[0]?.municipality);
  const lines = [
    '',
    `  Wegweiser läuft / is running:  ${url}`,
    `  API-Dokumentation / API docs:  ${url}/api/docs`,
    demoDataLoaded ? '  Demodaten geladen / demo data loaded (synthetic, no real persons).' : '  Demodaten vorhanden / demo data present.',
  ];
  if (first.length) {
    lines.push(`  Demo-Anmeldung / demo sign-in (${first[0]?.municipality}), Passwort / password: ${DEMO_PASSWORD}`);
    for (const account of first) lines.push(`    ${(ROLE_LABELS[account.role] ?? account.role).padEnd(24)} ${account.email}`);
    lines.push('  Administration und Datenschutz richten bei der ersten Anmeldung eine Authenticator-App ein (TOTP).');
    lines.push('  Administration and data protection set up an authenticator app (TOTP) at their first sign-in.');
  }
  lines.push('  Beenden / stop: Strg+C / Ctrl+C');
  process.stdout.write([...lines, '', ''].join('\n'));
}

void bootstrap();
