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
