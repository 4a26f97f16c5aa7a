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
  DisclosureRiskError,
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
import {
  NOT_OBSERVABLE_TEXT,
  TOTAL_LABEL,
  WINDOW_LABELS,
} from './report-labels';
import {
  planReport,
  type PlannedCountTable,
  type PlannedShareTable,
  type PlannedTable,
  type ReportMetrics,
} from './report-plan';
import {
  reportTemplate,
  type EvaluationReportTemplate,
} from './report-templates';
import { ALL_CLIENTS_KEY, statusResponse } from './status-tables';
import { timeToEventResponse } from './time-to-event';
import { auditReleases, type ReleasedFigure } from '../releases/release-audit';
import { scopeKey, type FigureScope } from '../releases/figure-scope';
import {
  releasedFigures,
  truthOf,
  windowFigures,
  withWindowFigures,
  type ReleasedTable,
} from '../releases/release-figures';

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
  return buildReleaseSections(template, metrics, k).sections;
}

/** A report's sections and the figures to record in the release ledger. */
export interface BuiltRelease {
  readonly sections: EvaluationSectionResponse[];
  readonly figures: ReleasedFigure[];
}

/** More repairs than this means something is wrong (each repair suppresses at least one more figure). */
const MAX_REPAIRS = 2_000;

/**
 * As {@link buildReportSections}, and then audits the release together with `prior` (the figures of overlapping
 * quarters already in the release ledger; see `auditReleases`) and its window figures (`windowFigures`; in a first
 * release only those: the tables' own audits protect the cells). While the audit fails, the smallest published
 * figure of the new release near the failing one (sharing an equation with it, not published before) is
 * suppressed too and the report's tables are suppressed again (so each table still passes its own audit). Old
 * releases are never changed. Terminates: with every new figure suppressed the LP is the old one, which passed.
 */
