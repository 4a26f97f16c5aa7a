import solver from 'javascript-lp-solver';
import type { Model, SolveResult } from 'javascript-lp-solver';

/** One linear equation over atoms: Σ coefficient · atom = rhs. */
export interface Equation {
  readonly terms: ReadonlyMap<string, number>;
  readonly rhs: number;
}

/** The range an aggregate of atoms can take; `max` may be `Infinity`. */
export interface Interval {
  readonly min: number;
  readonly max: number;
}

const OBJECTIVE = 'objective';
/** Feasible points per component for `provablyWide`. */
const SAMPLES = 6;

/** A small deterministic pseudo-random generator (the same report gives the same points). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const TOLERANCE = 1e-6;

/**
 * A system of equations over non-negative atoms, presolved and split into independent components:
 * 1. propagation: an equation with one unknown atom fixes it; an equation whose unknown atoms all have
 *    coefficient +1 and whose remaining right-hand side is 0 fixes them all to 0 (atoms are non-negative);
 * 2. the remaining unknown atoms are grouped into components (atoms sharing an equation);
 * 3. the interval of a sum of atoms = its fixed part + per component the LP minimum and maximum.
 * Exact (the presolve only applies deductions every solution satisfies), and fast because the published figures
 * fix most atoms, leaving small components around the suppressed ones.
 */
export class AtomSystem {
  private readonly fixed = new Map<string, number>();
  private readonly reduced: Equation[] = [];
  private readonly componentOf = new Map<string, number>();
  private readonly componentEquations: Equation[][] = [];
  /** Cached LP bounds per component and objective. */
  private readonly cache = new Map<string, Interval>();
  /** Feasible points per component (optima of pseudo-random objectives), computed on first use. */
  private readonly samples = new Map<number, Map<string, number>[]>();
  readonly feasible: boolean;

  constructor(equations: readonly Equation[]) {
    this.feasible = this.presolve(equations);
    if (this.feasible) this.split();
  }

  /** Value of an atom when the published figures determine it. */
  fixedValue(atom: string): number | undefined {
    return this.fixed.get(atom);
  }

  /** The interval of Σ atoms (each counted once). */
  interval(atoms: readonly string[]): Interval {
    let min = 0;
    let max = 0;
    const byComponent = new Map<number, string[]>();
    const unique = [...new Set(atoms)];
    // An atom in no equation can be anything ≥ 0: no LP needed to see the sum is unbounded.
    if (unique.some((a) => !this.fixed.has(a) && !this.componentOf.has(a)))
      return { min: 0, max: Infinity };
    for (const atom of unique) {
      const value = this.fixed.get(atom);
      if (value !== undefined) {
        min += value;
        max += value;
        continue;
      }
      const component = this.componentOf.get(atom);
      if (component === undefined) {
        max = Infinity; // in no equation: anything ≥ 0
        continue;
      }
      const list = byComponent.get(component) ?? [];
      list.push(atom);
      byComponent.set(component, list);
    }
    for (const [component, list] of byComponent) {
      const bounds = this.bounds(component, list);
      min += bounds.min;
      max += bounds.max;
    }
    return { min, max };
  }

  /**
   * Whether Σ atoms provably takes values at least `width` apart: true when two known feasible points (per
   * component, the optima of a few fixed pseudo-random objectives) already give sums that far apart. A
   * cheap inner bound of the interval: `false` proves nothing (ask `interval`), `true` is exact (no LP per sum).
   */
  provablyWide(atoms: readonly string[], width: number): boolean {
    const unique = [...new Set(atoms)];
    if (unique.some((a) => !this.fixed.has(a) && !this.componentOf.has(a)))
      return true;
    const components = new Set<number>();
    for (const atom of unique) {
      const component = this.componentOf.get(atom);
      if (component !== undefined && !this.fixed.has(atom))
        components.add(component);
    }
    if (components.size === 0) return false;
    let low = Infinity;
    let high = -Infinity;
    for (let s = 0; s < SAMPLES; s++) {
      let sum = 0;
      for (const atom of unique) {
        const component = this.componentOf.get(atom);
        if (this.fixed.has(atom) || component === undefined) continue;
        sum += this.sampleOf(component)[s].get(atom) ?? 0;
      }
      low = Math.min(low, sum);
      high = Math.max(high, sum);
      if (high - low >= width - TOLERANCE) return true;
    }
    return false;
  }

