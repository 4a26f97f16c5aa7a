import { Client } from 'pg';

type QueryFn = (this: Client, ...args: unknown[]) => unknown;

/** The SQL text of a `Client.query` call: a string, a query config (`{ text }`) or a submittable (`Query`, `Cursor`). */
function statementText(first: unknown): string {
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'text' in first && typeof first.text === 'string') return first.text;
  return `[${(first as object | null)?.constructor?.name ?? typeof first}]`;
}

/** One line per statement, whitespace collapsed, cut to a readable length. */
export function shortStatement(sql: string, max = 160): string {
  const line = sql.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Counts the SQL statements sent through `pg` in this process: every query
 * of TypeORM, of the session store and of the audit trail goes through
 * `Client.prototype.query` of the module instance jest loaded for the spec
 * (the same instance TypeORM requires), so patching the prototype sees them
 * all. Only what runs inside `record` is kept.
 */
export class QueryCounter {
  private statements: string[] | null = null;
  private lastAt = 0;
  private original: QueryFn | null = null;

  install(): void {
    if (this.original) return;
    const prototype = Client.prototype as unknown as { query: QueryFn };
    const original = prototype.query;
    this.original = original;
    const note = (first: unknown) => this.note(first);
    prototype.query = function (this: Client, ...args: unknown[]) {
      note(args[0]);
      return original.apply(this, args);
    };
  }

  uninstall(): void {
    if (!this.original) return;
    (Client.prototype as unknown as { query: QueryFn }).query = this.original;
    this.original = null;
  }

  /**
   * The statements issued while `work` runs and until the process has been
   * quiet for `quietMs` afterwards (work a response leaves behind, such as
   * a session touch after the body was sent, belongs to its request).
   */
  async record<T>(work: () => Promise<T>, quietMs = 30): Promise<{ result: T; statements: string[] }> {
    if (!this.original) throw new Error('QueryCounter.record: install() first');
    if (this.statements) throw new Error('QueryCounter.record: one recording at a time');
    const statements: string[] = [];
    this.statements = statements;
    try {
      const result = await work();
      const deadline = Date.now() + 2_000;
      do await delay(quietMs);
      while (Date.now() - this.lastAt < quietMs && Date.now() < deadline);
      return { result, statements: [...statements] };
    } finally {
      this.statements = null;
    }
  }

  private note(first: unknown): void {
    this.lastAt = Date.now();
    this.statements?.push(statementText(first));
  }
}
