/** What a {@link FreshCache} needs to know about the invalidation feed (see `AuthChanges`). */
export interface InvalidationFeed {
  /** True while every change in the database reaches this instance (LISTEN is active). */
  readonly listening: boolean;
  /** Advances with every invalidation received and every loss of the feed. */
  readonly epoch: number;
}

interface Entry<V> {
  readonly value: V;
  readonly until: number;
}

/**
 * A per-process memory of values read from PostgreSQL, safe to answer from only because every change of them is
 * announced (`InvalidationFeed`): an entry lives at most `ttlMs`, is evicted when its key is announced, and is used
 * only while the feed is listening. A value is kept only if no announcement arrived while it was being read (else it
 * may already be stale). Holds no more than `maxEntries` (oldest first out).
 */
export class FreshCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly feed: InvalidationFeed,
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remembered value, or `load()`'s (remembered when `keep(value)` and nothing changed meanwhile). */
  async get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    if (this.ttlMs <= 0 || !this.feed.listening) return load();
    const entry = this.entries.get(key);
    if (entry && entry.until > this.now()) return entry.value;
    const epoch = this.feed.epoch;
    const value = await load();
    if (keep(value) && this.feed.listening && this.feed.epoch === epoch) this.put(key, value);
    return value;
  }

  /** Remembers a value written by this instance (when the feed listens). */
  put(key: string, value: V): void {
    if (this.ttlMs <= 0 || !this.feed.listening) return;
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  evict(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
