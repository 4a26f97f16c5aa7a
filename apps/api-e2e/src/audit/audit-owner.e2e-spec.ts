import { verifyAuditChain } from '@wegweiser/api/audit';
import { loadConfig } from '@wegweiser/api/core';
import { prepareDatabase, SET_TENANT_SQL } from '@wegweiser/api/database';
import { Client } from 'pg';
import { adminQuery, ownerSeparatedDatabase } from '../support/test-database';
import { E2E_FIELD_KEYS } from '../support/field-keys';

const quiet = { log: () => undefined, warn: () => undefined, debug: () => undefined };
const A = '0a0a0a0a-0000-4000-8000-00000000000a';
const APPEND = `SELECT append_audit_event($1, NULL, NULL, 'login_failed', NULL, NULL, NULL, 'failure', NULL) AS id`;

/**
 * Production-like roles: the owner is NOT a superuser, so FORCE ROW LEVEL
 * SECURITY applies to it too (the other e2e databases are owned by the
 * superuser, which bypasses row-level security and would hide mistakes here).
 */
describe('audit trail with an owner that is not a superuser', () => {
  const db = ownerSeparatedDatabase();
  const { ownerUrl, appUrl } = db;
  let app: Client;

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
  });

  afterAll(async () => {
    await app?.end();
    await db.drop();
  });

  async function appendAsApp(municipalityId: string | null): Promise<void> {
    await app.query('BEGIN');
    await app.query(SET_TENANT_SQL, [municipalityId ?? '', '']);
    await app.query(APPEND, [municipalityId]);
    await app.query('COMMIT');
  }

  const superuserRows = (municipalityId: string | null) =>
    adminQuery<{ prev_hash: string; hash: string }>(
      'SELECT prev_hash, hash FROM audit_event WHERE municipality_id IS NOT DISTINCT FROM $1 ORDER BY audit_event.id',
      [municipalityId],
      db.superuserUrl,
    );

  it('chains the unknown-municipality events, which the application role cannot read', async () => {
    for (let i = 0; i < 3; i++) await appendAsApp(null);
    const rows = await superuserRows(null);
    expect(rows.map((row) => row.prev_hash)).toEqual(['genesis', rows[0]?.hash, rows[1]?.hash]);
    await app.query('BEGIN');
    await app.query(SET_TENANT_SQL, ['', '']);
    expect((await app.query('SELECT count(*)::int AS n FROM audit_event')).rows).toEqual([{ n: 0 }]);
    await app.query('ROLLBACK');
  });

  it('chains a municipality’s events', async () => {
    for (let i = 0; i < 3; i++) await appendAsApp(A);
    const rows = await superuserRows(A);
    expect(rows.map((row) => row.prev_hash)).toEqual(['genesis', rows[0]?.hash, rows[1]?.hash]);
  });

  it('lets the owner verify every chain, and notices tampering', async () => {
    expect(await verifyAuditChain(ownerUrl)).toEqual({ checked: 6 });
    const superuser = db.superuserUrl;
    const [target] = await adminQuery<{ id: string }>('SELECT id::text FROM audit_event WHERE municipality_id IS NULL ORDER BY audit_event.id OFFSET 1 LIMIT 1', [], superuser);
    await adminQuery(`UPDATE audit_event SET outcome = 'denied' WHERE id = $1`, [target?.id], superuser);
    expect(await verifyAuditChain(ownerUrl)).toEqual({ checked: 6, brokenAt: { municipalityId: null, id: target?.id, reason: 'hashMismatch' } });
  });

  it('refuses to verify as a role that cannot see every chain', async () => {
    await expect(verifyAuditChain(appUrl)).rejects.toThrow(/owner/);
  });
});
