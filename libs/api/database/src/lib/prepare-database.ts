import { type AppConfig, calendarToday } from '@wegweiser/api/core';
import { FieldCipher, type FieldKeySet } from '@wegweiser/api/crypto';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { resolveFieldKeys } from './embedded/embedded-field-keys';
import { sealPlainTotpSecrets } from './encrypted-fields/totp-secrets';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './embedded/embedded-postgres';
import { resolveAppRole, ResolvedAppRole } from './provisioning/app-role';
import { provisionDatabase } from './provisioning/provision-database';
import { isDatabaseEmpty, seedDemoData } from './seed/demo-seeder';

export interface StartupLog {
  log(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/** What the application needs to know about its database after start-up. */
export interface DatabaseRuntime {
  /** Connection of the owning role (migrations, seeding, maintenance tools). */
  ownerUrl: string;
  /** Connection of the unprivileged application role. */
  appUrl: string;
  appRole: string;
  embedded: boolean;
  demoDataLoaded: boolean;
  /** Keys of the encrypted fields (FIELD_ENCRYPTION_KEYS, or the embedded key file). */
  fieldKeys: FieldKeySet;
  stop(): Promise<void>;
}

/**
 * Start-up sequence of the data layer:
 * 1. DATABASE_URL set -> that server; else start the embedded PostgreSQL.
 * 2. As the owner: migrations, application role, grants; then TOTP secrets
 *    still in plain text encrypted with the configured keys (one-time upgrade).
 * 3. Demo data on the first start of the embedded database (DEMO_DATA).
 */
export async function prepareDatabase(config: AppConfig, log: StartupLog, demoPasswordHash?: () => Promise<string>): Promise<DatabaseRuntime> {
  let embedded: EmbeddedPostgresHandle | undefined;
  if (!config.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
    log.log(`Embedded PostgreSQL ${embedded.created ? 'created and ' : ''}started on 127.0.0.1:${config.EMBEDDED_PG_PORT}`);
  }
  try {
    const ownerUrl = config.DATABASE_URL ?? (embedded as EmbeddedPostgresHandle).url;
    const appRole: ResolvedAppRole = resolveAppRole({
      ownerUrl,
      appUrl: config.DATABASE_APP_URL,
      role: config.DATABASE_APP_ROLE,
      // The embedded cluster is private to this process: a fresh password at every start.
      password: config.DATABASE_APP_PASSWORD ?? (embedded ? randomBytes(24).toString('base64url') : undefined),
    });
    const fieldKeys = await resolveFieldKeys(config, !!embedded, log, () => hasEncryptedValues(ownerUrl));
    await provisionDatabase(ownerUrl, appRole, log);
    const sealed = await sealPlainTotpSecrets(ownerUrl, new FieldCipher(fieldKeys));
    if (sealed) log.log(`Encrypted ${sealed} second-factor (TOTP) secrets that were stored in plain text.`);
    const demoDataLoaded = await maybeSeed(config, ownerUrl, !!embedded, log, fieldKeys, demoPasswordHash);
    return {
      ownerUrl,
      appUrl: appRole.url,
      appRole: appRole.role,
      embedded: !!embedded,
      demoDataLoaded,
      fieldKeys,
      stop: async () => embedded?.stop(),
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

async function maybeSeed(
  config: AppConfig,
  ownerUrl: string,
  embedded: boolean,
  log: StartupLog,
  fieldKeys: FieldKeySet,
  hash?: () => Promise<string>,
): Promise<boolean> {
  const wanted = config.DEMO_DATA === 'true' || (config.DEMO_DATA === 'auto' && embedded);
  if (!wanted || !(await isDatabaseEmpty(ownerUrl))) return false;
  if (!hash) throw new Error('Demo data needs a password hasher for the demo accounts.');
  const started = Date.now();
  const counts = await seedDemoData(ownerUrl, {
    clients: config.DEMO_CLIENTS,
    seed: config.DEMO_SEED,
    demoPasswordHash: await hash(),
    fieldKeys,
    generator: { referenceDate: demoReferenceDate(config) },
  });
  log.log(`Demo data loaded in ${Date.now() - started} ms: ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')}`);
  return true;
}

/**
 * The day the demo data are anchored to: DEMO_REFERENCE_DATE, else today in Germany (a demo loaded today has
 * appointments this week and overdue steps, as a team's caseload would; the same seed and day give the same data).
 */
export function demoReferenceDate(config: Pick<AppConfig, 'DEMO_REFERENCE_DATE'>, now: Date = new Date()): string {
  return config.DEMO_REFERENCE_DATE ?? calendarToday(now);
}

/** Whether any encrypted value (conversation, TOTP secret) exists (run as the owner; the migrations' owner policies let it read). */
async function hasEncryptedValues(ownerUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-startup' });
  await client.connect();
  try {
    // Before the first migration the table does not exist yet (a brand-new database).
    const tables = (await client.query<{ conversation: string | null; app_user: string | null }>(`SELECT to_regclass('conversation')::text AS conversation, to_regclass('app_user')::text AS app_user`)).rows[0];
    const checks = [
      ...(tables?.conversation ? ['EXISTS (SELECT 1 FROM conversation)'] : []),
      // Plain secrets (before the upgrade step) need no key; encrypted ones do.
      ...(tables?.app_user ? [`EXISTS (SELECT 1 FROM app_user WHERE totp_secret LIKE 'v1:%')`] : []),
    ];
    if (!checks.length) return false;
    return (await client.query<{ any: boolean }>(`SELECT ${checks.join(' OR ')} AS any`)).rows[0]?.any ?? false;
  } finally {
    await client.end();
  }
}