export function buildReleaseSections(
  template: EvaluationReportTemplate,
  metrics: ReportMetrics,
  k: number,
  ledger: readonly ReleasedFigure[] = [],
): BuiltRelease {
  let prior = ledger;
  const threshold = resolveK(k);
  const plan = planReport(template, metrics, threshold);
  const planned = plan.flatMap((section) => section.tables);
  const ids = planned.map((table) => table.id);
  if (new Set(ids).size !== ids.length)
    throw new InvalidReportMetricsError('duplicate table id');
  const counts = planned.filter(
    (t): t is PlannedCountTable => t.kind === 'count',
  );
  // The status tables' audited parts are linked with the count tables (the cohort sizes are shared margins) and
  // recorded in the ledger with their own families (`status:<id>:all`, linked to the cohort sizes).
  const statusCounts = planned.flatMap((t) =>
    t.kind === 'status' && t.counts ? [t.counts] : [],
  );
  const truth = truthOf(metrics);
  // Revisions: data change (an outcome recorded late, a closure, time passing). A published figure of the ledger
  // whose scope now has another true value describes an earlier state of the data; it is left out of the audit
  // (an LP over both states has no solution) and the new value replaces it when this release publishes it.
  // Figures whose quarters lie partly outside this report cannot be checked here: they stay in; if the data under
  // them changed so that no completion fits, the audit falls back to the checkable figures alone.
  const current = prior.filter((f) => {
    if (f.value === null) return true;
    const value = truth(f.scope);
    return value === undefined || value === f.value;
  });
  const checkable = current.filter(
    (f) => f.value === null || truth(f.scope) !== undefined,
  );
  prior = current;
  // Sums of adjacent outcome columns (reached within 24 or 36 months, …): audited as hidden figures of their own,
  // in the first release of their quarters too — there only they (each table's cells passed the table's own audit).
  const windows = windowFigures(counts.map((t) => t.scope));
  const windowKeys = new Set(windows.map((f) => scopeKey(f.scope)));
  const auditAgainstPrior = (release: ReleasedFigure[]) =>
    auditReleases({ prior, release, k: threshold, truth, only: prior.length === 0 ? windowKeys : undefined });
  const audit = (release: ReleasedFigure[]) => {
    try {
      return auditAgainstPrior(release);
    } catch (error) {
      if (!(error instanceof Error) || !/inconsistent/.test(error.message) || prior === checkable) throw error;
      prior = checkable;
      return auditAgainstPrior(release);
    }
  };
  const priorPublished = new Set(
    prior.filter((f) => f.value !== null).map((f) => scopeKey(f.scope)),
  );
  // A status table over the observable cohorts only has a grand total no response prints as such (the size of those
  // cohorts together); treated as published it would force the complement of a small cohort's size to be hidden in
  // every table. It starts suppressed instead (statusResponse prints it only where it follows from printed sizes).
  const forced = new Set<string>(
    statusCounts.flatMap((t) => {
      const key = t.table.sharedKeys?.grandTotal;
      return typeof key === 'string' && key !== ALL_CLIENTS_KEY ? [key] : [];
    }),
  );
  const refused = new Set<string>();
  const figuresOf = (tables: ReadonlyMap<string, PublishedCountTable>) =>
    withWindowFigures(releasedFigures(released([...counts, ...statusCounts], tables)), windows);
  let published = publishCounts(counts, statusCounts, threshold, forced);
  let figures = figuresOf(published);
  const priorValues = new Map(prior.map((f) => [scopeKey(f.scope), f.value]));
  for (let repairs = 0; prior.length > 0 || windows.length > 0; repairs++) {
    // Nothing new: every figure is in the ledger with the same value (published or suppressed alike), so the
    // release adds no equation and hides nothing the ledger does not — the ledger itself was audited (no LP).
    if (figures.every((f) => priorValues.get(scopeKey(f.scope)) === f.value))
      break;
    const result = audit(figures);
    if (result.passed) break;
    // One repair per failure at a time (distinct figures), then suppress and audit again.
    const chosen = new Map<string, ReleasedFigure>();
    for (const failure of result.failures) {
      const candidate = repairCandidate(
        figures.filter((f) => !chosen.has(scopeKey(f.scope))),
        priorPublished,
        refused,
        result.neighbours(failure.scope),
        result.atomsOf,
        windowKeys.has(scopeKey(failure.scope)) ? failure.scope : undefined,
      );
      if (candidate) chosen.set(scopeKey(candidate.scope), candidate);
    }
    // Nothing new left to suppress: every new figure is suppressed or was published before, so what is still
    // narrow is narrow in the ledger alone (old releases are never changed) — this release adds nothing to it.
    if (chosen.size === 0) break;
    if (repairs >= MAX_REPAIRS)
      throw new DisclosureRiskError([
        `${scopeKey(result.failures[0].scope)} across releases`,
      ]);
    for (const key of chosen.keys()) forced.add(`figure:${key}`);
    published = publishCounts(counts, statusCounts, threshold, forced);
    figures = figuresOf(published);
    for (const key of chosen.keys())
      if (figures.some((f) => scopeKey(f.scope) === key && f.value !== null))
        refused.add(key);
  }

  const shownKeys = publishedKeys(
    [...counts.filter((t) => t.withTotals), ...statusCounts],
    published,
  );
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
        return shareResponse(table, source, sourcePublished, threshold);
      }
      case 'status':
        return statusResponse(
          table,
          table.counts
            ? (published.get(table.id) as PublishedCountTable)
            : null,
          threshold,
          (key) => shownKeys.get(key) === true,
        );
      case 'timeToEvent':
        return timeToEventResponse(
          table,
          published.get(table.source),
          threshold,
        );
      case 'caseload':
        return caseloadResponse(table, threshold);
    }
  };
  return {
    sections: plan.map((section) => ({
      id: section.id,
      title: section.title,
      tables: section.tables.map(respond),
    })),
    figures,
  };
}

