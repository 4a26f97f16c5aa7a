import { resolveK, resolveProtection } from '../disclosure';
import { normalised, scopeKey, type FigureScope } from './figure-scope';
import { AtomClasses } from './atom-classes';
import { AtomSystem, type Equation, type Interval } from './ledger-lp';

/** A figure as released: its scope and its value, `null` when it was suppressed. */
export interface ReleasedFigure {
  readonly scope: FigureScope;
  readonly value: number | null;
}

/** Input of {@link auditReleases}. */
export interface ReleaseAuditInput {
  /** Figures already in the ledger (of overlapping quarters); never changed. */
  readonly prior: readonly ReleasedFigure[];
  /** The figures of the new release. */
  readonly release: readonly ReleasedFigure[];
  readonly k: number;
  readonly protection?: number;
  /** True value of an aggregate when known at report time (the quarters of the new release), else undefined. */
  readonly truth?: (scope: FigureScope) => number | undefined;
  /** Stop at the first failure (the repair loop needs one at a time). Default false. */
  readonly firstOnly?: boolean;
  /**
   * Check only the suppressed figures with these scope keys (the others are known to be protected, e.g. the cells
   * of a first release, each of whose tables passed its own LP audit). Default: every suppressed figure.
   */
  readonly only?: ReadonlySet<string>;
}

/** Something an attacker could narrow too far from all releases together. */
export interface ReleaseAuditFailure {
  readonly scope: FigureScope;
  /** `suppressed`: a suppressed figure; `smallAggregate`: a sum of atoms below k that is not printed anywhere. */
  readonly kind: 'suppressed' | 'smallAggregate';
  readonly interval: Interval;
}

export interface ReleaseAudit {
  readonly passed: boolean;
  readonly failures: readonly ReleaseAuditFailure[];
  /** The solved system. */
  readonly system: AtomSystem;
  /** The atoms of a scope and every atom sharing an equation with one of them (where to look for a repair). */
  readonly neighbours: (scope: FigureScope) => Set<string>;
  /** The atoms of a figure in this audit's atom classes. */
  readonly atomsOf: (scope: FigureScope) => string[];
}

/** The raw atoms a scope sums over (one per quarter × row member × column member). */
export function rawAtomsOf(scope: FigureScope): string[] {
  const atoms: string[] = [];
  for (const quarter of scope.quarters)
    for (const row of scope.rows)
      for (const column of scope.columns)
        atoms.push(atomKey(scope.family, quarter, row, column));
  return atoms;
}

export function atomKey(
  family: string,
  quarter: string,
  row: string,
  column: string,
): string {
  return `${family}|${quarter}|${row}|${column}`;
}

/**
 * Audits a new release together with every overlapping figure already released (one LP, decomposed):
 * variables = atoms (non-negative; members that no figure tells apart are one atom, see `AtomClasses`), equalities = every published figure (old and new) plus the links between
 * families (per quarter and group, the outcome columns of every measure add up to the group size, and the groups
 * of a breakdown add up to the cohort size). Fails for every suppressed figure (old or new) whose interval is
 * narrower than the protection width and reaches below k (one narrowed to values ≥ k was a complementary
 * suppression and reveals no small count), and for every derivable small aggregate: a sum over a contiguous range of
 * the quarters of the new release and the ledger × a row member set × a column member set of a family (the sets printed in its figures)
 * whose true value is below k and whose interval is narrower than the protection width (where the true value is
 * not at hand — quarters outside the new release — when the published figures fix it below k).
 */
