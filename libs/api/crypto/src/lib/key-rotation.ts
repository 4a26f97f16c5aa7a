import { Client, escapeIdentifier } from 'pg';
import { FieldCipher, fieldAad } from './field-cipher';

/** A table with encrypted columns; each value's AAD is `fieldAad(table, id, field)`. */
export interface EncryptedTable {
  table: string;
  columns: readonly { column: string; field: string }[];
}

export interface RotationCount {
  table: string;
  /** Values decrypted and written again under the active key by this run. */
  reencrypted: number;
  /** Rows touched by this run. */
  rows: number;
  /** Encrypted values in the table now, and how many of them are not under the active key (0 unless written meanwhile by an instance with another active key). */
  values: number;
  notActive: number;
}

export interface RotationOptions {
  batchSize?: number;
}

/**
 * Re-encrypts every value that is not under the active key, in batches of
 * short transactions (keyset pagination by id, rows locked FOR UPDATE so a
 * concurrent edit is not lost). Runs as the owning role: a policy of the
 * table lets exactly that role past row-level security (see the migration
 * AddConversationsOutcomesQualifications). Idempotent: a second run finds
 * nothing to do. A value that does not decrypt stops the run (nothing of it
 * is printed). The row's `version` is left alone: the content is unchanged.
 */
export async function rotateFieldKeys(ownerUrl: string, cipher: FieldCipher, tables: readonly EncryptedTable[], options: RotationOptions = {}): Promise<RotationCount[]> {
  const batchSize = options.batchSize ?? 500;
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-keys-rotate' });
  await client.connect();
  try {
    const counts: RotationCount[] = [];
    for (const target of tables) counts.push(await rotateTable(client, cipher, target, batchSize));
    return counts;
  } finally {
    await client.end();
  }
}

async function rotateTable(client: Client, cipher: FieldCipher, target: EncryptedTable, batchSize: number): Promise<RotationCount> {
  const table = escapeIdentifier(target.table);
  const columns = target.columns.map((c) => escapeIdentifier(c.column));
  const stale = columns.map((c) => `split_part(${c}, ':', 2) <> $2`).join(' OR ');
  const select = `SELECT id::text AS id, ${columns.join(', ')} FROM ${table} WHERE id > $1 AND (${stale}) ORDER BY id LIMIT $3 FOR UPDATE`;
  const update = `UPDATE ${table} AS t SET ${columns.map((c, i) => `${c} = v.c${i}`).join(', ')}
    FROM unnest($1::uuid[], ${columns.map((_, i) => `$${i + 2}::text[]`).join(', ')}) AS v(id, ${columns.map((_, i) => `c${i}`).join(', ')})
    WHERE t.id = v.id`;
  let after = '00000000-0000-0000-0000-000000000000';
  let reencrypted = 0;
  let rows = 0;
  for (;;) {
    await client.query('BEGIN');
    try {
      const batch = (await client.query<Record<string, string | null>>(select, [after, cipher.activeKeyId, batchSize])).rows;
      if (batch.length === 0) {
        await client.query('COMMIT');
        break;
      }
      const ids: string[] = [];
      const values: (string | null)[][] = target.columns.map(() => []);
      for (const row of batch) {
        const id = row['id'] as string;
        ids.push(id);
        target.columns.forEach(({ column, field }, i) => {
          const value = row[column] ?? null;
          if (value !== null && cipher.keyIdOf(value) !== cipher.activeKeyId) reencrypted++;
          values[i]?.push(value === null ? null : cipher.reencrypt(value, fieldAad(target.table, id, field)));
        });
      }
      await client.query(update, [ids, ...values]);
      await client.query('COMMIT');
      rows += batch.length;
      after = ids[ids.length - 1] as string;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  const tally = columns.map((c) => `count(${c}) + `).join('').slice(0, -3);
  const notActive = columns.map((c) => `count(*) FILTER (WHERE split_part(${c}, ':', 2) <> $1) + `).join('').slice(0, -3);
  const totals = (await client.query<{ values: string; not_active: string }>(`SELECT ${tally} AS values, ${notActive} AS not_active FROM ${table}`, [cipher.activeKeyId])).rows[0];
  return { table: target.table, reencrypted, rows, values: Number(totals?.values ?? 0), notActive: Number(totals?.not_active ?? 0) };
}
