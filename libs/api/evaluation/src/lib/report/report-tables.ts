import type {
  EvaluationReportRequest,
  EvaluationReportResponse,
  EvaluationSectionResponse,
  EvaluationTableResponse,
  EvaluationTableRowResponse,
} from '@wegweiser/shared/contracts';
import {
  assertProtected,
  countFootnote,
  formatCount,
  formatShare,
  publishTable,
  resolveK,
  shareFootnote,
  suppressLinkedTables,
  suppressShareTable,
  type CountTable,
  type PublishedCountTable,
  type ShareCell,
} from '../disclosure';
import { caseloadResponse } from './caseload-table';
import { keyFigures } from './key-figures';
import { InvalidReportMetricsError } from './report-cohorts';
import { TOTAL_LABEL, WINDOW_LABELS } from './report-labels';
import { medianFootnote } from './report-notes';
import {
  planReport,
  type PlannedCountTable,
  type PlannedMedianTable,
  type PlannedShareTable,
  type PlannedTable,
  type ReportMetrics,
} from './report-plan';
import {
  reportTemplate,
  type EvaluationReportTemplate,
} from './report-templates';
import { statusResponse } from './status-tables';
import { timeToEventResponse } from './time-to-event';

/**
 * Builds the published sections of a report from raw metrics:
 * 1. every count table with totals goes through `suppressLinkedTables` together (cohort sizes, group sizes and
 *    interval totals carry report-wide keys, so a figure hidden in one table is hidden in all);
 * 2. tables of overlapping categories (goals) print cells only: primary suppression, no margins;
 * 3. every published count table must pass `assertProtected` (no count below k, nothing recomputable) — else
 *    `DisclosureRiskError` and nothing is returned;
 * 4. shares come from the published interval tables: shown only if the share rule holds and every count they
 *    are computed from is shown; medians only if at least k people reached the outcome.
 * Pure and deterministic: rows and columns follow the period and the vocabularies, never the order of the metrics.
 */
export function buildReportSections(
  template: EvaluationReportTemplate,
  metrics: ReportMetrics,
  k: number,
): EvaluationSectionResponse[] {
  const threshold = resolveK(k);
  const plan = planReport(template, metrics);
  const planned = plan.flatMap((section) => section.tables);
  const ids = planned.map((table) => table.id);
  if (new Set(ids).size !== ids.length)
    throw new InvalidReportMetricsError('duplicate table id');

  const counts = planned.filter(
    (t): t is PlannedCountTable => t.kind === 'count',
  );
  const linked = [
    ...counts.filter((t) => t.withTotals),
    ...planned.flatMap((t) => (t.kind === 'status' && t.counts ? [t.counts] : [])),
  ];
  const suppressed = suppressLinkedTables(
    linked.map((t) => t.table),
    { k: threshold },
  );
  const published = new Map<string, PublishedCountTable>();
  linked.forEach((t, i) => published.set(t.id, publishTable(suppressed[i])));
  linked.forEach((t) =>
    assertProtected(published.get(t.id) as PublishedCountTable, {
      k: threshold,
    }),
  );
  for (const t of counts.filter((c) => !c.withTotals)) {
    const cellsOnly = publishCellsOnly(t.table, threshold);
    assertCellsProtected(cellsOnly, threshold);
    published.set(t.id, cellsOnly);
  }
  const shownKeys = publishedKeys(linked, published);

  const respond = (table: PlannedTable): EvaluationTableResponse => {
    switch (table.kind) {
      case 'count':
        return countResponse(
          table,
          published.get(table.id) as PublishedCountTable,
          threshold,
        );
      case 'share': {
        const source = counts.find((t) => t.id === table.source);
        const sourcePublished = published.get(table.source);
        if (!source || !sourcePublished)
          throw new InvalidReportMetricsError(`no count table ${table.source}`);
        return shareResponse(
          table,
          source,
          sourcePublished,
          shownKeys,
          threshold,
        );
      }
      case 'median':
        return medianResponse(table, threshold);
      case 'status':
        return statusResponse(
          table,
          table.counts ? (published.get(table.id) as PublishedCountTable) : null,
          threshold,
          (key) => shownKeys.get(key) === true,
        );
      case 'timeToEvent':
        return timeToEventResponse(table, published.get(table.source), threshold);
      case 'caseload':
        return caseloadResponse(table, threshold);
    }
  };
  return plan.map((section) => ({
    id: section.id,
    title: section.title,
    tables: section.tables.map(respond),
  }));
}

