import solver from 'javascript-lp-solver';
import type { Model, SolveResult } from 'javascript-lp-solver';
import { gridLines, positions, type Grid, type Position } from './table-grid';

/** Range of values a suppressed entry can take given everything published. */
export interface FeasibleInterval {
  readonly position: Position;
  readonly min: number;
  readonly max: number;
}

const OBJECTIVE = 'objective';
/** LP optima of these constraint systems are integral (network matrix); this absorbs floating-point noise. */
const TOLERANCE = 1e-6;

/**
 * For each suppressed (`null`) entry, in row-major order, the minimum and maximum value consistent with the
 * published entries, non-negative counts and every row/column/grand-total relation (linear programming).
 * `max` is `Infinity` when nothing bounds it. Stops after the first interval narrower than `stopBelowWidth`.
 */
export function feasibleIntervals(
  grid: Grid<number | null>,
  stopBelowWidth = 0,
): FeasibleInterval[] {
  const variables = buildVariables(grid);
  const intervals: FeasibleInterval[] = [];
  for (const position of positions(grid)) {
    const name = variableName(position);
    if (!(name in variables.coefficients)) continue;
    const min = optimise(variables, name, 'min');
    const max = optimise(variables, name, 'max');
    intervals.push({ position, min, max });
    if (max - min < stopBelowWidth) break;
  }
  return intervals;
}

interface LinearSystem {
  readonly constraints: Model['constraints'];
  readonly coefficients: Record<string, Record<string, number>>;
}

function buildVariables(grid: Grid<number | null>): LinearSystem {
  const constraints: Model['constraints'] = {};
  const coefficients: Record<string, Record<string, number>> = {};
  gridLines(grid).forEach((line, index) => {
    const terms: [Position, number][] = [
      ...line.members.map((p): [Position, number] => [p, 1]),
      [line.total, -1],
    ];
    const unknown = terms.filter(([[r, c]]) => grid[r][c] === null);
    if (unknown.length === 0) return;
    const known = terms.reduce(
      (total, [[r, c], sign]) => total + sign * (grid[r][c] ?? 0),
      0,
    );
    const constraint = `line${index}`;
    constraints[constraint] = { equal: -known };
    for (const [position, sign] of unknown) {
      const name = variableName(position);
      coefficients[name] = { ...coefficients[name], [constraint]: sign };
    }
  });
  return { constraints, coefficients };
}

function optimise(
  system: LinearSystem,
  target: string,
  direction: 'min' | 'max',
): number {
  const variables: Model['variables'] = {};
  for (const [name, terms] of Object.entries(system.coefficients)) {
    variables[name] = name === target ? { ...terms, [OBJECTIVE]: 1 } : terms;
  }
  const result = solver.Solve({
    // The library's presolve (for integer programs) costs more than it saves on these small pure LPs.
    options: { presolve: false },
    optimize: OBJECTIVE,
    opType: direction,
    constraints: system.constraints,
    variables,
  }) as SolveResult;
  if (!result.feasible)
    throw new Error('published table is inconsistent (no feasible completion)');
  if (result.bounded === false || !Number.isFinite(result.result))
    return direction === 'max' ? Infinity : 0;
  const rounded = Math.round(result.result) + 0; // + 0 turns -0 into 0
  return Math.abs(rounded - result.result) < TOLERANCE
    ? rounded
    : result.result;
}

function variableName([r, c]: Position): string {
  return `x${r}_${c}`;
}