/**
 * Suppresses the count tables of a report: tables with totals through `suppressLinkedTables` together (shared
 * margins get one decision), each then checked by `assertProtected`; tables without totals (overlapping
 * categories) cell by cell. `forced`: entry keys the audit across releases wants suppressed.
 */
function publishCounts(
  counts: readonly PlannedCountTable[],
  statusCounts: readonly PlannedCountTable[],
  k: number,
  forced: ReadonlySet<string>,
): Map<string, PublishedCountTable> {
  const linked = [...counts.filter((t) => t.withTotals), ...statusCounts];
  const suppressed = suppressLinkedTables(
    linked.map((t) => t.table),
    { k, forcedKeys: forced },
  );
  const published = new Map<string, PublishedCountTable>();
  linked.forEach((t, i) => published.set(t.id, publishTable(suppressed[i])));
  linked.forEach((t) =>
    assertProtected(published.get(t.id) as PublishedCountTable, { k }),
  );
  for (const t of counts.filter((c) => !c.withTotals)) {
    const cellsOnly = publishCellsOnly(t.table, k, forced);
    assertCellsProtected(cellsOnly, k);
    published.set(t.id, cellsOnly);
  }
  return published;
}

function released(
  counts: readonly PlannedCountTable[],
  published: ReadonlyMap<string, PublishedCountTable>,
): ReleasedTable[] {
  return counts.map((t) => ({
    scope: t.scope,
    withTotals: t.withTotals,
    published: published.get(t.id) as PublishedCountTable,
  }));
}

/** The smallest published new figure sharing an equation with the failing one (ties by scope key). */
function repairCandidate(
  figures: readonly ReleasedFigure[],
  priorPublished: ReadonlySet<string>,
  refused: ReadonlySet<string>,
  near: ReadonlySet<string>,
  atomsOf: (scope: FigureScope) => string[],
  window?: FigureScope,
): ReleasedFigure | undefined {
  const open = figures.filter((f) => {
    const key = scopeKey(f.scope);
    return f.value !== null && !priorPublished.has(key) && !refused.has(key);
  });
  // A sum of adjacent outcome columns is read off its row (size minus the other cells): hide another cell of that
  // row, not the size (a size is shared by every table of the group; hiding it would hide the group everywhere).
  const sameRow = window
    ? open.filter(
        (f) =>
          f.scope.family === window.family &&
          f.scope.quarters.join() === window.quarters.join() &&
          f.scope.rows.join() === window.rows.join() &&
          f.scope.columns.every((c) => !window.columns.includes(c)),
      )
    : [];
  const touching = open.filter((f) =>
    atomsOf(f.scope).some((a) => near.has(a)),
  );
  const pool = sameRow.length > 0 ? sameRow : touching.length > 0 ? touching : open;
  return [...pool].sort(
    (a, b) =>
      (a.value as number) - (b.value as number) ||
      (scopeKey(a.scope) < scopeKey(b.scope) ? -1 : 1),
  )[0];
}

/** The whole report response (no creation date, so the same data gives the same bytes). */
export function buildEvaluationReport(input: {
  /** The request with the k it is built with (the municipality's policy; default 5). */
  request: EvaluationReportRequest & { k?: number };
  municipality: { code: string; name: string };
  metrics: ReportMetrics;
}): EvaluationReportResponse {
  return buildEvaluationRelease({ ...input, k: resolveK(input.request.k) })
    .report;
}

/** The report response and the figures it releases (for the ledger). `prior`: overlapping figures released before. */
export function buildEvaluationRelease(input: {
  request: EvaluationReportRequest;
  municipality: { code: string; name: string };
  metrics: ReportMetrics;
  k: number;
  prior?: readonly ReleasedFigure[];
  /** The same quarters one year earlier, as published (for the key figures' "Vorjahr"). */
  previous?: EvaluationReportResponse | null;
}): { report: EvaluationReportResponse; figures: ReleasedFigure[] } {
  const template = reportTemplate(input.request.template);
  const k = resolveK(input.k);
  const { total } = input.metrics;
  const built = buildReleaseSections(
    template,
    input.metrics,
    k,
    input.prior ?? [],
  );
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
    sections: built.sections,
  };
  return {
    report: withKeyFigures(report, input.previous ?? null),
    figures: built.figures,
  };
}

