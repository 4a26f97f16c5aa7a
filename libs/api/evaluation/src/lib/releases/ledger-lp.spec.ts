import { AtomSystem, type Equation } from './ledger-lp';

const eq = (atoms: string[], rhs: number, coefficients: number[] = atoms.map(() => 1)): Equation => ({
  terms: new Map(atoms.map((a, i) => [a, coefficients[i]])),
  rhs,
});

describe('AtomSystem.provablyWide', () => {
  it('proves a sum wide from feasible points, and never a fixed or determined one', () => {
    // a + b = 10, b + c = 10: a (= c) varies from 0 to 10, a + b is fixed.
    const system = new AtomSystem([eq(['a', 'b'], 10), eq(['b', 'c'], 10), eq(['d'], 4)]);
    expect(system.provablyWide(['a'], 1)).toBe(true);
    expect(system.interval(['a'])).toEqual({ min: 0, max: 10 });
    // Determined sums: never "wide" (the exact interval has width 0).
    expect(system.provablyWide(['a', 'b'], 1)).toBe(false);
    expect(system.provablyWide(['a', 'c', 'b'], 30)).toBe(false);
    expect(system.provablyWide(['d'], 1)).toBe(false);
  });

  it('agrees with the exact interval: whenever it says wide, the interval is at least that wide', () => {
    const system = new AtomSystem([
      eq(['a', 'b', 'c'], 7),
      eq(['a', 'd'], 3),
      eq(['c', 'e'], 2),
      eq(['b', 'f', 'a'], 5, [1, 1, -1]),
    ]);
    const sums = [['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['a', 'c'], ['b', 'd'], ['d', 'e', 'f']];
    for (const sum of sums)
      for (const width of [1, 2, 3]) {
        const { min, max } = system.interval(sum);
        if (system.provablyWide(sum, width)) expect(max - min).toBeGreaterThanOrEqual(width);
      }
  });

  it('treats an atom in no equation as unbounded (wide)', () => {
    const system = new AtomSystem([eq(['a'], 2)]);
    expect(system.provablyWide(['a', 'z'], 100)).toBe(true);
  });
});

describe('AtomSystem.narrowInterval', () => {
  // Two independent components (a–f and p–r) and a fixed atom.
  const equations = [
    eq(['a', 'b', 'c'], 7),
    eq(['a', 'd'], 3),
    eq(['c', 'e'], 2),
    eq(['b', 'f', 'a'], 5, [1, 1, -1]),
    eq(['p', 'q'], 4),
    eq(['q', 'r'], 1),
    eq(['x'], 6),
  ];
  const sums = [['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['a', 'c'], ['b', 'd'], ['d', 'e', 'f'], ['a', 'p'], ['q'], ['q', 'x'], ['a', 'b', 'c'], ['x']];

  /** Asks every sum at every width of the system `systemFor` gives; checks each answer against the exact interval. */
  const expectAgreement = (systemFor: () => AtomSystem) => {
    let settled = 0;
    for (const sum of sums)
      for (const width of [1, 2, 3, 5, 8]) {
        const exact = new AtomSystem(equations).interval(sum);
        const narrow = systemFor().narrowInterval(sum, width);
        if (narrow === undefined) {
          settled++;
          expect(exact.max - exact.min).toBeGreaterThanOrEqual(width);
        } else expect(narrow).toEqual(exact);
        // A narrow interval is always answered.
        if (exact.max - exact.min < width) expect(narrow).toEqual(exact);
      }
    expect(settled).toBeGreaterThan(0);
  };

  it('answers undefined only when the exact interval is at least that wide, else the exact interval', () => {
    // A fresh system per question: no optimum of an earlier question helps.
    expectAgreement(() => new AtomSystem(equations));
  });

  it('gives the same answers on one system asked everything in turn (optima found earlier only settle, never change them)', () => {
    const system = new AtomSystem(equations);
    expectAgreement(() => system);
  });

  it('treats an atom in no equation as unbounded', () => {
    expect(new AtomSystem([eq(['a'], 2)]).narrowInterval(['a', 'z'], 100)).toBeUndefined();
  });
});
