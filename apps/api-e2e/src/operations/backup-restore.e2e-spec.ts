import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TenantTransactions } from '@wegweiser/api/database';
import { ErasureService } from '@wegweiser/api/retention';
import { ClsService } from 'nestjs-cls';
import { freePort, startProcess, workspaceRoot } from '../support/api-process';
import { E2E_FIELD_KEYS } from '../support/field-keys';
import { createTestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const cli = join(workspaceRoot, 'dist/apps/api/cli.js');
const BACKUP_KEY = `e2e-backup-key-${randomBytes(12).toString('hex')}`;
const ERASED_ON = '2026-11-20';

interface TableState {
  n: number;
  digest: string;
}

/**
 * Issue 8, acceptance 3: backup -> erase a client -> restore the backup into a
 * new database -> replay erasures -> the client's data is gone again and every
 * other table is identical (row count and an md5 of its ordered rows) to the
 * database in which the erasure happened.
 */
describe('backup, restore and erasure replay', () => {
  const databases: TestDatabase[] = [];
  let live: TestDatabase;
  let dir: string;
  let ledgerFile: string;

  beforeAll(async () => {
    dir = join(process.env['E2E_RUN_DIR'] ?? join(workspaceRoot, 'tmp'), `backup-${randomBytes(4).toString('hex')}`);
    await mkdir(dir, { recursive: true });
    ledgerFile = join(dir, 'erasure-ledger.jsonl');
    live = await createTestDatabase();
    databases.push(live);
  });

  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  async function run(db: TestDatabase, args: string[], extra: Record<string, string> = {}) {
    const env = {
      DATABASE_URL: db.ownerUrl,
      DATABASE_APP_ROLE: db.appRole,
      DATABASE_APP_PASSWORD: db.appPassword,
      SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
      ERASURE_LEDGER_FILE: ledgerFile,
      BACKUP_ENCRYPTION_KEY: BACKUP_KEY,
      ...E2E_FIELD_KEYS,
      ...extra,
    };
    const child = startProcess([cli, ...args], env, await freePort());
    const result = await child.exited;
    return { code: result.code, output: child.output() };
  }

  /** Every table of the application schema: row count and md5 of its rows in a stable order (as the superuser, past row-level security). */
  async function snapshot(db: TestDatabase, erasedId: string): Promise<Record<string, TableState>> {
    const tables = await adminQuery<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`, [], db.ownerUrl);
    const state: Record<string, TableState> = {};
    for (const { name } of tables) {
      // The replayed erasure's audit event is a new event (its time and chain hash): compared apart, below.
      const where = name === 'audit_event' ? `WHERE NOT (t.action = 'delete' AND t.entity_id = '${erasedId}')` : '';
      const [row] = await adminQuery<TableState>(
        `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS digest FROM public."${name}" t ${where}`,
        [],
        db.ownerUrl,
      );
      state[name] = row as TableState;
    }
    return state;
  }

  const erasureEvent = async (db: TestDatabase, id: string) =>
    adminQuery(`SELECT municipality_id, action, entity_type, entity_id, client_id, outcome FROM audit_event WHERE action = 'delete' AND entity_id = $1`, [id], db.ownerUrl);

  /** Rows naming the client in every table with a client_id, except the records of the erasure itself. */
  async function rowsAbout(db: TestDatabase, id: string): Promise<number> {
    const tables = await adminQuery<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'client_id'
         AND table_name NOT IN ('audit_event', 'erasure_ledger', 'erasure_request')`,
      [],
      db.ownerUrl,
    );
    let n = (await adminQuery<{ n: number }>('SELECT count(*)::int AS n FROM client WHERE id = $1', [id], db.ownerUrl))[0]?.n ?? 0;
    for (const { name } of tables) n += (await adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM public."${name}" WHERE client_id = $1`, [id], db.ownerUrl))[0]?.n ?? 0;
    return n;
  }
  const canaryRows = async (db: TestDatabase, canary: string) =>
    (await adminQuery<{ n: number }>('SELECT count(*)::int AS n FROM client WHERE last_name = $1 OR first_name = $1', [canary], db.ownerUrl))[0]?.n ?? 0;

  it('restores an encrypted backup and replays the erasure made after it: the client is gone, all else identical', async () => {
    expect((await run(live, ['seed', '--clients', '60'])).code).toBe(0);
    const canary = `Kanarienvogel${randomBytes(4).toString('hex')}`;
    const [victim] = await adminQuery<{ id: string; municipality_id: string }>(
      `SELECT c.id, c.municipality_id FROM client c WHERE EXISTS (SELECT 1 FROM conversation v WHERE v.client_id = c.id) ORDER BY c.case_number LIMIT 1`,
      [],
      live.ownerUrl,
    );
    if (!victim) throw new Error('the seed has no client with conversations');
    await adminQuery('UPDATE client SET last_name = $1 WHERE id = $2', [canary, victim.id], live.ownerUrl);

    // 1. Nightly backup, encrypted: no plaintext dump marker, no canary in the file.
    const oldBackup = join(dir, 'old.dump.enc');
    const backup = await run(live, ['backup', '--out', oldBackup]);
    expect(backup.code).toBe(0);
    expect(backup.output).toContain('encrypted, AES-256-GCM');
    const bytes = await readFile(oldBackup);
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('WWBACKUP');
    expect(bytes.includes(Buffer.from('PGDMP'))).toBe(false);
    expect(bytes.includes(Buffer.from(canary))).toBe(false);

    // 2. The client is erased (the application's erasure path), then the next backup copies the ledger into the file.
    const app = await createTestApp(live, [], { JOBS_ENABLED: 'false' });
    try {
      const cls = app.app.get(ClsService);
      const transactions = app.app.get(TenantTransactions);
      const erasure = app.app.get(ErasureService);
      await cls.run(() => transactions.withTenant(victim.municipality_id, null, () => erasure.erase(victim.id, 'request', ERASED_ON)));
    } finally {
      await app.close();
    }
    expect(await rowsAbout(live, victim.id)).toBe(0);
    const newer = await run(live, ['backup', '--out', join(dir, 'newer.dump.enc')]);
    expect(newer.code).toBe(0);
    expect(newer.output).toContain('1 new entries');
    const ledger = await readFile(ledgerFile, 'utf8');
    expect(JSON.parse(ledger.trim())).toEqual({ clientId: victim.id, municipalityId: victim.municipality_id, erasedAt: `${ERASED_ON}T00:00:00.000Z`, reason: 'request' });
    const expected = await snapshot(live, victim.id);

    // 3. Restore the OLD backup into a new, empty database: the client is back.
    const restored = await createTestDatabase();
    databases.push(restored);
    const restore = await run(restored, ['restore', '--file', oldBackup]);
    expect(restore.code).toBe(0);
    expect(restore.output).toContain('npm run erasures:replay');
    expect(await canaryRows(restored, canary)).toBe(1);
    expect(await rowsAbout(restored, victim.id)).toBeGreaterThan(1);

    // 4. Replay: erased again; every table equals the live database's.
    const replay = await run(restored, ['erasures:replay']);
    expect(replay.output).toContain('1 clients listed, 1 erased again, 0 already gone, 0 refused');
    expect(replay.code).toBe(0);
    expect(await canaryRows(restored, canary)).toBe(0);
    expect(await rowsAbout(restored, victim.id)).toBe(0);
    const actual = await snapshot(restored, victim.id);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    expect(actual).toEqual(expected);
    expect(expected['client']?.n).toBe(59);
    expect(expected['erasure_ledger']?.n).toBe(1);
    expect(await erasureEvent(restored, victim.id)).toEqual(await erasureEvent(live, victim.id));
    expect(await erasureEvent(live, victim.id)).toHaveLength(1);

    // Idempotent: a second replay finds nothing to do and changes nothing.
    const again = await run(restored, ['erasures:replay']);
    expect(again.code).toBe(0);
    expect(again.output).toContain('1 clients listed, 0 erased again, 1 already gone, 0 refused');
    expect(await snapshot(restored, victim.id)).toEqual(expected);
  });

  it('refuses a non-empty target without --force, a wrong key and a changed file, leaving the target as it was', async () => {
    const file = join(dir, 'refusals.dump.enc');
    expect((await run(live, ['backup', '--out', file])).code).toBe(0);
    const target = await createTestDatabase();
    databases.push(target);

    const wrongKey = await run(target, ['restore', '--file', file], { BACKUP_ENCRYPTION_KEY: 'a-different-key-of-enough-length' });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.output).toContain('cannot be decrypted: wrong BACKUP_ENCRYPTION_KEY, or the file was changed or truncated');
    const tampered = join(dir, 'tampered.dump.enc');
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)] ^= 1;
    await writeFile(tampered, bytes);
    expect((await run(target, ['restore', '--file', tampered])).output).toContain('cannot be decrypted');
    const tables = async () => (await adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`, [], target.ownerUrl))[0]?.n;
    expect(await tables()).toBe(0);

    expect((await run(target, ['restore', '--file', file])).code).toBe(0);
    const clients = async () => (await adminQuery<{ n: number }>('SELECT count(*)::int AS n FROM client', [], target.ownerUrl))[0]?.n;
    const before = await clients();
    await adminQuery('DELETE FROM evaluation_record', [], target.ownerUrl);
    const refused = await run(target, ['restore', '--file', file]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('already holds');
    expect(refused.output).toContain('--force');
    expect(await clients()).toBe(before);
    // --force replaces the contents with the backup's.
    expect((await run(target, ['restore', '--file', file, '--force'])).code).toBe(0);
    expect(await clients()).toBe(before);
    expect(await snapshot(target, '-')).toEqual(await snapshotOfFileSource(file));
  });

  /** The same backup restored into yet another database, for comparison. */
  async function snapshotOfFileSource(file: string) {
    const fresh = await createTestDatabase();
    databases.push(fresh);
    expect((await run(fresh, ['restore', '--file', file])).code).toBe(0);
    return snapshot(fresh, '-');
  }

  it('refuses a backup without BACKUP_ENCRYPTION_KEY unless --unencrypted', async () => {
    const out = join(dir, 'plain.dump');
    const refused = await run(live, ['backup', '--out', out], { BACKUP_ENCRYPTION_KEY: '' });
    expect(refused.code).toBe(64);
    expect(refused.output).toContain('BACKUP_ENCRYPTION_KEY is not set');
    expect(existsSync(out)).toBe(false);
    const plain = await run(live, ['backup', '--out', out, '--unencrypted'], { BACKUP_ENCRYPTION_KEY: '' });
    expect(plain.code).toBe(0);
    expect(plain.output).toContain('NOT encrypted');
    expect((await readFile(out)).subarray(0, 5).toString('ascii')).toBe('PGDMP');
  });
});