/** The whole report response (no creation date, so the same data gives the same bytes). */
export function buildEvaluationReport(input: {
  /** The request with the k it is built with (the municipality's policy; default 5). */
  request: EvaluationReportRequest & { k?: number };
  municipality: { code: string; name: string };
  metrics: ReportMetrics;
}): EvaluationReportResponse {
  const template = reportTemplate(input.request.template);
  const k = resolveK(input.request.k);
  const { total } = input.metrics;
  const report: EvaluationReportResponse = {
    template: template.id,
    title: template.title,
    municipality: {
      code: input.municipality.code,
      name: input.municipality.name,
    },
    period: {
      from: input.request.from,
      to: input.request.to,
      firstCohort: total.firstCohort,
      lastCohort: total.lastCohort,
    },
    granularity: template.granularity,
    k,
    keyFigures: [],
    previousPeriod: null,
    sections: buildReportSections(template, input.metrics, k),
  };
  // The previous year's report is not built here yet (integrator: build it from the same quarters one year
  // earlier, set `previousPeriod` and pass it instead of null).
  return { ...report, keyFigures: keyFigures(report, null) };
}

/** Report-wide keys of printed margins → whether they are shown (the same in every table after linking). */
function publishedKeys(
  tables: readonly PlannedCountTable[],
  published: ReadonlyMap<string, PublishedCountTable>,
): Map<string, boolean> {
  const shown = new Map<string, boolean>();
  for (const { id, table } of tables) {
    const keys = table.sharedKeys;
    const result = published.get(id) as PublishedCountTable;
    const pairs: [string | null | undefined, number | null][] = [
      ...result.rowTotals.map(
        (v, r): [string | null | undefined, number | null] => [
          keys?.rowTotals?.[r],
          v,
        ],
      ),
      ...result.columnTotals.map(
        (v, c): [string | null | undefined, number | null] => [
          keys?.columnTotals?.[c],
          v,
        ],
      ),
      [keys?.grandTotal, result.grandTotal],
    ];
    for (const [key, value] of pairs)
      if (typeof key === 'string') shown.set(key, value !== null);
  }
  return shown;
}

/** Cells below k hidden, margins not printed (categories overlap, so there is no additivity to protect). */
function publishCellsOnly(table: CountTable, k: number): PublishedCountTable {
  return {
    rowLabels: [...table.rowLabels],
    columnLabels: [...table.columnLabels],
    cells: table.cells.map((row) =>
      row.map((value) => (value >= k ? value : null)),
    ),
    rowTotals: table.rowTotals.map(() => null),
    columnTotals: table.columnTotals.map(() => null),
    grandTotal: null,
  };
}

/**
 * A table printed without margins has no additivity relation: each cell is a figure on its own, audited as a
 * 1×1 table (published only if ≥ k; a hidden one cannot be narrowed by anything printed).
 */
export function assertCellsProtected(
  table: PublishedCountTable,
  k: number,
): void {
  table.cells.forEach((row, r) =>
    row.forEach((value, c) =>
      assertProtected(
        {
          rowLabels: [table.rowLabels[r]],
          columnLabels: [table.columnLabels[c]],
          cells: [[value]],
          rowTotals: [value],
          columnTotals: [value],
          grandTotal: value,
        },
        { k },
      ),
    ),
  );
}

const countRow = (
  label: string,
  values: readonly (number | null)[],
): EvaluationTableRowResponse => ({
  label,
  values: [...values],
  text: values.map(formatCount),
});