  private sampleOf(component: number): Map<string, number>[] {
    const known = this.samples.get(component);
    if (known) return known;
    const equations = this.componentEquations[component];
    const constraints: Model['constraints'] = {};
    const variables: Record<string, Record<string, number>> = {};
    equations.forEach((equation, i) => {
      constraints[`e${i}`] = { equal: equation.rhs };
      for (const [atom, coefficient] of equation.terms)
        variables[atom] = { ...variables[atom], [`e${i}`]: coefficient };
    });
    const random = mulberry32(component + 1);
    const points: Map<string, number>[] = [];
    const solve = (weights: ReadonlyMap<string, number>) => {
      const model: Model['variables'] = {};
      for (const [atom, terms] of Object.entries(variables))
        model[atom] = { ...terms, [OBJECTIVE]: weights.get(atom) ?? 0 };
      const result = solver.Solve({
        optimize: OBJECTIVE,
        opType: 'min',
        constraints,
        variables: model,
      }) as SolveResult;
      if (!result.feasible)
        throw new Error(
          'released figures are inconsistent (no feasible completion)',
        );
      return result;
    };
    for (let s = 0; s < SAMPLES; s++) {
      // Weights of both signs reach different vertices; if that direction is unbounded, their absolute values
      // (positive weights: the minimum is bounded, atoms being ≥ 0).
      const weights = new Map(
        Object.keys(variables).map((atom) => [atom, 2 * random() - 1]),
      );
      let result = solve(weights);
      if (result.bounded === false || !Number.isFinite(result.result))
        result = solve(
          new Map([...weights].map(([atom, w]) => [atom, Math.abs(w) + 0.01])),
        );
      const point = new Map<string, number>();
      for (const atom of Object.keys(variables)) {
        const value = (result as unknown as Record<string, unknown>)[atom];
        point.set(atom, typeof value === 'number' ? value : 0);
      }
      points.push(point);
    }
    this.samples.set(component, points);
    return points;
  }

  private presolve(equations: readonly Equation[]): boolean {
    let pending = equations.map((e) => ({
      terms: new Map(e.terms),
      rhs: e.rhs,
    }));
    let changed = true;
    while (changed) {
      changed = false;
      const next: typeof pending = [];
      for (const equation of pending) {
        let rhs = equation.rhs;
        const unknown = new Map<string, number>();
        for (const [atom, coefficient] of equation.terms) {
          const value = this.fixed.get(atom);
          if (value === undefined) unknown.set(atom, coefficient);
          else rhs -= coefficient * value;
        }
        if (unknown.size === 0) {
          if (Math.abs(rhs) > TOLERANCE) return false;
          continue;
        }
        if (unknown.size === 1) {
          const [[atom, coefficient]] = [...unknown];
          const value = rhs / coefficient;
          if (value < -TOLERANCE) return false;
          this.fixed.set(atom, Math.max(0, value));
          changed = true;
          continue;
        }
        if (
          Math.abs(rhs) <= TOLERANCE &&
          [...unknown.values()].every((c) => c > 0)
        ) {
          for (const atom of unknown.keys()) this.fixed.set(atom, 0);
          changed = true;
          continue;
        }
        next.push({ terms: unknown, rhs });
      }
      pending = next;
    }
    this.reduced.push(...pending);
    return true;
  }

  private split(): void {
    const parent = new Map<string, string>();
    const find = (atom: string): string => {
      let root = atom;
      while (parent.get(root) !== root) root = parent.get(root) as string;
      parent.set(atom, root);
      return root;
    };
    for (const equation of this.reduced) {
      const atoms = [...equation.terms.keys()];
      for (const atom of atoms) if (!parent.has(atom)) parent.set(atom, atom);
      for (const atom of atoms.slice(1)) parent.set(find(atom), find(atoms[0]));
    }
    const index = new Map<string, number>();
    for (const atom of parent.keys()) {
      const root = find(atom);
      if (!index.has(root)) {
        index.set(root, this.componentEquations.length);
        this.componentEquations.push([]);
      }
      this.componentOf.set(atom, index.get(root) as number);
    }
    for (const equation of this.reduced) {
      const [first] = equation.terms.keys();
      this.componentEquations[this.componentOf.get(first) as number].push(
        equation,
      );
    }
  }

  private bounds(component: number, atoms: readonly string[]): Interval {
    const key = `${component}:${[...atoms].sort().join(';')}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const equations = this.componentEquations[component];
    const constraints: Model['constraints'] = {};
    const variables: Record<string, Record<string, number>> = {};
    equations.forEach((equation, i) => {
      constraints[`e${i}`] = { equal: equation.rhs };
      for (const [atom, coefficient] of equation.terms) {
        variables[atom] = { ...variables[atom], [`e${i}`]: coefficient };
      }
    });
    const target = new Set(atoms);
    const solve = (direction: 'min' | 'max'): number => {
      const model: Model['variables'] = {};
      for (const [atom, terms] of Object.entries(variables))
        model[atom] = target.has(atom) ? { ...terms, [OBJECTIVE]: 1 } : terms;
      const result = solver.Solve({
        optimize: OBJECTIVE,
        opType: direction,
        constraints,
        variables: model,
      }) as SolveResult;
      if (!result.feasible)
        throw new Error(
          'released figures are inconsistent (no feasible completion)',
        );
      if (result.bounded === false || !Number.isFinite(result.result))
        return direction === 'max' ? Infinity : 0;
      const rounded = Math.round(result.result) + 0;
      return Math.abs(rounded - result.result) < TOLERANCE
        ? rounded
        : result.result;
    };
    const interval = { min: solve('min'), max: solve('max') };
    this.cache.set(key, interval);
    return interval;
  }
}
