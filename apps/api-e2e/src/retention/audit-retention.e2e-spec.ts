import { verifyAuditChain } from '@wegweiser/api/audit';
import { loadConfig } from '@wegweiser/api/core';
import { prepareDatabase, SET_TENANT_SQL } from '@wegweiser/api/database';
import { AuditRetention } from '@wegweiser/api/retention';
import { Client } from 'pg';
import { E2E_FIELD_KEYS } from '../support/field-keys';
import { adminQuery, ownerSeparatedDatabase } from '../support/test-database';

const quiet = { log: () => undefined, warn: () => undefined, debug: () => undefined };
const A = '0a0a0a0a-0000-4000-8000-00000000000a';
const B = '0b0b0b0b-0000-4000-8000-00000000000b';
const C = '0c0c0c0c-0000-4000-8000-00000000000c';

/**
 * Audit retention (issue 8) with production-like roles: the owner is not a
 * superuser, so its row-level security policies are what allow the purge.
 *
 * "Today" of the run: 2027-03-15.
 * - A: policy 12 months → cut-off 2026-03-15 00:00 Berlin (= 2026-03-14 23:00 UTC);
 * - B: no policy → default 120 months → cut-off 2017-03-15 00:00 Berlin (= 2017-03-14 23:00 UTC);
 * - C: no policy, only rows from 2010 → all old, the head row stays (the next append links to it);
 * - the unknown-municipality chain (NULL): default period.
 * Old rows are written as the superuser with a chosen time (hashes chained like append_audit_event);
 * the newest rows are real appends by the application role.
 */
