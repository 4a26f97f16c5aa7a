import solver from 'javascript-lp-solver';
import type { Model, SolveResult } from 'javascript-lp-solver';
import type { EvaluationReportResponse, EvaluationTableResponse } from '@wegweiser/shared/contracts';

/**
 * The test's own model of what an attacker knows from published reports (independent of the production audit):
 * sizes x[quarter|group] and outcome counts y[quarter|measure|group|column] ≥ 0 of the groups of one breakdown,
 * related by the published figures of its tables (cohorts.<breakdown>, breakdown.<breakdown>.<measure>,
 * outcomes.<measure>) by their known meaning, and by the outcome columns of a measure adding up to the group size.
 * `groups` are the printed labels of every group of the breakdown (they partition the persons); a table with
 * another label (e.g. a merged "übrige") is refused. LP relaxation (as the method).
 */
export type Expression = Map<string, number>;

const TOTAL = 'Insgesamt';

export class ReleaseModel {
  private readonly equations: { terms: Expression; value: number }[] = [];
  readonly hidden: { what: string; terms: Expression }[] = [];
  private readonly variables = new Set<string>();
  private readonly outcomeColumns = new Map<string, string[]>();

  constructor(
    readonly quarters: readonly string[],
    readonly breakdown: string,
    readonly groups: readonly string[],
  ) {
    for (const q of quarters) for (const g of groups) this.variables.add(size(q, g));
  }

  /** Adds every count table of the breakdown of a published report, and the outcome tables of all persons. */
  addReport(report: EvaluationReportResponse): void {
    const mine = this.quarters.filter((q) => q >= report.period.firstCohort && q <= report.period.lastCohort);
    for (const table of report.sections.flatMap((s) => s.tables)) {
      if (table.kind !== 'count') continue;
      if (table.id === `cohorts.${this.breakdown}`) this.addSizes(report, table, mine);
      const breakdown = table.id.startsWith(`breakdown.${this.breakdown}.`) ? /^breakdown\.\w+\.(\w+)$/.exec(table.id) : null;
      if (breakdown) this.addBreakdown(report, table, breakdown[1], mine);
      const outcome = /^outcomes\.(\w+)$/.exec(table.id);
      if (outcome && this.outcomeColumns.has(outcome[1])) this.addOutcomes(report, table, outcome[1], mine);
    }
  }

  private addSizes(report: EvaluationReportResponse, table: EvaluationTableResponse, mine: readonly string[]): void {
    for (const row of table.rows) {
      const quarters = row.label === TOTAL ? mine : [row.label];
      row.values.forEach((value, c) => {
        const label = table.columnLabels[c];
        const groups = label === TOTAL ? this.groups : [this.group(label)];
        this.figure(`${report.period.firstCohort}…${report.period.lastCohort} ${table.id} ${row.label}/${label}`, sumOf(quarters.flatMap((q) => groups.map((g) => size(q, g)))), value);
      });
    }
  }

  private addBreakdown(report: EvaluationReportResponse, table: EvaluationTableResponse, measure: string, mine: readonly string[]): void {
    const columns = table.columnLabels.filter((l) => l !== TOTAL);
    const known = this.outcomeColumns.get(measure);
    if (known && known.join('|') !== columns.join('|')) throw new Error(`other outcome columns for ${measure}`);
    if (!known) this.link(measure, columns);
    for (const row of table.rows) {
      const groups = row.label === TOTAL ? this.groups : [this.group(row.label)];
      row.values.forEach((value, c) => {
        const label = table.columnLabels[c];
        const atoms = mine.flatMap((q) => groups.flatMap((g) => (label === TOTAL ? [size(q, g)] : [outcome(q, measure, g, label)])));
        this.figure(`${report.period.firstCohort}…${report.period.lastCohort} ${table.id} ${row.label}/${label}`, sumOf(atoms), value);
      });
    }
  }

  private addOutcomes(report: EvaluationReportResponse, table: EvaluationTableResponse, measure: string, mine: readonly string[]): void {
    const columns = table.columnLabels.filter((l) => l !== TOTAL);
    if ((this.outcomeColumns.get(measure) ?? []).join('|') !== columns.join('|')) throw new Error(`other outcome columns for ${measure}`);
    for (const row of table.rows) {
      const quarters = row.label === TOTAL ? mine : [row.label];
      row.values.forEach((value, c) => {
        const label = table.columnLabels[c];
        const atoms = quarters.flatMap((q) => this.groups.map((g) => (label === TOTAL ? size(q, g) : outcome(q, measure, g, label))));
        this.figure(`${report.period.firstCohort}…${report.period.lastCohort} ${table.id} ${row.label}/${label}`, sumOf(atoms), value);
      });
    }
  }

  private group(label: string): string {
    if (!this.groups.includes(label)) throw new Error(`group ${label} is not one of the ${this.breakdown} groups`);
    return label;
  }

  /** The outcome columns of a measure add up to the group size, per quarter and group. */
  private link(measure: string, columns: string[]): void {
    this.outcomeColumns.set(measure, columns);
    for (const q of this.quarters)
      for (const g of this.groups) {
        const terms: Expression = new Map(columns.map((c) => [outcome(q, measure, g, c), 1]));
        terms.set(size(q, g), -1);
        for (const c of columns) this.variables.add(outcome(q, measure, g, c));
        this.equations.push({ terms, value: 0 });
      }
  }

  private figure(what: string, terms: Expression, value: number | null): void {
    for (const v of terms.keys()) this.variables.add(v);
    if (value === null) this.hidden.push({ what, terms });
    else this.equations.push({ terms, value });
  }

  /** [min, max] of a sum of variables over every non-negative completion of the published figures. */
  interval(terms: Expression): { min: number; max: number } {
    const solve = (opType: 'min' | 'max') => {
      const constraints: Model['constraints'] = {};
      const variables: Record<string, Record<string, number>> = {};
      for (const v of this.variables) variables[v] = { objective: terms.get(v) ?? 0 };
      this.equations.forEach(({ terms: eq, value }, i) => {
        constraints[`e${i}`] = { equal: value };
        for (const [v, coefficient] of eq) variables[v][`e${i}`] = coefficient;
      });
      const result = solver.Solve({ optimize: 'objective', opType, constraints, variables } as Model) as SolveResult;
      if (!result.feasible) throw new Error('published figures are inconsistent');
      return Number(result.result);
    };
    return { min: solve('min'), max: solve('max') };
  }
}

export function size(quarter: string, group: string): string {
  return `x|${quarter}|${group}`;
}

function outcome(quarter: string, measure: string, group: string, column: string): string {
  return `y|${quarter}|${measure}|${group}|${column}`;
}

export function sumOf(atoms: readonly string[]): Expression {
  const terms: Expression = new Map();
  for (const atom of atoms) terms.set(atom, (terms.get(atom) ?? 0) + 1);
  return terms;
}
