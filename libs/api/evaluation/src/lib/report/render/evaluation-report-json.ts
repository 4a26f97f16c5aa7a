import type {
  EvaluationReportResponse,
  EvaluationSectionResponse,
  EvaluationTableResponse,
} from '@wegweiser/shared/contracts';

/** The report with its keys in the contract's order (whatever order the object was built in). */
export function orderedReport(
  report: EvaluationReportResponse,
): EvaluationReportResponse {
  return {
    template: report.template,
    title: report.title,
    municipality: {
      code: report.municipality.code,
      name: report.municipality.name,
    },
    period: {
      from: report.period.from,
      to: report.period.to,
      firstCohort: report.period.firstCohort,
      lastCohort: report.period.lastCohort,
    },
    granularity: report.granularity,
    k: report.k,
    keyFigures: report.keyFigures.map((figure) => ({
      id: figure.id,
      label: figure.label,
      value: figure.value,
      text: figure.text,
      previous: figure.previous,
      previousText: figure.previousText,
    })),
    previousPeriod: report.previousPeriod
      ? {
          firstCohort: report.previousPeriod.firstCohort,
          lastCohort: report.previousPeriod.lastCohort,
        }
      : null,
    sections: report.sections.map(orderedSection),
  };
}

function orderedSection(
  section: EvaluationSectionResponse,
): EvaluationSectionResponse {
  return {
    id: section.id,
    title: section.title,
    tables: section.tables.map(orderedTable),
  };
}

function orderedTable(table: EvaluationTableResponse): EvaluationTableResponse {
  return {
    id: table.id,
    kind: table.kind,
    title: table.title,
    rowHeading: table.rowHeading,
    columnLabels: [...table.columnLabels],
    rows: table.rows.map((row) => ({
      label: row.label,
      values: [...row.values],
      text: [...row.text],
    })),
    withTotals: table.withTotals,
    footnotes: [...table.footnotes],
  };
}

/** The report as JSON (UTF-8, 2-space indent, keys in the contract's order, final newline): byte-stable. */
export function evaluationReportJson(report: EvaluationReportResponse): string {
  return `${JSON.stringify(orderedReport(report), null, 2)}\n`;
}
