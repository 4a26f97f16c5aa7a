import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeAuditChainVerification, describeSystemAuditEvents, listSystemAuditEvents, verifyAuditChain } from '@wegweiser/api/audit';
import { calendarToday, ConfigError, isCalendarDate, loadConfig } from '@wegweiser/api/core';
import { PasswordHasher } from '@wegweiser/api/auth';
import { CONVERSATION_ENCRYPTED_FIELDS, CONVERSATION_REVISION_ENCRYPTED_FIELDS } from '@wegweiser/api/conversations';
import { FieldCipher, rotateFieldKeys } from '@wegweiser/api/crypto';
import { APP_USER_ENCRYPTED_FIELDS, DEMO_PASSWORD, demoReferenceDate, isDatabaseEmpty, prepareDatabase, resetDemoData, seedDemoData } from '@wegweiser/api/database';
import { backupCommand, restoreCommand } from './ops/backup-commands';
import { erasureReplayCommand } from './ops/erasure-replay-command';
import { AdminCreationError, AdminInput, createAdmin, parseAdminInput } from '@wegweiser/api/user-admin';
import { pgReminderPorts, runReminderGeneration } from '@wegweiser/api/reminders';
import { Pool } from 'pg';

const USAGE = `Usage: node dist/apps/api/cli.js <command> [options]

Commands:
  migrate                      apply pending migrations and grants, then exit
  seed [--clients N] [--seed S] [--reset]
                               load the synthetic dataset (deterministic for seed + scale);
                               refuses a non-empty database unless --reset
  audit:verify                 check the audit trail's hash chains; exit 1 naming the first broken link
  audit:system [--since YYYY-MM-DD] [--limit N]
                               the events no municipality sees (failed sign-ins with an unknown e-mail
                               address, refusals of nobody known): counts by kind and the newest N (50)
                               since the date (default: 7 days ago); ids and fixed words only
  keys:rotate                  re-encrypt every encrypted field (conversation notes, TOTP secrets) that is
                               not under FIELD_ENCRYPTION_ACTIVE_KEY; batched, idempotent, prints counts only
  admin:create --email E --first-name F --last-name L --municipality-code XX [--municipality-name N]
                               create an administrator (and the municipality, if the code is new:
                               then --municipality-name is required); prints a one-time password
                               that must be changed at the first sign-in; refuses an existing e-mail
  reminders:run [--as-of YYYY-MM-DD]
                               create the reminders due on that day (default: today in Germany) in every
                               municipality, as the daily job does; idempotent, prints counts per kind
  backup [--out FILE] [--unencrypted]
                               pg_dump (custom format) of the database, encrypted with BACKUP_ENCRYPTION_KEY
                               (AES-256-GCM) into var/backups/wegweiser-<UTC time>.dump.enc; refuses without
                               the key unless --unencrypted (then store the file on encrypted storage only)
  restore --file FILE [--force]
                               decrypt and pg_restore a backup into the configured database (refuses one
                               that holds tables unless --force), re-apply migrations and grants;
                               then run erasures:replay
  erasures:replay              after a restore: erase again every client that the erasure-ledger file
                               (ERASURE_LEDGER_FILE, default var/erasure-ledger.jsonl) or the database's
                               ledger lists and the restored data still holds; idempotent, prints counts only
Uses the same configuration as the API (DATABASE_URL or the embedded PostgreSQL).`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      clients: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      email: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      'municipality-code': { type: 'string' },
      'municipality-name': { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
      file: { type: 'string' },
      unencrypted: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      since: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (values.help || !command || !['migrate', 'seed', 'audit:verify', 'audit:system', 'admin:create', 'keys:rotate', 'reminders:run', 'backup', 'restore', 'erasures:replay'].includes(command)) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 64;
  }
  let admin: AdminInput | undefined;
  if (command === 'admin:create') {
    try {
      admin = parseAdminInput({
        email: values.email,
        firstName: values['first-name'],
        lastName: values['last-name'],
        municipalityCode: values['municipality-code'],
        municipalityName: values['municipality-name'],
      });
    } catch (error) {
      if (!(error instanceof AdminCreationError)) throw error;
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 64;
    }
  }
  const asOf = values['as-of'] ?? calendarToday();
  if (command === 'reminders:run' && !isCalendarDate(asOf)) {
    process.stderr.write(`--as-of: must be a date YYYY-MM-DD\n\n${USAGE}\n`);
    return 64;
  }
  const since = values.since ?? new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  if (command === 'audit:system' && !isCalendarDate(since)) {
    process.stderr.write(`--since: must be a date YYYY-MM-DD\n\n${USAGE}\n`);
    return 64;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig({ ...process.env, DEMO_DATA: 'false' });
  const log = { log: (m: string) => process.stdout.write(`${m}\n`), warn: (m: string) => process.stderr.write(`${m}\n`), debug: () => undefined };
  // Before provisioning: a backup leaves the database as it is, a restore needs it untouched (empty).
  if (command === 'backup') return backupCommand(config, log, { out: values.out, unencrypted: values.unencrypted });
  if (command === 'restore') return restoreCommand(config, log, { file: values.file ?? positionals[1], force: values.force });
  const database = await prepareDatabase(config, log);
  try {
    if (command === 'seed') {
      const clients = positiveInt(values.clients ?? String(config.DEMO_CLIENTS), '--clients');
      const seed = positiveInt(values.seed ?? String(config.DEMO_SEED), '--seed');
      if (!(await isDatabaseEmpty(database.ownerUrl))) {
        if (!values.reset) {
          process.stderr.write('The database already holds data. Use --reset to replace it with the synthetic dataset.\n');
          return 1;
        }
        await resetDemoData(database.ownerUrl);
      }
      const started = Date.now();
      const counts = await seedDemoData(database.ownerUrl, { clients, seed, demoPasswordHash: await new PasswordHasher().hash(DEMO_PASSWORD), fieldKeys: database.fieldKeys, generator: { referenceDate: demoReferenceDate(config) } });
      log.log(`Seeded in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
    }
    if (command === 'audit:verify') {
      // As the owner: only the owning role reads every municipality's chain.
      const result = await verifyAuditChain(database.ownerUrl);
      (result.brokenAt ? process.stderr : process.stdout).write(`${describeAuditChainVerification(result)}\n`);
      return result.brokenAt ? 1 : 0;
    }
    if (command === 'audit:system') {
      // As the owner: the application role sees no row without a municipality.
      const sinceInstant = `${since}T00:00:00Z`;
      const summary = await listSystemAuditEvents(database.ownerUrl, { since: sinceInstant, limit: positiveInt(values.limit ?? '50', '--limit') });
      process.stdout.write(`${describeSystemAuditEvents(summary, sinceInstant)}\n`);
      return 0;
    }
    if (command === 'keys:rotate') return await rotateKeysCommand(database.ownerUrl, new FieldCipher(database.fieldKeys));
    if (admin) return await createAdminCommand(database.ownerUrl, admin);
    if (command === 'erasures:replay') return await erasureReplayCommand(database, log);
    if (command === 'reminders:run') return await remindersCommand(database.ownerUrl, database.appUrl, asOf, config.REMINDER_NO_CONTACT_WEEKS);
    return 0;
  } finally {
    await database.stop();
  }
}

/** As the owner; counts only, never a value. Exit 1 if values written meanwhile under another key remain. */
async function rotateKeysCommand(ownerUrl: string, cipher: FieldCipher): Promise<number> {
  const started = Date.now();
  const counts = await rotateFieldKeys(ownerUrl, cipher, [CONVERSATION_ENCRYPTED_FIELDS, CONVERSATION_REVISION_ENCRYPTED_FIELDS, APP_USER_ENCRYPTED_FIELDS]);
  for (const c of counts) {
    process.stdout.write(`${c.table}: ${c.reencrypted} values re-encrypted in ${c.rows} rows; ${c.values} encrypted values, ${c.notActive} not under the active key ${cipher.activeKeyId}\n`);
  }
  process.stdout.write(`Key rotation finished in ${Date.now() - started} ms.\n`);
  return counts.some((c) => c.notActive > 0) ? 1 : 0;
}

/** The one-time password goes to stdout exactly once and nowhere else. */
async function createAdminCommand(ownerUrl: string, input: AdminInput): Promise<number> {
  try {
    const created = await createAdmin(ownerUrl, input);
    const municipality = `${input.municipalityCode} (${created.municipalityName})`;
    process.stdout.write(
      [
        created.municipalityCreated ? `Created the municipality ${municipality}.` : `Municipality ${municipality} found.`,
        `Created the administrator ${input.email} (id ${created.userId}).`,
        `One-time password: ${created.oneTimePassword}`,
        'Hand it over securely. It is shown only now; at the first sign-in it must be replaced, and a second factor (TOTP) set up.',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AdminCreationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

/** The daily job's work, once: the owner lists the municipalities, the application role writes under row-level security. */
async function remindersCommand(ownerUrl: string, appUrl: string, asOf: string, noContactWeeks: number): Promise<number> {
  const pool = new Pool({ connectionString: appUrl, max: 1, application_name: 'wegweiser-reminders' });
  try {
    const result = await runReminderGeneration(pgReminderPorts(ownerUrl, pool), asOf, noContactWeeks);
    const counts = Object.entries(result.created).map(([kind, n]) => `${kind} ${n}`).join(', ');
    process.stdout.write(`Reminders for ${asOf} in ${result.municipalities} municipalities, created: ${counts}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}

function positiveInt(value: string, name: string): number {
  if (!/^\d+$/.test(value)) throw new ConfigError([`${name}: must be a whole number`]);
  return Number(value);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
