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

interface ComponentModel {
  readonly constraints: Model['constraints'];
  readonly variables: Readonly<Record<string, Record<string, number>>>;
  readonly atoms: readonly string[];
}

/** Σ of `atoms` at a point. */
function sumAt(point: ReadonlyMap<string, number>, atoms: readonly string[]): number {
  let sum = 0;
  for (const atom of atoms) sum += point.get(atom) ?? 0;
  return sum;
}

/** The values of `atoms` in an LP solution (an atom the solver leaves out is 0). */
function pointOf(atoms: readonly string[], result: SolveResult): Map<string, number> {
  const point = new Map<string, number>();
  for (const atom of atoms) {
    const value = (result as unknown as Record<string, unknown>)[atom];
    point.set(atom, typeof value === 'number' ? value : 0);
  }
  return point;
}

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
  /** Cached LP optima per direction, component and objective. */
  private readonly cache = new Map<string, number>();
  /** Feasible points per component (optima of pseudo-random objectives), computed on first use. */
  private readonly samples = new Map<number, Map<string, number>[]>();
  /** The LP constraints of each component, built on first use. */
  private readonly models = new Map<number, ComponentModel>();
  /** LP optima of components whose samples are not computed yet. */
  private readonly extraPoints = new Map<number, Map<string, number>[]>();
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
    // An atom in no equation can be anything ≥ 0: no LP needed to see the sum is unbounded.
    const split = this.partsOf(atoms);
    if (!split) return { min: 0, max: Infinity };
    let { fixed: min } = split;
    let max = min;
    for (const [component, list] of split.byComponent) {
      min += this.solveFor(component, list, 'min');
      max += this.solveFor(component, list, 'max');
    }
    return { min, max };
  }

  /**
   * Whether Σ atoms provably takes values at least `width` apart: true when known feasible points (per component,
   * the optima of a few fixed pseudo-random objectives and every optimum found so far) already give sums that far
   * apart. Components share no equation, so each contributes the spread of its own points. A cheap inner bound of
   * the interval: `false` proves nothing (ask `interval`), `true` is exact (no LP per sum).
   */
  provablyWide(atoms: readonly string[], width: number): boolean {
    const split = this.partsOf(atoms);
    if (!split) return true;
    if (split.byComponent.size === 0) return false;
    return this.knownSpread(split.byComponent) >= width - TOLERANCE;
  }

  /**
   * The interval of Σ atoms when it is narrower than `width`; `undefined` when it provably is not — from the known
   * points, or from the maximum (one LP per component) against the lowest known point, before any minimum is solved.
   */
  narrowInterval(atoms: readonly string[], width: number): Interval | undefined {
    const split = this.partsOf(atoms);
    if (!split || this.provablyWide(atoms, width)) return undefined;
    let max = split.fixed;
    let lowestKnown = split.fixed;
    for (const [component, list] of split.byComponent) {
      max += this.solveFor(component, list, 'max');
      lowestKnown += Math.min(...this.sampleOf(component).map((point) => sumAt(point, list)));
    }
    if (max - lowestKnown >= width - TOLERANCE) return undefined;
    let min = split.fixed;
    for (const [component, list] of split.byComponent) min += this.solveFor(component, list, 'min');
    return { min, max };
  }

  /** The fixed part of Σ atoms and its unknown atoms by component; `undefined` when an atom is in no equation (unbounded). */
  private partsOf(atoms: readonly string[]): { fixed: number; byComponent: Map<number, string[]> } | undefined {
    const unique = [...new Set(atoms)];
    let fixed = 0;
    const byComponent = new Map<number, string[]>();
    for (const atom of unique) {
      const value = this.fixed.get(atom);
      if (value !== undefined) {
        fixed += value;
        continue;
      }
      const component = this.componentOf.get(atom);
      if (component === undefined) return undefined;
      const list = byComponent.get(component) ?? [];
      list.push(atom);
      byComponent.set(component, list);
    }
    return { fixed, byComponent };
  }

  /** Σ over components of (highest − lowest) value of the sum at the component's known points. */
  private knownSpread(byComponent: ReadonlyMap<number, readonly string[]>): number {
    let spread = 0;
    for (const [component, list] of byComponent) {
      let low = Infinity;
      let high = -Infinity;
      for (const point of this.sampleOf(component)) {
        const sum = sumAt(point, list);
        low = Math.min(low, sum);
        high = Math.max(high, sum);
      }
      spread += high - low;
    }
    return spread;
  }

  private sampleOf(component: number): Map<string, number>[] {
    const known = this.samples.get(component);
    if (known) return known;
    const atoms = this.modelOf(component).atoms;
    const random = mulberry32(component + 1);
    const points: Map<string, number>[] = [];
    const solve = (weights: ReadonlyMap<string, number>) =>
      this.solveComponent(component, (atom) => weights.get(atom) ?? 0, 'min');
    for (let s = 0; s < SAMPLES; s++) {
      // Weights of both signs reach different vertices; if that direction is unbounded, their absolute values
      // (positive weights: the minimum is bounded, atoms being ≥ 0).
      const weights = new Map(atoms.map((atom) => [atom, 2 * random() - 1]));
      let result = solve(weights);
      if (result.bounded === false || !Number.isFinite(result.result))
        result = solve(
          new Map([...weights].map(([atom, w]) => [atom, Math.abs(w) + 0.01])),
        );
      points.push(pointOf(atoms, result));
    }
    // Optima found by `bounds` before the first sample stay known.
    points.push(...(this.extraPoints.get(component) ?? []));
    this.extraPoints.delete(component);
    this.samples.set(component, points);
    return points;
  }

  /** Adds a feasible point (an LP optimum) of `component` to its known points. */
  private remember(component: number, atoms: readonly string[], result: SolveResult): void {
    const point = pointOf(atoms, result);
    const known = this.samples.get(component);
    if (known) known.push(point);
    else this.extraPoints.set(component, [...(this.extraPoints.get(component) ?? []), point]);
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

  /** The LP minimum or maximum of Σ atoms over one component (cached). */
  private solveFor(component: number, atoms: readonly string[], direction: 'min' | 'max'): number {
    const key = `${direction}:${component}:${[...atoms].sort().join(';')}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const target = new Set(atoms);
    const result = this.solveComponent(component, (atom) => (target.has(atom) ? 1 : 0), direction);
    let value: number;
    if (result.bounded === false || !Number.isFinite(result.result)) value = direction === 'max' ? Infinity : 0;
    else {
      // Every optimum is a feasible point too: kept, it lets `provablyWide` settle later sums of this component.
      this.remember(component, this.modelOf(component).atoms, result);
      const rounded = Math.round(result.result) + 0;
      value = Math.abs(rounded - result.result) < TOLERANCE ? rounded : result.result;
    }
    this.cache.set(key, value);
    return value;
  }

  /** The LP constraints of a component (one equality per equation) and its atoms, built once. */
  private modelOf(component: number): ComponentModel {
    const known = this.models.get(component);
    if (known) return known;
    const constraints: Model['constraints'] = {};
    const variables: Record<string, Record<string, number>> = {};
    this.componentEquations[component].forEach((equation, i) => {
      constraints[`e${i}`] = { equal: equation.rhs };
      for (const [atom, coefficient] of equation.terms) variables[atom] = { ...variables[atom], [`e${i}`]: coefficient };
    });
    const model = { constraints, variables, atoms: Object.keys(variables) };
    this.models.set(component, model);
    return model;
  }

  /** Optimises Σ weight(atom) · atom over a component; throws when the published figures admit no completion. */
  private solveComponent(component: number, weight: (atom: string) => number, direction: 'min' | 'max'): SolveResult {
    const { constraints, variables } = this.modelOf(component);
    const model: Model['variables'] = {};
    for (const [atom, terms] of Object.entries(variables)) {
      const w = weight(atom);
      model[atom] = w === 0 ? terms : { ...terms, [OBJECTIVE]: w };
    }
    const result = solver.Solve({
      // The library's presolve (for integer programs) costs more than it saves on these small pure LPs.
      options: { presolve: false },
      optimize: OBJECTIVE,
      opType: direction,
      constraints,
      variables: model,
    }) as SolveResult;
    if (!result.feasible) throw new Error('released figures are inconsistent (no feasible completion)');
    return result;
  }
}
