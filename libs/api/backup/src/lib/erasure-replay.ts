import { Client } from 'pg';
import { appendErasureLedgerFile, ErasureLedgerEntry, readErasureLedgerFile } from './erasure-ledger-file';

export interface ReplayResult {
  /** Distinct clients listed in the file and the database ledger. */
  listed: number;
  /** Of those, still present (restored from an older backup) and erased again now. */
  erased: number;
  /** Already gone: nothing to do (replay is idempotent). */
  alreadyGone: number;
  /** Present, but the erasure path refused them (e.g. a legal hold in the restored data): the operator decides. */
  failed: number;
}

/** A client to erase again: its municipality from the restored row, day and reason from the ledger. */
export interface ReplayTarget {
  clientId: string;
  municipalityId: string;
  /** YYYY-MM-DD of the original erasure. */
  erasedOn: string;
  reason: string;
}

/**
 * Erases again every client the ledgers name that exists in the (restored)
 * database, through `erase` (the application's erasure path, which writes the
 * anonymous evaluation record, the audit event and the ledger row).
 */
export async function replayErasures(ownerUrl: string, fileEntries: ErasureLedgerEntry[], erase: (target: ReplayTarget) => Promise<void>): Promise<ReplayResult> {
  const byId = new Map<string, { erasedOn: string; reason: string }>();
  for (const e of await databaseLedger(ownerUrl)) byId.set(e.clientId, e);
  for (const e of fileEntries) if (!byId.has(e.clientId)) byId.set(e.clientId, { erasedOn: e.erasedAt.slice(0, 10), reason: e.reason });
  const present = await existingClients(ownerUrl, [...byId.keys()]);
  let failed = 0;
  for (const client of present) {
    const entry = byId.get(client.id) as { erasedOn: string; reason: string };
    try {
      await erase({ clientId: client.id, municipalityId: client.municipality_id, erasedOn: entry.erasedOn, reason: entry.reason });
    } catch {
      failed++;
    }
  }
  return { listed: byId.size, erased: present.length - failed, alreadyGone: byId.size - present.length, failed };
}

/**
 * Copies the database ledger's entries that the file lacks into the file (run
 * by every backup): the file then knows every erasure up to the newest backup
 * even where the erasure path does not append to it directly. Returns how many
 * entries were added.
 */
export async function syncErasureLedgerFile(ownerUrl: string, path: string): Promise<number> {
  const known = new Set((await readErasureLedgerFile(path)).map((e) => e.clientId));
  let added = 0;
  for (const e of await databaseLedger(ownerUrl)) {
    if (known.has(e.clientId)) continue;
    await appendErasureLedgerFile(path, { clientId: e.clientId, municipalityId: e.municipalityId, erasedAt: `${e.erasedOn}T00:00:00.000Z`, reason: e.reason });
    added++;
  }
  return added;
}

/** The `erasure_ledger` table of the restored database (none in a backup from before the retention migration). */
async function databaseLedger(ownerUrl: string): Promise<{ clientId: string; municipalityId: string; erasedOn: string; reason: string }[]> {
  return asOwnerPastRls(ownerUrl, 'erasure_ledger', async (client) =>
    (
      await client.query<{ id: string; municipality_id: string; day: string; reason: string }>(
        `SELECT client_id::text AS id, municipality_id::text AS municipality_id, to_char(erased_on, 'YYYY-MM-DD') AS day, reason FROM erasure_ledger ORDER BY erased_on, client_id`,
      )
    ).rows.map((r) => ({
      clientId: r.id,
      municipalityId: r.municipality_id,
      erasedOn: r.day,
      reason: r.reason,
    })),
  );
}

async function existingClients(ownerUrl: string, ids: string[]): Promise<{ id: string; municipality_id: string }[]> {
  if (!ids.length) return [];
  return asOwnerPastRls(ownerUrl, 'client', async (client) =>
    (await client.query<{ id: string; municipality_id: string }>('SELECT id::text AS id, municipality_id::text AS municipality_id FROM client WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]))
      .rows,
  );
}

/** A read as the owner, past row-level security, in a transaction that is rolled back (as the seeder does). */
async function asOwnerPastRls<T>(url: string, table: string, work: (client: Client) => Promise<T[]>): Promise<T[]> {
  const client = new Client({ connectionString: url, application_name: 'wegweiser-erasure-replay' });
  await client.connect();
  try {
    if (!(await client.query<{ name: string | null }>('SELECT to_regclass($1)::text AS name', [table])).rows[0]?.name) return [];
    await client.query('BEGIN');
    try {
      await client.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      return await work(client);
    } finally {
      await client.query('ROLLBACK');
    }
  } finally {
    await client.end();
  }
}