export function auditReleases(input: ReleaseAuditInput): ReleaseAudit {
  const k = resolveK(input.k);
  const protection = resolveProtection(input.protection);
  const figures = [...input.prior, ...input.release];
  const published = new Map<string, number>();
  for (const figure of input.release)
    if (figure.value !== null)
      published.set(scopeKey(figure.scope), figure.value);
  // Old figures revised by later data entry (same scope, other value) are superseded by the new value.
  for (const figure of input.prior) {
    const key = scopeKey(figure.scope);
    if (figure.value !== null && !published.has(key))
      published.set(key, figure.value);
  }
  const scopes = new Map<string, FigureScope>();
  for (const figure of figures)
    scopes.set(scopeKey(figure.scope), figure.scope);
  const classes = new AtomClasses([...scopes.values()]);
  const atomsOf = (scope: FigureScope) => classes.atoms(scope) ?? [];

  const equations: Equation[] = [];
  for (const [key, value] of published)
    equations.push(sumEquation(atomsOf(scopes.get(key) as FigureScope), value));
  equations.push(...classes.links());
  const system = new AtomSystem(equations);
  if (!system.feasible)
    throw new Error(
      'released figures are inconsistent (no feasible completion)',
    );
  const byAtom = new Map<string, Equation[]>();
  for (const equation of equations)
    for (const atom of equation.terms.keys()) {
      const list = byAtom.get(atom) ?? [];
      list.push(equation);
      byAtom.set(atom, list);
    }
  const neighbours = (scope: FigureScope) => {
    const result = new Set<string>(atomsOf(scope));
    for (const atom of [...result])
      for (const equation of byAtom.get(atom) ?? [])
        for (const other of equation.terms.keys()) result.add(other);
    return result;
  };

  const failures: ReleaseAuditFailure[] = [];
  const narrow = (interval: Interval) =>
    interval.max - interval.min < protection;
  for (const [key, scope] of sorted(scopes)) {
    if (published.has(key) || (input.only && !input.only.has(key))) continue;
    // Its interval holds the true value (a completion of the published figures): narrower than the protection width,
    // it starts above value − protection, so a true value ≥ k + protection is never narrowed below k (no LP needed).
    const value = input.truth?.(scope);
    if (value !== undefined && value >= k + protection) continue;
    // Known completions (or the maximum against one of them) already differ by the protection width: not narrow.
    const interval = system.narrowInterval(atomsOf(scope), protection);
    // Narrowed to values ≥ k only: a complementary suppression (not sensitive itself), nothing small is revealed.
    if (interval && narrow(interval) && interval.min < k) {
      failures.push({ scope, kind: 'suppressed', interval });
      if (input.firstOnly)
        return { passed: false, failures, system, neighbours, atomsOf };
    }
  }
  const truth = input.truth;
  if (truth) {
    for (const scope of candidateAggregates(
      input.release,
      input.prior,
      figures,
    )) {
      const key = scopeKey(scope);
      if (scopes.has(key)) continue;
      const atoms = classes.atoms(scope);
      // Not a union of atom classes: only bounded through the group sizes (see AtomClasses), not derivable.
      if (!atoms) continue;
      const value = truth(scope);
      let interval: Interval | undefined;
      if (value === undefined) {
        // Reaches a quarter outside the new release (true value not at hand): a failure when the published
        // figures fix it to a value below k (e.g. year minus quarter), found without an LP.
        const fixed = atoms.map((atom) => system.fixedValue(atom));
        if (fixed.some((v) => v === undefined)) continue;
        const sum = (fixed as number[]).reduce((total, v) => total + v, 0);
        if (sum >= k) continue;
        interval = { min: sum, max: sum };
      } else {
        if (value >= k) continue;
        interval = system.narrowInterval(atoms, protection);
      }
      if (interval && narrow(interval)) {
        failures.push({ scope, kind: 'smallAggregate', interval });
        if (input.firstOnly)
          return { passed: false, failures, system, neighbours, atomsOf };
      }
    }
  }
  return {
    passed: failures.length === 0,
    failures,
    system,
    neighbours,
    atomsOf,
  };
}

function sumEquation(atoms: readonly string[], value: number): Equation {
  return { terms: new Map(atoms.map((atom) => [atom, 1])), rhs: value };
}

/**
 * Sums over a contiguous range of the new release's quarters × one row member set × one column member set of a
 * family, the sets being those printed in the family's figures (old or new).
 */
function candidateAggregates(
  release: readonly ReleasedFigure[],
  prior: readonly ReleasedFigure[],
  figures: readonly ReleasedFigure[],
): FigureScope[] {
  const mine = new Set(release.flatMap((f) => f.scope.quarters));
  const before = new Set(prior.flatMap((f) => f.scope.quarters));
  // Ranges over the quarters of both releases, as long as they touch the new one's (differencing needs both).
  const quarters = normalised([...mine, ...before]);
  const ranges: string[][] = [];
  for (let from = 0; from < quarters.length; from++)
    for (let to = from; to < quarters.length; to++)
      if (contiguous(quarters.slice(from, to + 1)) && before.size > 0)
        ranges.push(quarters.slice(from, to + 1));
  const families = new Map<
    string,
    {
      rows: Map<string, readonly string[]>;
      columns: Map<string, readonly string[]>;
    }
  >();
  for (const { scope } of figures) {
    const entry = families.get(scope.family) ?? {
      rows: new Map(),
      columns: new Map(),
    };
    entry.rows.set(scope.rows.join(','), scope.rows);
    entry.columns.set(scope.columns.join(','), scope.columns);
    families.set(scope.family, entry);
  }
  const result: FigureScope[] = [];
  for (const [family, { rows, columns }] of [...families].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  ))
    for (const range of ranges)
      for (const rowSet of rows.values())
        for (const columnSet of columns.values())
          result.push({
            family,
            quarters: range,
            rows: rowSet,
            columns: columnSet,
          });
  return result;
}

/** Consecutive quarters (`2025-Q4`, `2026-Q1`, …). */
function contiguous(quarters: readonly string[]): boolean {
  const index = (q: string) =>
    Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
  return quarters.every(
    (q, i) => i === 0 || index(q) === index(quarters[i - 1]) + 1,
  );
}

function sorted(
  scopes: ReadonlyMap<string, FigureScope>,
): [string, FigureScope][] {
  return [...scopes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
