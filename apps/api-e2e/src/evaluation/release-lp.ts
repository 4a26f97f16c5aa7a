import solver from 'javascript-lp-solver';
import type { Model, SolveResult } from 'javascript-lp-solver';
import type { EvaluationReportResponse, EvaluationTableResponse } from '@wegweiser/shared/contracts';

/**
 * The test's own model of what an attacker knows from published reports (independent of the production audit):
 * sizes x[quarter|group] and outcome counts y[quarter|measure|group|column] ≥ 0 of the groups of one breakdown,
 * related by the published figures of its tables (cohorts.<breakdown>, breakdown.<breakdown>.<measure>,
 * outcomes.<measure>) by their known meaning, and by the outcome columns of a measure adding up to the group size;
 * the status tables (status.*, plans.agreed: cohort × exclusive categories) as counts z[quarter|table|column] whose
 * categories add up to the cohort size (the sum of its groups); rows "noch nicht beobachtbar" print no figure.
 * `groups` are the printed labels of every group of the breakdown (they partition the persons); a table with
 * another label (e.g. a merged "übrige") is refused. LP relaxation (as the method).
 */
export type Expression = Map<string, number>;

const TOTAL = 'Insgesamt';
const NOT_OBSERVABLE = 'noch nicht beobachtbar';

export class ReleaseModel {
  private readonly equations: { terms: Expression; value: number }[] = [];
  readonly hidden: { what: string; terms: Expression }[] = [];
  private readonly variables = new Set<string>();
  private readonly outcomeColumns = new Map<string, string[]>();
  private readonly statusColumns = new Map<string, string[]>();

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
      if (table.id.startsWith('status.') || table.id === 'plans.agreed') this.addStatus(report, table);
    }
  }

  /** Ids of the status tables read so far. */
  get statusTables(): string[] {
    return [...this.statusColumns.keys()];
  }

  private addStatus(report: EvaluationReportResponse, table: EvaluationTableResponse): void {
    const columns = table.columnLabels.filter((l) => l !== TOTAL);
    const known = this.statusColumns.get(table.id);
    if (known && known.join('|') !== columns.join('|')) throw new Error(`other status columns for ${table.id}`);
    if (!known) {
      this.statusColumns.set(table.id, columns);
      for (const q of this.quarters) {
        const terms: Expression = new Map(columns.map((c) => [status(q, table.id, c), 1]));
        for (const g of this.groups) terms.set(size(q, g), -1);
        for (const c of columns) this.variables.add(status(q, table.id, c));
        this.equations.push({ terms, value: 0 });
      }
    }
    const observable = table.rows.filter((r) => r.label !== TOTAL && r.text.some((t) => t !== NOT_OBSERVABLE)).map((r) => r.label);
    for (const row of table.rows) {
      if (row.text.every((t) => t === NOT_OBSERVABLE)) continue;
      const quarters = row.label === TOTAL ? observable : [row.label];
      row.values.forEach((value, c) => {
        const label = table.columnLabels[c];
        const atoms = quarters.flatMap((q) => (label === TOTAL ? this.groups.map((g) => size(q, g)) : [status(q, table.id, label)]));
        this.figure(`${report.period.firstCohort}…${report.period.lastCohort} ${table.id} ${row.label}/${label}`, sumOf(atoms), value);
      });
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

function status(quarter: string, table: string, column: string): string {
  return `z|${quarter}|${table}|${column}`;
}

export function sumOf(atoms: readonly string[]): Expression {
  const terms: Expression = new Map();
  for (const atom of atoms) terms.set(atom, (terms.get(atom) ?? 0) + 1);
  return terms;
}
