import { correlatedUniform, Rng, stableUuid, WeightedTable } from './random';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Rng', () => {
  it('repeats its sequence for the same stream name and differs for another', () => {
    const a = Rng.for(1, 'stream');
    const b = Rng.for(1, 'stream');
    const c = Rng.for(2, 'stream');
    const seqA = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('produces version-4 UUIDs', () => {
    const rng = Rng.for(1, 'uuid');
    for (let i = 0; i < 200; i++) expect(rng.uuid()).toMatch(UUID_V4);
    expect(stableUuid(1, 'team', 0)).toMatch(UUID_V4);
    expect(stableUuid(1, 'team', 0)).toBe(stableUuid(1, 'team', 0));
    expect(stableUuid(1, 'team', 0)).not.toBe(stableUuid(1, 'team', 1));
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const rng = Rng.for(1, 'int');
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('WeightedTable', () => {
  it('picks in proportion to the weights and never picks zero weights', () => {
    const table = new WeightedTable([
      ['a', 3],
      ['b', 1],
      ['never', 0],
    ] as const);
    const rng = Rng.for(1, 'weighted');
    const counts: Record<string, number> = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.pick(rng)]++;
    expect(counts['never']).toBe(0);
    expect(counts['a'] / 20_000).toBeCloseTo(0.75, 1);
  });
});

describe('correlatedUniform', () => {
  it.each([0, 0.3, 0.5, 0.8, 1])('stays uniform for weight %p, so thresholds keep their rate', (weight) => {
    const rng = Rng.for(1, 'mix', weight);
    const n = 40_000;
    let belowQuarter = 0;
    let belowSixty = 0;
    for (let i = 0; i < n; i++) {
      const u = correlatedUniform(rng.next(), rng.next(), weight);
      if (u < 0.25) belowQuarter++;
      if (u < 0.6) belowSixty++;
    }
    expect(belowQuarter / n).toBeCloseTo(0.25, 1.5);
    expect(belowSixty / n).toBeCloseTo(0.6, 1.5);
  });

  it('correlates two draws that share a factor', () => {
    const rng = Rng.for(1, 'corr');
    let both = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const shared = rng.next();
      if (correlatedUniform(shared, rng.next(), 0.7) < 0.3 && correlatedUniform(shared, rng.next(), 0.7) < 0.3) both++;
    }
    expect(both / n).toBeGreaterThan(0.3 * 0.3 + 0.05);
  });
});
