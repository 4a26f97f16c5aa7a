import { join } from 'node:path';
import { AuditService, verifyAuditChain } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { SET_TENANT_SQL } from '@wegweiser/api/database';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
import { freePort, startProcess, workspaceRoot } from '../support/api-process';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { E2E_FIELD_KEYS } from '../support/field-keys';

const cli = join(workspaceRoot, 'dist/apps/api/cli.js');

// No foreign keys: audit rows need no municipality, user or client rows to exist.
const A = '0a0a0a0a-0000-4000-8000-00000000000a';
const B = '0b0b0b0b-0000-4000-8000-00000000000b';
const USER_A = '1a1a1a1a-0000-4000-8000-00000000001a';
const USER_B = '1b1b1b1b-0000-4000-8000-00000000001b';
const CLIENT_A = '2a2a2a2a-0000-4000-8000-00000000002a';

interface ChainRow {
  id: string;
  municipality_id: string | null;
  action: string;
  prev_hash: string;
  hash: string;
}

/**
 * The audit trail below the HTTP layer: AuditService writing through the real
 * Nest modules, the guarantees of the database (append-only grants, row-level
 * security, one chain per municipality under concurrency) and tamper
 * detection by the verifier and `audit:verify`.
 */
describe('audit trail', () => {
  let db: TestDatabase;
  let api: TestApp;
  let audit: AuditService;
  let app: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db);
    audit = api.app.get(AuditService);
    app = new Client({ connectionString: api.database.appUrl });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end();
    await api?.close();
    await db?.drop();
  });

  const chain = (municipalityId: string | null) =>
    adminQuery<ChainRow>(
      `SELECT id::text, municipality_id, action, prev_hash, hash FROM audit_event WHERE municipality_id IS NOT DISTINCT FROM $1 ORDER BY audit_event.id`,
      [municipalityId],
      db.ownerUrl,
    );

  /** One transaction of the application role, with the tenant set as a request would (or none). */
  async function asApp<T extends object = Record<string, unknown>>(municipalityId: string | null, sql: string, params: unknown[] = []): Promise<T[]> {
    await app.query('BEGIN');
    try {
      await app.query(SET_TENANT_SQL, [municipalityId ?? '', '']);
      const { rows } = await app.query(sql, params);
      await app.query('COMMIT');
      return rows as T[];
    } catch (error) {
      await app.query('ROLLBACK');
      throw error;
    }
  }
  const sqlState = (promise: Promise<unknown>) =>
    promise.then(
      () => 'succeeded',
      (error: { code?: string }) => error.code,
    );

  const recordIn = (municipalityId: string | null, userId: string | null) =>
    audit.record({ action: 'read', outcome: 'success', entityType: 'client', entityId: CLIENT_A, ...(municipalityId ? { clientId: CLIENT_A } : {}), municipalityId, userId, role: userId ? 'manager' : null });

  async function runCli(): Promise<{ code: number | null; output: string }> {
    const run = startProcess(
      [cli, 'audit:verify'],
      {
        DATABASE_URL: db.ownerUrl,
        DATABASE_APP_ROLE: db.appRole,
        DATABASE_APP_PASSWORD: db.appPassword,
        SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
        ...E2E_FIELD_KEYS,
      },
      await freePort(),
    );
    const result = await run.exited;
    return { code: result.code, output: run.output() };
  }

  describe('writing', () => {
    it('chains 50 concurrent events of one municipality without a fork, beside other chains written at the same time', async () => {
      const ids = await Promise.all([
        ...Array.from({ length: 50 }, () => recordIn(A, USER_A)),
        ...Array.from({ length: 20 }, () => recordIn(B, USER_B)),
        ...Array.from({ length: 10 }, () => recordIn(null, null)),
      ]);
      expect(new Set(ids).size).toBe(80);

      for (const [municipalityId, length] of [
        [A, 50],
        [B, 20],
        [null, 10],
      ] as const) {
        const rows = await chain(municipalityId);
        expect(rows).toHaveLength(length);
        expect(rows[0]?.prev_hash).toBe('genesis');
        rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i]?.hash));
        expect(new Set(rows.map((row) => row.prev_hash)).size).toBe(length);
      }
      expect(await verifyAuditChain(db.ownerUrl)).toEqual({ checked: 80 });
    });

    it('takes user, role, municipality and request id from the request context', async () => {
      const cls = api.app.get(ClsService);
      const tenant = api.app.get(TenantContext);
      const id = await cls.run(async () => {
        tenant.setUser({ id: USER_B, municipalityId: B, teamId: null, role: 'team_lead' });
        cls.set('requestId', 'req-0123456789');
        return audit.record({ action: 'update', outcome: 'success', entityType: 'client', entityId: CLIENT_A, clientId: CLIENT_A });
      });
      const [row] = await adminQuery(
        `SELECT municipality_id, user_id, role, action, entity_type, entity_id, client_id, outcome, request_id,
                occurred_at > now() - interval '1 minute' AS recent
           FROM audit_event WHERE id = $1`,
        [id],
        db.ownerUrl,
      );
      expect(row).toEqual({
        municipality_id: B,
        user_id: USER_B,
        role: 'team_lead',
        action: 'update',
        entity_type: 'client',
        entity_id: CLIENT_A,
        client_id: CLIENT_A,
        outcome: 'success',
        request_id: 'req-0123456789',
        recent: true,
      });
    });

    it('fails the caller when the event cannot be written', async () => {
      await adminQuery(`REVOKE INSERT ON audit_event FROM ${db.appRole}`, [], db.ownerUrl);
      try {
        await expect(recordIn(A, USER_A)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await adminQuery(`GRANT INSERT ON audit_event TO ${db.appRole}`, [], db.ownerUrl);
      }
      expect(await chain(A)).toHaveLength(50);
    });

    it('refuses to append from a REPEATABLE READ snapshot (it could fork the chain)', async () => {
      await app.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      try {
        await app.query(SET_TENANT_SQL, [A, '']);
        expect(await sqlState(app.query(`SELECT append_audit_event($1, NULL, NULL, 'read', NULL, NULL, NULL, 'success', NULL)`, [A]))).toBe('25001');
      } finally {
        await app.query('ROLLBACK');
      }
    });

    it('hashes the same regardless of the session time zone', async () => {
      const client = new Client({ connectionString: db.ownerUrl });
      await client.connect();
      try {
        await client.query(`SET TimeZone = 'Pacific/Kiritimati'`);
        const { rows } = await client.query(
          `SELECT bool_and(hash = audit_event_hash(prev_hash, id, municipality_id, occurred_at, user_id, role, action, entity_type,
                                                   entity_id, client_id, outcome, request_id)) AS same
             FROM audit_event`,
        );
        expect(rows[0].same).toBe(true);
      } finally {
        await client.end();
      }
    });
  });

  describe('the application role', () => {
    it.each([
      ['UPDATE', `UPDATE audit_event SET action = 'export'`],
      ['DELETE', `DELETE FROM audit_event`],
      ['TRUNCATE', `TRUNCATE audit_event`],
    ])('cannot %s audit rows (42501)', async (_label, sql) => {
      expect(await sqlState(asApp(A, sql))).toBe('42501');
    });

    it('sees no audit row without a municipality set', async () => {
      expect((await chain(null)).length).toBeGreaterThan(0);
      expect(await asApp(null, 'SELECT count(*)::int AS n FROM audit_event')).toEqual([{ n: 0 }]);
    });

    it('sees exactly its own municipality: no row of another, none of the unknown-municipality chain', async () => {
      const rows = await asApp<{ municipality_id: string; n: number }>(A, 'SELECT municipality_id, count(*)::int AS n FROM audit_event GROUP BY 1');
      expect(rows).toEqual([{ municipality_id: A, n: (await chain(A)).length }]);
    });

    it('cannot append to or learn the head of another municipality’s chain', async () => {
      expect(await sqlState(asApp(A, `SELECT append_audit_event($1, NULL, NULL, 'read', NULL, NULL, NULL, 'success', NULL)`, [B]))).toBe('42501');
      expect(await sqlState(asApp(A, 'SELECT audit_chain_head($1)', [B]))).toBe('42501');
      expect(await sqlState(asApp(A, 'SELECT audit_chain_head(NULL)'))).toBe('42501');
      const forged = `INSERT INTO audit_event (municipality_id, action, outcome, prev_hash, hash) VALUES ($1, 'read', 'success', 'genesis', repeat('0', 64))`;
      expect(await sqlState(asApp(A, forged, [B]))).toBe('42501');
      expect(await sqlState(asApp(A, forged.replace('$1', 'NULL')))).toBe('42501');
    });

    it('cannot write free text into the trail', async () => {
      const sql = `SELECT append_audit_event($1, NULL, NULL, 'read', $2, $3, NULL, 'success', NULL)`;
      expect(await sqlState(asApp(A, sql, [A, 'client', 'Ayşe Yılmaz']))).toBe('23514');
      expect(await sqlState(asApp(A, sql, [A, 'Notiz Jobcenter', null]))).toBe('23514');
    });
  });

  describe('verification', () => {
    it('reports an intact trail, and `audit:verify` exits 0', async () => {
      const total = Number((await adminQuery<{ n: string }>('SELECT count(*) AS n FROM audit_event', [], db.ownerUrl))[0]?.n);
      expect(await verifyAuditChain(db.ownerUrl)).toEqual({ checked: total });
      const run = await runCli();
      expect(run.output).toContain(`Audit chain intact: ${total} events checked`);
      expect(run.code).toBe(0);
    });

    it('names a row edited by hand (hashMismatch), and `audit:verify` exits 1', async () => {
      const target = (await chain(A))[20] as ChainRow;
      await adminQuery(`UPDATE audit_event SET action = 'export' WHERE id = $1`, [target.id], db.ownerUrl);
      try {
        expect((await verifyAuditChain(db.ownerUrl)).brokenAt).toEqual({ municipalityId: A, id: target.id, reason: 'hashMismatch' });
        const run = await runCli();
        expect(run.output).toContain(`Audit chain broken at event ${target.id} (municipality ${A}): hashMismatch`);
        expect(run.code).toBe(1);
      } finally {
        await adminQuery(`UPDATE audit_event SET action = $2 WHERE id = $1`, [target.id, target.action], db.ownerUrl);
      }
      expect((await verifyAuditChain(db.ownerUrl)).brokenAt).toBeUndefined();
    });

    it('names the successor of a deleted row (prevHashMismatch)', async () => {
      const rows = await chain(B);
      const [deleted, successor] = [rows[7] as ChainRow, rows[8] as ChainRow];
      await adminQuery(`CREATE TABLE e2e_deleted_audit_event AS SELECT * FROM audit_event WHERE id = ${Number(deleted.id)}`, [], db.ownerUrl);
      await adminQuery(`DELETE FROM audit_event WHERE id = $1`, [deleted.id], db.ownerUrl);
      try {
        expect((await verifyAuditChain(db.ownerUrl)).brokenAt).toEqual({ municipalityId: B, id: successor.id, reason: 'prevHashMismatch' });
        const run = await runCli();
        expect(run.output).toContain(`Audit chain broken at event ${successor.id} (municipality ${B}): prevHashMismatch`);
        expect(run.code).toBe(1);
      } finally {
        await adminQuery(`INSERT INTO audit_event SELECT * FROM e2e_deleted_audit_event`, [], db.ownerUrl);
        await adminQuery(`DROP TABLE e2e_deleted_audit_event`, [], db.ownerUrl);
      }
      expect((await verifyAuditChain(db.ownerUrl)).brokenAt).toBeUndefined();
    });

    it('reports the first broken link of all chains, also in the unknown-municipality chain', async () => {
      const [inA, unknown] = [(await chain(A))[40] as ChainRow, (await chain(null))[3] as ChainRow];
      const first = [inA, unknown].sort((x, y) => Number(x.id) - Number(y.id))[0] as ChainRow;
      await adminQuery(`UPDATE audit_event SET outcome = 'failure' WHERE id = ANY($1::bigint[])`, [[inA.id, unknown.id]], db.ownerUrl);
      try {
        expect((await verifyAuditChain(db.ownerUrl)).brokenAt).toEqual({ municipalityId: first.municipality_id, id: first.id, reason: 'hashMismatch' });
      } finally {
        await adminQuery(`UPDATE audit_event SET outcome = 'success' WHERE id = ANY($1::bigint[])`, [[inA.id, unknown.id]], db.ownerUrl);
      }
      expect((await verifyAuditChain(db.ownerUrl)).brokenAt).toBeUndefined();
    });

    it('notices a rewritten row whose own hash was recomputed: its successor no longer follows', async () => {
      const rows = await chain(A);
      const [target, successor] = [rows[10] as ChainRow, rows[11] as ChainRow];
      await adminQuery(
        `UPDATE audit_event SET action = 'delete',
                hash = audit_event_hash(prev_hash, id, municipality_id, occurred_at, user_id, role, 'delete', entity_type, entity_id, client_id, outcome, request_id)
          WHERE id = $1`,
        [target.id],
        db.ownerUrl,
      );
      try {
        expect((await verifyAuditChain(db.ownerUrl)).brokenAt).toEqual({ municipalityId: A, id: successor.id, reason: 'prevHashMismatch' });
      } finally {
        await adminQuery(`UPDATE audit_event SET action = $2, hash = $3 WHERE id = $1`, [target.id, target.action, target.hash], db.ownerUrl);
      }
      expect((await verifyAuditChain(db.ownerUrl)).brokenAt).toBeUndefined();
    });
  });
});