function countResponse(
  plan: PlannedCountTable,
  table: PublishedCountTable,
  k: number,
): EvaluationTableResponse {
  const rows = plan.withTotals
    ? [
        ...table.rowLabels.map((label, r) =>
          countRow(label, [...table.cells[r], table.rowTotals[r]]),
        ),
        countRow(TOTAL_LABEL, [...table.columnTotals, table.grandTotal]),
      ]
    : table.rowLabels.map((label, r) => countRow(label, table.cells[r]));
  return {
    id: plan.id,
    kind: 'count',
    title: plan.title,
    rowHeading: plan.rowHeading,
    columnLabels: plan.withTotals
      ? [...table.columnLabels, TOTAL_LABEL]
      : [...table.columnLabels],
    rows,
    withTotals: plan.withTotals,
    footnotes: [countFootnote('de', k), ...plan.footnotes],
  };
}

/** A share in percent with one decimal, rounded half up in integer arithmetic (as `formatShare` prints it). */
export function sharePercent({ numerator, denominator }: ShareCell): number {
  return Math.floor((numerator * 2000 + denominator) / (2 * denominator)) / 10;
}

function shareResponse(
  plan: PlannedShareTable,
  source: PlannedCountTable,
  published: PublishedCountTable,
  shownKeys: ReadonlyMap<string, boolean>,
  k: number,
): EvaluationTableResponse {
  const raw = source.table;
  const rawRows = [...raw.cells, raw.columnTotals];
  const shownRows = [
    ...published.cells.map((cells, r) => ({
      cells,
      total: published.rowTotals[r],
    })),
    { cells: published.columnTotals, total: published.grandTotal },
  ];
  if (plan.denominators.length !== rawRows.length)
    throw new InvalidReportMetricsError(`denominators of ${plan.id}`);
  const rowLabels = [...raw.rowLabels, TOTAL_LABEL];
  const columnLabels: string[] = [...WINDOW_LABELS];
  const cumulative = (cells: readonly number[], window: number) =>
    cells.slice(0, window + 1).reduce((sum, value) => sum + value, 0);
  /** The numerator follows from the printed row: the cells up to the window, or the total and the cells after it. */
  const numeratorShown = (r: number, window: number) => {
    const { cells, total } = shownRows[r];
    const shown = (values: readonly (number | null)[]) =>
      values.every((v) => v !== null);
    return (
      shown(cells.slice(0, window + 1)) ||
      (total !== null && shown(cells.slice(window + 1)))
    );
  };
  const shares = suppressShareTable(
    {
      rowLabels,
      columnLabels,
      cells: rawRows.map((cells, r) =>
        columnLabels.map((_, w) => ({
          numerator: cumulative(cells, w),
          denominator: plan.denominators[r].value,
        })),
      ),
    },
    k,
    (rowLabel, columnLabel) => {
      const r = rowLabels.indexOf(rowLabel);
      return (
        shownKeys.get(plan.denominators[r].key) !== true ||
        !numeratorShown(r, columnLabels.indexOf(columnLabel))
      );
    },
  );
  return {
    id: plan.id,
    kind: 'share',
    title: plan.title,
    rowHeading: source.rowHeading,
    columnLabels,
    rows: shares.cells.map((cells, r) => ({
      label: rowLabels[r],
      values: cells.map((cell) => (cell === null ? null : sharePercent(cell))),
      text: cells.map(formatShare),
    })),
    withTotals: false,
    footnotes: [shareFootnote('de', k), ...plan.footnotes],
  };
}

/** Median months as printed: "7", "7,5" (one decimal at most). */
export function formatMedian(value: number | null): string {
  if (value === null) return formatCount(null);
  return String(value).replace('.', ',');
}

function medianResponse(
  plan: PlannedMedianTable,
  k: number,
): EvaluationTableResponse {
  return {
    id: plan.id,
    kind: 'median',
    title: plan.title,
    rowHeading: plan.rowHeading,
    columnLabels: [...plan.columnLabels],
    rows: plan.rows.map((row) => {
      const values = row.medians.map((median, c) =>
        median === null || row.reached[c] < k
          ? null
          : Math.round(median * 10) / 10,
      );
      return { label: row.label, values, text: values.map(formatMedian) };
    }),
    withTotals: false,
    footnotes: [medianFootnote(k), ...plan.footnotes],
  };
}
