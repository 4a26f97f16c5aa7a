import type { FigureScope } from './figure-scope';
import type { Equation } from './ledger-lp';

const ALL = '*';

/**
 * `size:<dimension>`, `outcome:<measure>:<dimension>` and `status:<table>:<dimension>` share the group sizes of
 * their dimension (the columns of an outcome or status family add up to the group size).
 */
export function dimensionOf(family: string): string | undefined {
  const parts = family.split(':');
  if (parts[0] === 'size' && parts.length === 2) return parts[1];
  if ((parts[0] === 'outcome' || parts[0] === 'status') && parts.length === 3) return parts[2];
  return undefined;
}

/** An outcome or status family: exclusive columns that add up to the group size. */
function isCategorical(family: string): boolean {
  return family.startsWith('outcome:') || family.startsWith('status:');
}

/** Classes of a universe: elements contained in exactly the same sets form one class. */
class Partition {
  private readonly classOf = new Map<string, string>();

  constructor(sets: readonly (readonly string[])[]) {
    const signature = new Map<string, number[]>();
    sets.forEach((set, i) => {
      for (const element of set) {
        const list = signature.get(element) ?? [];
        if (list[list.length - 1] !== i) list.push(i);
        signature.set(element, list);
      }
    });
    const members = new Map<string, string[]>();
    for (const [element, list] of signature) {
      const key = list.join(',');
      members.set(key, [...(members.get(key) ?? []), element]);
    }
    for (const list of members.values()) {
      const name = [...list].sort().join('+');
      for (const element of list) this.classOf.set(element, name);
    }
  }

  /** The classes a set is the union of, or undefined when it cuts through a class (or has unknown elements). */
  classes(set: readonly string[]): string[] | undefined {
    const wanted = new Set(set);
    const result = new Set<string>();
    for (const element of set) {
      const name = this.classOf.get(element);
      if (name === undefined) return undefined;
      result.add(name);
    }
    for (const name of result)
      if (!name.split('+').every((element) => wanted.has(element)))
        return undefined;
    return [...result].sort();
  }

  all(): string[] {
    return [...new Set(this.classOf.values())].sort();
  }
}

/**
 * Atoms of the audit across releases, aggregated: quarters (and row members) that no figure of a family tells
 * apart are one atom of that family, which keeps the LP small (a year table's groups over four quarters are one
 * atom per group and column, not four). Exact for everything aligned with the classes:
 * - families without links (soft ratings, closures, goals): their atoms only ever appear summed by class;
 * - an outcome or status family is linked to its group sizes per (quarter class, row class): Σ columns = Σ of the size atoms
 *   inside; any solution of the aggregated system splits into per-quarter values (a transportation problem with
 *   equal totals is always feasible), so intervals of aligned sums are the same as with per-quarter atoms;
 * - the size families (`size:<dimension>` and `size:all`) use the common refinement of the quarter sets of every
 *   linked family, and per dimension of the row sets, so their links hold class by class.
 * A sum that cuts through a class (`atoms` answers undefined) is only bounded through the group sizes; the audit
 * leaves such sums out (documented in the README).
 */
export class AtomClasses {
  private readonly quarters = new Map<string, Partition>();
  private readonly rows = new Map<string, Partition>();
  private readonly columns = new Map<string, Set<string>>();
  private readonly families: string[];

  constructor(scopes: readonly FigureScope[]) {
    const byFamily = new Map<string, FigureScope[]>();
    for (const scope of scopes)
      byFamily.set(scope.family, [
        ...(byFamily.get(scope.family) ?? []),
        scope,
      ]);
    const linked = scopes.filter((s) => dimensionOf(s.family) !== undefined);
    const sizeQuarters = new Partition(linked.map((s) => s.quarters));
    const dimensions = new Set(
      linked.map((s) => dimensionOf(s.family) as string),
    );
    const sizeRows = new Map<string, Partition>();
    for (const dimension of dimensions)
      sizeRows.set(
        dimension,
        new Partition(
          linked
            .filter((s) => dimensionOf(s.family) === dimension)
            .map((s) => s.rows),
        ),
      );
    // Links need the size families even when no figure of theirs is printed.
    for (const dimension of dimensions) {
      if (!byFamily.has(`size:${dimension}`))
        byFamily.set(`size:${dimension}`, []);
    }
    if (dimensions.size > 0 && !byFamily.has('size:all'))
      byFamily.set('size:all', []);
    for (const [family, list] of byFamily) {
      const dimension = dimensionOf(family);
      const isSize = family.startsWith('size:');
      this.quarters.set(
        family,
        isSize ? sizeQuarters : new Partition(list.map((s) => s.quarters)),
      );
      this.rows.set(
        family,
        isSize && dimension !== undefined
          ? (sizeRows.get(dimension) ?? new Partition([[ALL]]))
          : new Partition(list.map((s) => s.rows)),
      );
      this.columns.set(family, new Set(list.flatMap((s) => s.columns)));
    }
    if (this.rows.has('size:all'))
      this.rows.set('size:all', new Partition([[ALL]]));
    this.families = [...byFamily.keys()].sort();
  }

  /** The atoms of a scope, or undefined when the scope cuts through an atom class. */
  atoms(scope: FigureScope): string[] | undefined {
    const quarters = this.quarters.get(scope.family)?.classes(scope.quarters);
    const rows = this.rows.get(scope.family)?.classes(scope.rows);
    if (!quarters || !rows) return undefined;
    const atoms: string[] = [];
    for (const quarter of quarters)
      for (const row of rows)
        for (const column of scope.columns)
          atoms.push(`${scope.family}|${quarter}|${row}|${column}`);
    return atoms;
  }

  /** Per quarter class and group: Σ outcome columns = group size; per quarter class: Σ groups = cohort size. */
  links(): Equation[] {
    const equations: Equation[] = [];
    for (const family of this.families) {
      const dimension = dimensionOf(family);
      if (dimension === undefined) continue;
      const quarterClasses = (this.quarters.get(family) as Partition).all();
      const rowClasses = (this.rows.get(family) as Partition).all();
      if (isCategorical(family)) {
        const size = `size:${dimension}`;
        for (const quarter of quarterClasses)
          for (const row of rowClasses) {
            const terms = new Map<string, number>();
            for (const column of this.columns.get(family) ?? [])
              terms.set(`${family}|${quarter}|${row}|${column}`, 1);
            const inside =
              this.atoms({
                family: size,
                quarters: quarter.split('+'),
                rows: row.split('+'),
                columns: [ALL],
              }) ?? [];
            for (const atom of inside)
              terms.set(atom, (terms.get(atom) ?? 0) - 1);
            equations.push({ terms, rhs: 0 });
          }
      } else if (dimension !== 'all') {
        for (const quarter of quarterClasses) {
          const terms = new Map<string, number>();
          for (const row of rowClasses)
            terms.set(`${family}|${quarter}|${row}|${ALL}`, 1);
          terms.set(`size:all|${quarter}|${ALL}|${ALL}`, -1);
          equations.push({ terms, rhs: 0 });
        }
      }
    }
    return equations;
  }
}
