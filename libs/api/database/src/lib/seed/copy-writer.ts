import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

type Scalar = string | number | boolean | null | undefined;
type Cell = Scalar | readonly string[];

/** One value in PostgreSQL's COPY text format. */
export function copyCell(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return copyCell(`{${value.map((item) => `"${String(item).replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`);
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * Streams rows into `table` with COPY (text format), batching lines so that
 * 250,000 clients and millions of dependent rows load in minutes.
 */
export async function copyRows(client: PoolClient, table: string, columns: string[], rows: Iterable<Cell[]>): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    let batch = '';
    for (const row of rows) {
      batch += row.map(copyCell).join('\t') + '\n';
      count++;
      if (batch.length > 1 << 16) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines()), sink);
  return count;
}
