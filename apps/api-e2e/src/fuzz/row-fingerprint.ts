import { Client } from 'pg';

/** Per table: row count and the newest row version (xmin), so inserts, updates and deletes all show. */
export type Fingerprint = Map<string, string>;

/**
 * Reads a fingerprint of every table in `public` through one owner
 * connection (superuser in the tests, so row level security hides nothing).
 * Tables in `skip` are left out: tables that every request changes by design
 * (the audit trail grows by thousands of rows during a fuzz run, and scanning
 * it after every request was most of the run's time); `changedTables` ignores
 * them anyway.
 */
export class RowFingerprint {
  private client?: Client;
  private sql = '';

  constructor(
    private readonly ownerUrl: string,
    private readonly skip: ReadonlySet<string> = new Set(),
  ) {}

  async open(): Promise<void> {
    this.client = new Client({ connectionString: this.ownerUrl });
    await this.client.connect();
    const tables = await this.client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    this.sql = tables.rows
      .filter(({ name }) => !this.skip.has(name))
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS print FROM public."${name}"`,
      )
      .join(' UNION ALL ');
  }

  async take(): Promise<Fingerprint> {
    if (!this.client) throw new Error('RowFingerprint.open() first');
    const result = await this.client.query<{ name: string; print: string }>(
      this.sql,
    );
    return new Map(result.rows.map((r) => [r.name, r.print]));
  }

  /**
   * Waits (up to `timeoutMs`) until no background job is still writing: an
   * accepted report request is rendered, a chain verification run, by a job
   * after the response. Asks pg-boss' queue, not the reports' state: the
   * permission matrix's recipes insert 'queued' reports that no job will ever
   * work (a settle on them waited its whole timeout after every later write).
   */
  async settle(timeoutMs = 20_000): Promise<void> {
    if (!this.client) throw new Error('RowFingerprint.open() first');
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const result = await this.client.query<{ busy: number }>(
        "SELECT count(*)::int AS busy FROM pgboss.job WHERE name IN ('evaluation-report', 'audit-chain-verification') AND state IN ('created', 'active')",
      );
      if (result.rows[0]?.busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async close(): Promise<void> {
    await this.client?.end();
  }
}

/** Tables whose fingerprint differs, leaving out the ones named in `ignore`. */
export function changedTables(
  before: Fingerprint,
  after: Fingerprint,
  ignore: ReadonlySet<string>,
): string[] {
  return [...after.keys()].filter(
    (t) => !ignore.has(t) && before.get(t) !== after.get(t),
  );
}
