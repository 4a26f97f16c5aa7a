import { createHash } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(word: number): string {
  return HEX[(word >>> 24) & 0xff] + HEX[(word >>> 16) & 0xff] + HEX[(word >>> 8) & 0xff] + HEX[word & 0xff];
}

function hex4(half: number): string {
  return HEX[(half >>> 8) & 0xff] + HEX[half & 0xff];
}

/** Formats four 32-bit words as an RFC 4122 version-4 UUID string. */
export function uuidFromWords(w0: number, w1: number, w2: number, w3: number): string {
  const versioned = ((w1 & 0xffff0fff) | 0x00004000) >>> 0;
  const variant = ((w2 & 0x3fffffff) | 0x80000000) >>> 0;
  return `${hex8(w0)}-${hex4(versioned >>> 16)}-${hex4(versioned & 0xffff)}-${hex4(variant >>> 16)}-${hex4(variant & 0xffff)}${hex8(w3)}`;
}

/** SHA-256 of the joined parts: the root of every deterministic stream and id. */
export function digest(...parts: readonly (string | number)[]): Buffer {
  return createHash('sha256').update(parts.join(':')).digest();
}

/** A UUID derived from the first 16 bytes of a digest. */
export function uuidFromDigest(bytes: Buffer): string {
  return uuidFromWords(bytes.readUInt32BE(0), bytes.readUInt32BE(4), bytes.readUInt32BE(8), bytes.readUInt32BE(12));
}

/** A stable UUID for a named thing, e.g. `stableUuid(seed, 'team', 3)`. */
export function stableUuid(...parts: readonly (string | number)[]): string {
  return uuidFromDigest(digest('wegweiser-synthetic', ...parts));
}

/**
 * Small, fast pseudo-random generator (sfc32). Not cryptographic; its output
 * depends only on its four seed words, never on the platform or the clock.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A generator seeded from the last 16 bytes of a digest. */
  static fromDigest(bytes: Buffer): Rng {
    return new Rng(bytes.readUInt32LE(16), bytes.readUInt32LE(20), bytes.readUInt32LE(24), bytes.readUInt32LE(28));
  }

  /** A generator for a named stream, e.g. `Rng.for(seed, 'organisation')`. */
  static for(...parts: readonly (string | number)[]): Rng {
    return Rng.fromDigest(digest('wegweiser-synthetic', ...parts));
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Triangular distribution on [min, max] with the given mode. */
  triangular(min: number, mode: number, max: number): number {
    const u = this.next();
    const split = (mode - min) / (max - min);
    return u < split
      ? min + Math.sqrt(u * (max - min) * (mode - min))
      : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }

  /** Number of successes in n trials with probability p. */
  binomial(n: number, p: number): number {
    let successes = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) successes++;
    return successes;
  }

  /** Poisson-distributed count (Knuth; fine for the small means used here). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 200) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let product = this.next();
    while (product > limit) {
      k++;
      product *= this.next();
    }
    return k;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  uuid(): string {
    return uuidFromWords(this.uint32(), this.uint32(), this.uint32(), this.uint32());
  }
}

/** Weighted choice with the cumulative table built once (for hot paths). */
export class WeightedTable<T> {
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const usable = entries.filter(([, weight]) => weight > 0);
    if (usable.length === 0) throw new RangeError('WeightedTable needs at least one positive weight');
    this.values = usable.map(([value]) => value);
    this.cumulative = new Float64Array(usable.length);
    let sum = 0;
    usable.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return this.values[low];
  }
}

/**
 * Mixes a shared factor `shared` and an own draw `own` (both uniform) into a
 * value that is again exactly uniform on [0, 1), correlated with `shared` by
 * `weight` (0 = independent, 1 = identical). Thresholding the result at a
 * rate keeps that rate exact while outcomes move together.
 */
export function correlatedUniform(shared: number, own: number, weight: number): number {
  const a = Math.min(Math.max(weight, 0), 1);
  const b = 1 - a;
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (small < 1e-9) return a >= b ? shared : own;
  const s = a * shared + b * own;
  if (s <= small) return (s * s) / (2 * a * b);
  if (s <= large) return (s - small / 2) / large;
  return 1 - ((1 - s) * (1 - s)) / (2 * a * b);
}
