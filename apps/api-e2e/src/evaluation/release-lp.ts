import solver from 'javascript-lp-solver';
import type { Model, SolveResult } from 'javascript-lp-solver';
import type { EvaluationReportResponse, EvaluationTableResponse } from '@wegweiser/shared/contracts';

/**
 * The test's own model of what an attacker knows from published reports (independent of the production audit):
 * sizes x[quarter|gender] and outcome counts y[quarter|measure|gender|column] ≥ 0, related by the published
 * figures of the gender tables (cohorts.gender, breakdown.gender.<measure>, outcomes.<measure>) by their known
 * meaning, and by the outcome columns of a measure adding up to the group size. LP relaxation (as the method).
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
    readonly genders: readonly string[],
  ) {
    for (const q of quarters) for (const g of genders) this.variables.add(size(q, g));
  }

  /** Adds every gender-related count table of a published report. */
  addReport(report: EvaluationReportResponse): void {
    const mine = this.quarters.filter((q) => q >= report.period.firstCohort && q <= report.period.lastCohort);
    for (const table of report.sections.flatMap((s) => s.tables)) {
      if (table.kind !== 'count') continue;
      if (table.id === 'cohorts.gender') this.addSizes(report, table, mine);
      const breakdown = /^breakdown\.gender\.(\w+)$/.exec(table.id);
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
        const genders = label === TOTAL ? this.genders : [label];
        this.figure(`${report.period.firstCohort}…${report.period.lastCohort} cohorts.gender ${row.label}/${label}`, sumOf(quarters.flatMap((q) => genders.map((g) => size(q, g)))), value);
      });
    }
  }

  private addBreakdown(report: EvaluationReportResponse, table: EvaluationTableResponse, measure: string, mine: readonly string[]): void {
    const columns = table.columnLabels.filter((l) => l !== TOTAL);
    const known = this.outcomeColumns.get(measure);
    if (known && known.join('|') !== columns.join('|')) throw new Error(`other outcome columns for ${measure}`);
    if (!known) this.link(measure, columns);
    for (const row of table.rows) {
      const genders = row.label === TOTAL ? this.genders : [row.label];
      row.values.forEach((value, c) => {
        const label = table.columnLabels[c];
        const atoms = mine.flatMap((q) => genders.flatMap((g) => (label === TOTAL ? [size(q, g)] : [outcome(q, measure, g, label)])));
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
        const atoms = quarters.flatMap((q) => this.genders.map((g) => (label === TOTAL ? size(q, g) : outcome(q, measure, g, label))));
        this.figure(`${report.period.firstCohort}…${report.period.lastCohort} ${table.id} ${row.label}/${label}`, sumOf(atoms), value);
      });
    }
  }

  /** The outcome columns of a measure add up to the group size, per quarter and gender. */
  private link(measure: string, columns: string[]): void {
    this.outcomeColumns.set(measure, columns);
    for (const q of this.quarters)
      for (const g of this.genders) {
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

export function size(quarter: string, gender: string): string {
  return `x|${quarter}|${gender}`;
}

function outcome(quarter: string, measure: string, gender: string, column: string): string {
  return `y|${quarter}|${measure}|${gender}|${column}`;
}

export function sumOf(atoms: readonly string[]): Expression {
  const terms: Expression = new Map();
  for (const atom of atoms) terms.set(atom, (terms.get(atom) ?? 0) + 1);
  return terms;
}
