import {
  EVALUATION_KEY_FIGURES,
  type EvaluationKeyFigure,
  type EvaluationKeyFigureResponse,
  type EvaluationReportResponse,
  type EvaluationTableResponse,
} from '@wegweiser/shared/contracts';
import { formatCount, formatShare, isSharePublishable, SUPPRESSED_MARK } from '../disclosure';
import { CASELOAD_TABLE_ID, formatDecimal } from './caseload-table';
import {
  EMPLOYMENT_STATUS_LABELS,
  NOT_OBSERVABLE,
  PLAN_STATUS_LABELS,
} from './outcome-texts';
import { INTERVAL_KEYS, INTERVAL_LABELS, TOTAL_LABEL } from './report-labels';
import { STATUS_TABLE_IDS } from './status-tables';

/** German labels of the key figures ("Kennzahlen auf einen Blick"). */
export const KEY_FIGURE_LABELS: Record<EvaluationKeyFigure, string> = {
  cohortSize: 'Personen in den Kohorten',
  b1Within24: 'Deutsch B1 innerhalb von 24 Monaten',
  employedAt24: 'In Beschäftigung nach 24 Monaten (sozialversicherungspflichtig oder selbständig)',
  apprenticeships: 'Begonnene Ausbildungen',
  plansAgreed: 'Integrationsplan vereinbart',
  averageCaseload: 'Betreuungen je Integrationsmanager/-in',
};
/** Printed as the previous value when there is no previous report. */
export const NO_PREVIOUS = 'nicht verfügbar';

const [WITHIN_0_11, WITHIN_12_23, WITHIN_24_35] = INTERVAL_KEYS.map((key) => INTERVAL_LABELS[key]);

/**
 * Where each figure is read (always from the published tables, so nothing bypasses disclosure control; a figure is
 * computed only from printed cells — a sum of them, or a printed total minus printed cells — else "·"):
 * - cohortSize: the "Insgesamt × Insgesamt" cell of the first table whose id starts with `cohorts.`;
 * - b1Within24: in `outcomes.b1`, the columns "0–11" + "12–23" summed over the cohorts observable for 24 months,
 *   i.e. the non-pending rows of `status.employment.month24`, whose "Insgesamt × Insgesamt" is the denominator;
 *   "noch nicht beobachtbar" when no cohort is observable; the share rule applies;
 * - employedAt24: `status.employment.month24`, row "Insgesamt": (sozialversicherungspflichtig + selbständig) /
 *   Insgesamt (mini-jobs are not counted as employment in the headline);
 * - apprenticeships: `outcomes.apprenticeship`, row "Insgesamt", the three interval columns (started after support
 *   start within 36 months, so far);
 * - plansAgreed: `plans.agreed`, row "Insgesamt": (within 3 months + later) / Insgesamt (cohorts observable for 3 months);
 * - averageCaseload: `caseload.average`, second column.
 */
export const KEY_FIGURE_SOURCES = {
  cohortSizePrefix: 'cohorts.',
  b1: { table: 'outcomes.b1', columns: [WITHIN_0_11, WITHIN_12_23] },
  observable24: STATUS_TABLE_IDS.employment(24),
  employedAt24: {
    table: STATUS_TABLE_IDS.employment(24),
    columns: [EMPLOYMENT_STATUS_LABELS.socialInsurance, EMPLOYMENT_STATUS_LABELS.selfEmployed],
  },
  apprenticeships: { table: 'outcomes.apprenticeship', columns: [WITHIN_0_11, WITHIN_12_23, WITHIN_24_35] },
  plans: { table: STATUS_TABLE_IDS.plans, columns: [PLAN_STATUS_LABELS.within3Months, PLAN_STATUS_LABELS.later] },
  caseload: CASELOAD_TABLE_ID,
} as const;

interface Figure {
  readonly value: number | null;
  readonly text: string;
}
const SUPPRESSED: Figure = { value: null, text: SUPPRESSED_MARK };

/** The key figures of `current`, each beside the same figure of `previous` (the same quarters one year earlier). */
export function keyFigures(
  current: EvaluationReportResponse,
  previous: EvaluationReportResponse | null,
): EvaluationKeyFigureResponse[] {
  const now = figuresOf(current);
  const before = previous ? figuresOf(previous) : null;
  return EVALUATION_KEY_FIGURES.map((id) => ({
    id,
    label: KEY_FIGURE_LABELS[id],
    value: now[id].value,
    text: now[id].text,
    previous: before ? before[id].value : null,
    previousText: before ? before[id].text : NO_PREVIOUS,
  }));
}