describe('audit retention', () => {
  const db = ownerSeparatedDatabase();
  const { ownerUrl, appUrl, superuserUrl } = db;
  const today = '2027-03-15';
  let app: Client;
  let retention: AuditRetention;
  const ids: Record<string, string> = {};

  const su = <T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []) => adminQuery<T>(sql, params, superuserUrl);

  /** One row of chain `m` at time `at`, chained to the chain's head, as append_audit_event would (but with a past time). */
  async function appendAt(key: string, m: string | null, at: string): Promise<void> {
    const [row] = await su<{ id: string }>(
      `INSERT INTO audit_event (id, municipality_id, occurred_at, action, outcome, prev_hash, hash)
       SELECT v.id, $1::uuid, $2::timestamptz, 'login_failed', 'failure', v.prev,
              audit_event_hash(v.prev, v.id, $1::uuid, $2::timestamptz, NULL, NULL, 'login_failed', NULL, NULL, NULL, 'failure', NULL)
         FROM (SELECT nextval(pg_get_serial_sequence('audit_event', 'id')) AS id,
                      coalesce((SELECT hash FROM audit_event WHERE municipality_id IS NOT DISTINCT FROM $1::uuid ORDER BY id DESC LIMIT 1), 'genesis') AS prev) AS v
       RETURNING id::text`,
      [m, at],
    );
    if (!row) throw new Error('not appended');
    ids[key] = row.id;
  }

  async function appendAsApp(key: string, m: string | null): Promise<void> {
    await app.query('BEGIN');
    await app.query(SET_TENANT_SQL, [m ?? '', '']);
    const { rows } = await app.query<{ id: string }>(
      `SELECT append_audit_event($1, NULL, NULL, 'login_failed', NULL, NULL, NULL, 'failure', NULL)::text AS id`,
      [m],
    );
    await app.query('COMMIT');
    ids[key] = rows[0]?.id ?? '';
  }

  const remaining = async () => (await su<{ id: string }>('SELECT id::text FROM audit_event ORDER BY audit_event.id')).map((r) => r.id);
  const count = async (table: string) => (await su<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

  beforeAll(async () => {
    await db.create();
    const config = loadConfig({
      DATABASE_URL: ownerUrl,
      DATABASE_APP_URL: appUrl,
      DEMO_DATA: 'false',
      SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
      ...E2E_FIELD_KEYS,
    });
    await prepareDatabase(config, quiet);
    app = new Client({ connectionString: appUrl });
    await app.connect();
    retention = new AuditRetention({ ownerUrl });

    await su(`INSERT INTO municipality (id, code, name) VALUES ($1, 'AAA', 'A'), ($2, 'BBB', 'B'), ($3, 'CCC', 'C')`, [A, B, C]);
    await su(`INSERT INTO retention_policy (municipality_id, audit_retention_months) VALUES ($1, 12)`, [A]);

    await appendAt('a1', A, '2025-01-01T10:00:00Z');
    await appendAt('b1', B, '2017-03-01T10:00:00Z');
    await appendAt('n1', null, '2016-01-01T10:00:00Z');
    await appendAt('a2', A, '2025-06-01T10:00:00Z');
    await appendAt('c1', C, '2010-01-01T10:00:00Z');
    await appendAt('a3', A, '2026-03-14T22:59:59.5Z'); // half a second before A's cut-off
    await appendAt('n2', null, '2016-02-01T10:00:00Z');
    await appendAt('c2', C, '2010-02-01T10:00:00Z');
    await appendAt('a4', A, '2026-03-14T23:00:00Z'); // exactly A's cut-off: kept
    await appendAt('b2', B, '2017-03-20T10:00:00Z');
    await appendAt('c3', C, '2010-03-01T10:00:00Z');
    await appendAsApp('a5', A);
    await appendAsApp('b3', B);
    await appendAsApp('n3', null);
  });

  afterAll(async () => {
    await app?.end();
    await db.drop();
  });

  it('deletes the rows older than each municipality’s period, keeps the newer ones, and what remains verifies', async () => {
    expect(await verifyAuditChain(ownerUrl)).toEqual({ checked: 14 });

    expect(await retention.purge(today)).toEqual({ chains: 4, deleted: 8, refused: 0 });

    const kept = ['a4', 'b2', 'c3', 'a5', 'b3', 'n3'].map((k) => ids[k]);
    expect(await remaining()).toEqual(kept);
    expect(await verifyAuditChain(ownerUrl)).toEqual({ checked: 6, fromCheckpoint: 4 });

    // One checkpoint per cut chain: its last deleted row (id and hash as they were) and how many went.
    const checkpoints = await su(`SELECT municipality_id, last_id::text, deleted::int, last_occurred_at FROM audit_checkpoint ORDER BY audit_checkpoint.last_id`);
    expect(checkpoints).toEqual([
      { municipality_id: B, last_id: ids['b1'], deleted: 1, last_occurred_at: new Date('2017-03-01T10:00:00Z') },
      { municipality_id: A, last_id: ids['a3'], deleted: 3, last_occurred_at: new Date('2026-03-14T22:59:59.5Z') },
      { municipality_id: null, last_id: ids['n2'], deleted: 2, last_occurred_at: new Date('2016-02-01T10:00:00Z') },
      { municipality_id: C, last_id: ids['c2'], deleted: 2, last_occurred_at: new Date('2010-02-01T10:00:00Z') },
    ]);
    const [a3] = await su<{ last_hash: string }>(`SELECT last_hash FROM audit_checkpoint WHERE municipality_id = $1`, [A]);
    const [a4] = await su<{ prev_hash: string }>(`SELECT prev_hash FROM audit_event WHERE id = $1`, [ids['a4']]);
    expect(a3?.last_hash).toBe(a4?.prev_hash);
  });

  it('a second run (two at once) deletes nothing and records no checkpoint', async () => {
    const before = await remaining();
    const checkpoints = await count('audit_checkpoint');
    const again = await Promise.all([retention.purge(today), retention.purge(today)]);
    expect(again).toEqual([
      { chains: 4, deleted: 0, refused: 0 },
      { chains: 4, deleted: 0, refused: 0 },
    ]);
    expect(await remaining()).toEqual(before);
    expect(await count('audit_checkpoint')).toBe(checkpoints);
  });

  it('appends after a cut still link to the kept head, and the chain verifies', async () => {
    await appendAsApp('c4', C);
    const [c4] = await su<{ prev_hash: string }>(`SELECT prev_hash FROM audit_event WHERE id = $1`, [ids['c4']]);
    const [c3] = await su<{ hash: string }>(`SELECT hash FROM audit_event WHERE id = $1`, [ids['c3']]);
    expect(c4?.prev_hash).toBe(c3?.hash);
    expect(await verifyAuditChain(ownerUrl)).toEqual({ checked: 7, fromCheckpoint: 4 });
  });

  it('only the owner deletes, and only rows a checkpoint covers; the application role cannot write checkpoints', async () => {
    const owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      expect((await owner.query('DELETE FROM audit_event WHERE id = $1', [ids['a4']])).rowCount).toBe(0);
    } finally {
      await owner.end();
    }
    await app.query('BEGIN');
    await app.query(SET_TENANT_SQL, [A, '']);
    await expect(
      app.query(`INSERT INTO audit_checkpoint (municipality_id, last_id, last_hash, last_occurred_at, deleted, cutoff) VALUES ($1, $2, repeat('a', 64), now(), 1, now())`, [A, ids['a5']]),
    ).rejects.toThrow(/permission denied/);
    await app.query('ROLLBACK');
    await app.query('BEGIN');
    await expect(app.query('DELETE FROM audit_event WHERE id = $1', [ids['a4']])).rejects.toThrow(/permission denied/);
    await app.query('ROLLBACK');
    expect(await remaining()).toContain(ids['a4']);
  });

  it('fails verification when a remaining row or a checkpoint is tampered with', async () => {
    await su(`UPDATE audit_event SET outcome = 'denied' WHERE id = $1`, [ids['b2']]);
    expect((await verifyAuditChain(ownerUrl)).brokenAt).toEqual({ municipalityId: B, id: ids['b2'], reason: 'hashMismatch' });
    await su(`UPDATE audit_event SET outcome = 'failure' WHERE id = $1`, [ids['b2']]);
    expect((await verifyAuditChain(ownerUrl)).brokenAt).toBeUndefined();

    // Rows deleted behind the retention job's back (after its checkpoint) break the link.
    await su(`DELETE FROM audit_event WHERE id = $1`, [ids['a4']]);
    expect((await verifyAuditChain(ownerUrl)).brokenAt).toEqual({ municipalityId: A, id: ids['a5'], reason: 'prevHashMismatch' });
  });

  it('keeps a chain whose old rows do not verify (the evidence stays) and counts it as refused', async () => {
    await appendAsApp('a6', A);
    await appendAsApp('a7', A);
    const before = await su<{ id: string }>(`SELECT id::text FROM audit_event WHERE municipality_id = $1 ORDER BY audit_event.id`, [A]);
    expect(before.length).toBe(3);
    const checkpoints = await su(`SELECT last_id::text FROM audit_checkpoint WHERE municipality_id = $1`, [A]);
    // A year later A's remaining rows are old, but its chain is broken (previous test): nothing of A goes.
    const result = await retention.purge('2028-06-01');
    expect(result.refused).toBe(1);
    expect(await su(`SELECT id::text FROM audit_event WHERE municipality_id = $1 ORDER BY audit_event.id`, [A])).toEqual(before);
    expect(await su(`SELECT last_id::text FROM audit_checkpoint WHERE municipality_id = $1`, [A])).toEqual(checkpoints);
  });
});