/** Adds the key figures read from the published tables of the report and of the previous year's report. */
export function withKeyFigures(
  report: EvaluationReportResponse,
  previous: EvaluationReportResponse | null,
): EvaluationReportResponse {
  return {
    ...report,
    keyFigures: keyFigures(report, previous),
    previousPeriod: previous
      ? {
          firstCohort: previous.period.firstCohort,
          lastCohort: previous.period.lastCohort,
        }
      : null,
  };
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
function publishCellsOnly(
  table: CountTable,
  k: number,
  forced: ReadonlySet<string>,
): PublishedCountTable {
  const isForced = (r: number, c: number) =>
    forced.has(table.entryKeys?.cells[r][c] ?? '');
  return {
    rowLabels: [...table.rowLabels],
    columnLabels: [...table.columnLabels],
    cells: table.cells.map((row, r) =>
      row.map((value, c) => (value >= k && !isForced(r, c) ? value : null)),
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
  k: number,
): EvaluationTableResponse {
  const raw = source.table;
  const rawRows = [
    ...raw.cells.map((cells, r) => ({ cells, total: raw.rowTotals[r] })),
    { cells: raw.columnTotals, total: raw.grandTotal },
  ];
  const shownRows = [
    ...published.cells.map((cells, r) => ({
      cells,
      total: published.rowTotals[r],
    })),
    { cells: published.columnTotals, total: published.grandTotal },
  ];
  if (plan.observable.length !== rawRows.length)
    throw new InvalidReportMetricsError(`observable rows of ${plan.id}`);
  const offset = plan.atStartColumn ? 1 : 0;
  const rowLabels = [...raw.rowLabels, TOTAL_LABEL];
  const columnLabels: string[] = [...WINDOW_LABELS];
  const shown = (values: readonly (number | null)[]) =>
    values.every((v) => v !== null);
  /** Persons who could still reach the outcome: the row total minus those who had it at start. */
  const denominator = ({
    cells,
    total,
  }: {
    cells: readonly number[];
    total: number;
  }) => total - (plan.atStartColumn ? cells[0] : 0);
  /** The denominator follows from the printed row: total and at-start count, or every other cell. */
  const denominatorShown = (r: number) => {
    const { cells, total } = shownRows[r];
    return (
      (total !== null && (!plan.atStartColumn || cells[0] !== null)) ||
      shown(cells.slice(offset))
    );
  };
  /** The numerator follows from the printed row: the intervals up to the window, or the denominator and the cells after it. */
  const numeratorShown = (r: number, window: number) => {
    const { cells } = shownRows[r];
    return (
      shown(cells.slice(offset, offset + window + 1)) ||
      (denominatorShown(r) && shown(cells.slice(offset + window + 1)))
    );
  };
  const shares = suppressShareTable(
    {
      rowLabels,
      columnLabels,
      cells: rawRows.map((row) =>
        columnLabels.map((_, w) => ({
          numerator: row.cells
            .slice(offset, offset + w + 1)
            .reduce((sum, value) => sum + value, 0),
          denominator: denominator(row),
        })),
      ),
    },
    k,
    (rowLabel, columnLabel) => {
      const r = rowLabels.indexOf(rowLabel);
      const w = columnLabels.indexOf(columnLabel);
      return (
        !plan.observable[r][w] || !denominatorShown(r) || !numeratorShown(r, w)
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
      text: cells.map((cell, w) =>
        plan.observable[r][w] ? formatShare(cell) : NOT_OBSERVABLE_TEXT,
      ),
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

