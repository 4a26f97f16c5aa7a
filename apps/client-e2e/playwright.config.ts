import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { shardFiles } from './src/support/shards';

/**
 * Browser tests against the real production build: the built API
 * (dist/apps/api) serves the built client (dist/apps/client/browser) with its
 * Content-Security-Policy, on a database that starts empty on every run.
 * Run with `npx nx e2e client-e2e` (builds api and client first).
 */
const workspaceRoot = join(__dirname, '..', '..');
/** `npm test` passes the Chromium it provisioned; run on its own, the suite asks the same provisioning (stderr: what is missing). */
const chromiumPath =
  process.env['CHROMIUM_PATH'] ??
  execFileSync(process.execPath, [join(workspaceRoot, 'tools/testing/provision.mjs'), 'chromium'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
// Overridable so two runs on one machine do not collide (port, embedded database, output).
const port = Number(process.env['CLIENT_E2E_PORT'] ?? 4310);
const pgPort = Number(process.env['CLIENT_E2E_PG_PORT'] ?? 5499);
const runName = process.env['CLIENT_E2E_RUN'] ?? '';
const outputRoot = join(workspaceRoot, 'test-output', runName ? `client-e2e-${runName}` : 'client-e2e');

/** CI passes a PostgreSQL server; locally the API starts an embedded one in tmp/. */
const testDatabaseUrl = process.env['TEST_DATABASE_URL'];

/**
 * Shards: `npm test` runs the suite on two API servers at once (CLIENT_E2E_SHARDS=2), each with its own embedded
 * database and demo data, one Playwright worker each — the specs mostly wait (for pages, the API, animations), so
 * two of them share the machine well. A shard is a project: its own server, its own files (support/shards.ts), its
 * own output (the TOTP secrets enrolled on its server). On a PostgreSQL server (TEST_DATABASE_URL) there is one.
 */
const shardCount = testDatabaseUrl ? 1 : Math.max(1, Number(process.env['CLIENT_E2E_SHARDS'] ?? 1));
const shards = Array.from({ length: shardCount }, (_, index) => {
  const name = shardCount === 1 ? 'chromium' : `chromium-${index + 1}`;
  const shardPort = port + index;
  const databaseEnv: Record<string, string> = testDatabaseUrl
    ? {
        DATABASE_URL: testDatabaseUrl,
        DATABASE_APP_PASSWORD: 'e2e-app-password',
        DATABASE_APP_ROLE: 'wegweiser_client_e2e',
        SESSION_SECRET: 'client-e2e-session-secret-of-32-characters',
        // Test-only key (base64 of 32 bytes); the embedded branch generates its own key file.
        FIELD_ENCRYPTION_KEYS: 'ce2e:Y2xpZW50LWUyZSBmaWVsZCBrZXksIHRlc3RzIG9ubHk=',
        FIELD_ENCRYPTION_ACTIVE_KEY: 'ce2e',
      }
    : {
        EMBEDDED_PG_DATA_DIR: join(workspaceRoot, 'tmp', 'client-e2e', `postgres${runName ? `-${runName}` : ''}${shardCount === 1 ? '' : `-${index + 1}`}`),
        EMBEDDED_PG_PORT: String(pgPort + index),
      };
  return { name, index, port: shardPort, baseURL: `http://127.0.0.1:${shardPort}`, databaseEnv };
});

export default defineConfig({
  testDir: './src',
  outputDir: outputRoot,
  fullyParallel: false,
  workers: shardCount,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list'], [join(workspaceRoot, 'tools/testing/playwright-summary-reporter.cjs')]],
  // The suite runs beside the unit and API e2e suites (tools/test.mjs): on a busy 2-core machine a test that loads
  // several pages and runs axe twice can take longer than 30 s (seen on a slow day); timing goals belong in the
  // benchmark, not here.
  timeout: 60_000,
  // On a busy 2-core machine a page may take longer to settle.
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    headless: true,
    locale: 'de-DE',
    // The API's calendar day is Berlin's (calendarToday); a browser in UTC is a day behind from 23:00/22:00 UTC.
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    // The Chromium that `npm test` provisioned (tools/testing/provision.mjs): a system browser or the one inside
    // the npm package @sparticuz/chromium; never a download by `playwright install`.
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: shards.map((shard) => ({
    name: shard.name,
    // One worker per shard: the files of a shard run one after the other against its server, as on one server before.
    workers: 1,
    outputDir: shardCount === 1 ? outputRoot : join(outputRoot, shard.name),
    use: { baseURL: shard.baseURL },
    ...(shardCount === 1 ? {} : shardFiles(shard.index, shardCount)),
  })),
  webServer: shards.map((shard) => ({
    // Playwright starts the web servers before any globalSetup, so the embedded
    // database directory is reset by the command itself, right before the API starts.
    command: 'node apps/client-e2e/src/support/reset-database.mjs && node dist/apps/api/main.js',
    cwd: workspaceRoot,
    url: `${shard.baseURL}/api/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
    env: {
      PORT: String(shard.port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
      // The default demo size, so the README's demo logins (seed 2026) exist.
      DEMO_CLIENTS: '600',
      // The suite signs the same demo accounts in many times a minute (every test starts signed out); the sign-in
      // rate limits themselves are tested in the API e2e suite (auth/sign-in.e2e-spec.ts).
      LOGIN_RATE_LIMIT_PER_ACCOUNT: '1000',
      LOGIN_RATE_LIMIT_PER_IP: '10000',
      // No reminder flags: a fresh start with demo data (anchored to today) creates today's reminders by default.
      ...shard.databaseEnv,
    },
  })),
});