function figuresOf(report: EvaluationReportResponse): Record<EvaluationKeyFigure, Figure> {
  const tables = report.sections.flatMap((s) => s.tables);
  const byId = (id: string) => tables.find((t) => t.id === id);
  const k = report.k;
  const sizes = tables.find((t) => t.id.startsWith(KEY_FIGURE_SOURCES.cohortSizePrefix));
  const status24 = byId(KEY_FIGURE_SOURCES.observable24);
  const observable24 = status24 ? bodyRows(status24) : [];
  const notYet = (table: EvaluationTableResponse | undefined) => table !== undefined && bodyRows(table).length === 0;

  const b1Table = byId(KEY_FIGURE_SOURCES.b1.table);
  const b1: Figure = notYet(status24)
    ? { value: null, text: NOT_OBSERVABLE }
    : share(
        b1Table && linearSum(b1Table, observable24, KEY_FIGURE_SOURCES.b1.columns),
        status24 && grandTotal(status24),
        k,
      );
  const employed: Figure = notYet(status24)
    ? { value: null, text: NOT_OBSERVABLE }
    : share(
        status24 && linearSum(status24, [TOTAL_LABEL], KEY_FIGURE_SOURCES.employedAt24.columns),
        status24 && grandTotal(status24),
        k,
      );
  const plansTable = byId(KEY_FIGURE_SOURCES.plans.table);
  const plans: Figure = notYet(plansTable)
    ? { value: null, text: NOT_OBSERVABLE }
    : share(
        plansTable && linearSum(plansTable, [TOTAL_LABEL], KEY_FIGURE_SOURCES.plans.columns),
        plansTable && grandTotal(plansTable),
        k,
      );
  const apprenticeshipTable = byId(KEY_FIGURE_SOURCES.apprenticeships.table);
  const caseload = byId(KEY_FIGURE_SOURCES.caseload)?.rows[0]?.values[1] ?? null;
  return {
    cohortSize: count(sizes && grandTotal(sizes)),
    b1Within24: b1,
    employedAt24: employed,
    apprenticeships: count(
      apprenticeshipTable &&
        linearSum(apprenticeshipTable, [TOTAL_LABEL], KEY_FIGURE_SOURCES.apprenticeships.columns),
    ),
    plansAgreed: plans,
    averageCaseload: caseload === null ? SUPPRESSED : { value: caseload, text: formatDecimal(caseload) },
  };
}

function count(value: number | null | undefined): Figure {
  return typeof value === 'number' ? { value, text: formatCount(value) } : SUPPRESSED;
}

/** A share in percent (one decimal, half up) of two figures derived from printed cells, under the share rule. */
function share(numerator: number | null | undefined, denominator: number | null | undefined, k: number): Figure {
  if (typeof numerator !== 'number' || typeof denominator !== 'number' || denominator <= 0) return SUPPRESSED;
  if (numerator > denominator) return SUPPRESSED;
  const cell = { numerator, denominator };
  if (!isSharePublishable(cell, k)) return SUPPRESSED;
  return {
    value: Math.floor((numerator * 2000 + denominator) / (2 * denominator)) / 10,
    text: formatShare(cell),
  };
}

/** Rows of a table with totals other than "Insgesamt" and other than rows printed as not observable. */
function bodyRows(table: EvaluationTableResponse): string[] {
  return table.rows
    .filter((row) => row.label !== TOTAL_LABEL && !row.text.every((t) => t === NOT_OBSERVABLE))
    .map((row) => row.label);
}

/** "Insgesamt × Insgesamt" as far as it follows from the printed cells. */
function grandTotal(table: EvaluationTableResponse): number | null {
  return linearSum(table, [TOTAL_LABEL], table.columnLabels.filter((c) => c !== TOTAL_LABEL));
}

/**
 * The sum of the cells `rows × columns` of a published table with totals (last row and column "Insgesamt"), if it
 * follows from printed values: per row (the cells, or the row total minus the row's other cells), else per column
 * (the cells, or the column's "Insgesamt" minus the other body rows' cells), else — for the "Insgesamt" row — from
 * the body rows. Null when it does not follow (then it would be a new, unaudited figure) or a label is missing.
 */
export function linearSum(
  table: EvaluationTableResponse,
  rows: readonly string[],
  columns: readonly string[],
): number | null {
  if (!table.withTotals || table.columnLabels.at(-1) !== TOTAL_LABEL || table.rows.at(-1)?.label !== TOTAL_LABEL)
    return null;
  const bodyColumns = table.columnLabels.slice(0, -1);
  const wanted = columns.map((c) => bodyColumns.indexOf(c));
  if (wanted.some((c) => c < 0) || new Set(wanted).size !== wanted.length) return null;
  const others = bodyColumns.map((_, c) => c).filter((c) => !wanted.includes(c));
  const rowOf = (label: string) => table.rows.find((r) => r.label === label);
  const sum = (values: readonly (number | null | undefined)[]): number | null =>
    values.every((v) => typeof v === 'number') ? (values as number[]).reduce((s, v) => s + v, 0) : null;

  const byRow = (label: string): number | null => {
    const row = rowOf(label);
    if (!row) return null;
    const direct = sum(wanted.map((c) => row.values[c]));
    if (direct !== null) return direct;
    const total = row.values[bodyColumns.length];
    const rest = sum(others.map((c) => row.values[c]));
    return typeof total === 'number' && rest !== null ? total - rest : null;
  };
  const rowParts = sum(rows.map(byRow));
  if (rowParts !== null) return rowParts;

  const body = bodyRows(table);
  if (rows.includes(TOTAL_LABEL))
    return rows.length === 1 && body.length > 0 ? linearSum(table, body, columns) : null;
  if (rows.some((r) => !body.includes(r))) return null;
  const otherRows = body.filter((r) => !rows.includes(r));
  const totalRow = rowOf(TOTAL_LABEL);
  const byColumn = (c: number): number | null => {
    const direct = sum(rows.map((r) => rowOf(r)?.values[c]));
    if (direct !== null) return direct;
    const total = totalRow?.values[c];
    const rest = sum(otherRows.map((r) => rowOf(r)?.values[c]));
    return typeof total === 'number' && rest !== null ? total - rest : null;
  };
  return sum(wanted.map(byColumn));
}
