import type { PdfNode } from '@wegweiser/api/documents';
import type {
  EvaluationReportResponse,
  EvaluationTableResponse,
} from '@wegweiser/shared/contracts';
import { SUPPRESSED_MARK } from '../../disclosure';

/**
 * Charts of the report as pdfmake vector graphics (`canvas`: rect, line, polyline) — no images — with axis and
 * value labels as real text placed over the canvas. Values are percentages (0–100) from published share tables;
 * `null` (suppressed) is drawn as a gap marked "·".
 */

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  /** One value per category; `null` = suppressed. */
  readonly values: readonly (number | null)[];
  /** Printed values (e.g. "43,3 %"), one per category. */
  readonly text: readonly string[];
}

export interface ChartData {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly yAxisLabel: string;
}

export const SERIES_COLORS = [
  '#1f5fa8',
  '#d9731a',
  '#2e8b3e',
  '#8e3fa8',
] as const;

const AXIS = { left: 40, right: 8, top: 8, bottom: 24 } as const;
const GRID = [0, 25, 50, 75, 100] as const;
const LABEL_SIZE = 7;
const GREY = '#555555';

/** Text at a position relative to the chart's top-left corner, centred (or right-aligned) in a box of `width`. */
function label(
  text: string,
  x: number,
  y: number,
  width: number,
  alignment: 'center' | 'right' | 'left',
  extra: PdfNode = {},
): PdfNode {
  return {
    relativePosition: { x, y },
    columns: [
      { width, text, alignment, fontSize: LABEL_SIZE, color: GREY, ...extra },
    ],
  };
}

interface Frame {
  readonly plotLeft: number;
  readonly plotTop: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
  readonly y: (percent: number) => number;
}

function frame(width: number, height: number): Frame {
  const plotWidth = width - AXIS.left - AXIS.right;
  const plotHeight = height - AXIS.top - AXIS.bottom;
  return {
    plotLeft: AXIS.left,
    plotTop: AXIS.top,
    plotWidth,
    plotHeight,
    y: (percent) =>
      AXIS.top + plotHeight * (1 - Math.min(100, Math.max(0, percent)) / 100),
  };
}

/** White background over the whole chart (so the canvas reserves room for the labels below the axis), grid lines, axes and y tick labels (0 %–100 %). */
function axes(
  f: Frame,
  width: number,
  height: number,
): { vectors: PdfNode[]; labels: PdfNode[] } {
  const vectors: PdfNode[] = [
    { type: 'rect', x: 0, y: 0, w: width, h: height, color: '#ffffff' },
  ];
  vectors.push(
    ...GRID.map((tick) => ({
      type: 'line',
      x1: f.plotLeft,
      y1: f.y(tick),
      x2: f.plotLeft + f.plotWidth,
      y2: f.y(tick),
      lineWidth: 0.5,
      lineColor: '#cccccc',
    })),
  );
  vectors.push(
    {
      type: 'line',
      x1: f.plotLeft,
      y1: f.plotTop,
      x2: f.plotLeft,
      y2: f.y(0),
      lineWidth: 0.8,
      lineColor: '#333333',
    },
    {
      type: 'line',
      x1: f.plotLeft,
      y1: f.y(0),
      x2: f.plotLeft + f.plotWidth,
      y2: f.y(0),
      lineWidth: 0.8,
      lineColor: '#333333',
    },
  );
  const labels = GRID.map((tick) =>
    label(`${tick}\u00a0%`, 0, f.y(tick) - 4.5, AXIS.left - 4, 'right'),
  );
  return { vectors, labels };
}

/** A row of coloured squares with the series names. */
function legend(series: readonly ChartSeries[]): PdfNode {
  return {
    margin: [AXIS.left, 2, 0, 0],
    columns: series.map((s) => ({
      width: 'auto',
      columns: [
        {
          width: 10,
          canvas: [{ type: 'rect', x: 0, y: 2, w: 7, h: 7, color: s.color }],
        },
        {
          width: 'auto',
          text: s.label,
          fontSize: LABEL_SIZE,
          margin: [0, 0, 12, 0],
        },
      ],
    })),
  };
}

function heading(data: ChartData): PdfNode[] {
  return [
    { text: data.title, bold: true, fontSize: 9, margin: [0, 6, 0, 2] },
    {
      text: data.yAxisLabel,
      fontSize: LABEL_SIZE,
      color: GREY,
      margin: [0, 0, 0, 2],
    },
  ];
}

/** Grouped vertical bars per category; a suppressed value leaves a gap with "·" on the axis. */
export function barChart(
  data: ChartData,
  width: number,
  height: number,
): PdfNode {
  const f = frame(width, height);
  const { vectors, labels } = axes(f, width, height);
  const slot = f.plotWidth / Math.max(1, data.categories.length);
  const barWidth = (slot * 0.7) / Math.max(1, data.series.length);
  data.categories.forEach((category, i) => {
    const groupLeft = f.plotLeft + i * slot + slot * 0.15;
    data.series.forEach((series, s) => {
      const x = groupLeft + s * barWidth;
      const value = series.values[i];
      if (value === null || value === undefined) {
        labels.push(
          label(SUPPRESSED_MARK, x, f.y(0) - 15, barWidth, 'center', {
            color: series.color,
            bold: true,
            fontSize: 12,
          }),
        );
        return;
      }
      const top = f.y(value);
      vectors.push({
        type: 'rect',
        x,
        y: top,
        w: barWidth * 0.92,
        h: Math.max(0.5, f.y(0) - top),
        color: series.color,
      });
      labels.push(
        label(series.text[i], x - 4, top - 8, barWidth + 8, 'center', {
          fontSize: 5.5,
        }),
      );
    });
    labels.push(
      label(category, f.plotLeft + i * slot, f.y(0) + 4, slot, 'center'),
    );
  });
  return chartNode(data, labels, vectors, height);
}

/** One polyline per series over the categories; segments next to a suppressed point are left out ("·" instead). */
export function lineChart(
  data: ChartData,
  width: number,
  height: number,
): PdfNode {
  const f = frame(width, height);
  const { vectors, labels } = axes(f, width, height);
  const slot = f.plotWidth / Math.max(1, data.categories.length);
  const xAt = (i: number) => f.plotLeft + slot * (i + 0.5);
  data.series.forEach((series) => {
    let run: { x: number; y: number }[] = [];
    const flush = () => {
      if (run.length > 1)
        vectors.push({
          type: 'polyline',
          points: run,
          lineWidth: 1.6,
          lineColor: series.color,
        });
      run = [];
    };
    series.values.forEach((value, i) => {
      if (value === null || value === undefined) {
        flush();
        labels.push(
          label(SUPPRESSED_MARK, xAt(i) - 10, f.y(0) - 15, 20, 'center', {
            color: series.color,
            bold: true,
            fontSize: 12,
          }),
        );
        return;
      }
      const point = { x: xAt(i), y: f.y(value) };
      run.push(point);
      vectors.push({
        type: 'rect',
        x: point.x - 2,
        y: point.y - 2,
        w: 4,
        h: 4,
        color: series.color,
      });
    });
    flush();
  });
  data.categories.forEach((category, i) =>
    labels.push(label(category, xAt(i) - slot / 2, f.y(0) + 4, slot, 'center')),
  );
  return chartNode(data, labels, vectors, height);
}

/** The canvas first (its white background would cover earlier text), then the labels, moved up by its height. */
function chartNode(
  data: ChartData,
  labels: PdfNode[],
  vectors: PdfNode[],
  height: number,
): PdfNode {
  const above = labels.map((node) => {
    const position = node['relativePosition'] as { x: number; y: number };
    return {
      ...node,
      relativePosition: { x: position.x, y: position.y - height },
    };
  });
  return {
    unbreakable: true,
    stack: [
      ...heading(data),
      { stack: [{ canvas: vectors }, ...above] },
      legend(data.series),
    ],
    margin: [0, 0, 0, 10],
  };
}

const findTable = (
  report: EvaluationReportResponse,
  id: string,
): EvaluationTableResponse | undefined =>
  report.sections.flatMap((s) => s.tables).find((t) => t.id === id);

const CHART_MEASURES = [
  ['b1', 'Deutsch B1 oder höher'],
  ['employment', 'Beschäftigung'],
  ['apprenticeship', 'Ausbildung'],
  ['studies', 'Studium'],
] as const;

/** Bar chart: share reaching B1 and employment within 24 months, per cohort (from the published share tables). */
export function cohortBarChartData(
  report: EvaluationReportResponse,
): ChartData | null {
  const series = CHART_MEASURES.slice(0, 2).flatMap(
    ([measure, name], i): ChartSeries[] => {
      const table = findTable(report, `outcomes.${measure}.shares`);
      if (!table) return [];
      const rows = table.rows.slice(0, -1);
      return [
        {
          label: name,
          color: SERIES_COLORS[i],
          values: rows.map((r) => r.values[1]),
          text: rows.map((r) => r.text[1]),
        },
      ];
    },
  );
  const first = findTable(report, 'outcomes.b1.shares');
  if (!first || series.length === 0) return null;
  return {
    title:
      'Anteil mit Deutsch B1 bzw. Beschäftigung innerhalb von 24 Monaten nach Kohorte',
    categories: first.rows.slice(0, -1).map((r) => r.label),
    series,
    yAxisLabel: 'Anteil der Personen der Kohorte in %',
  };
}

/** Line chart: cumulative share of all persons reaching each outcome within 12, 24 and 36 months. */
export function cumulativeLineChartData(
  report: EvaluationReportResponse,
): ChartData | null {
  const series = CHART_MEASURES.flatMap(([measure, name], i): ChartSeries[] => {
    const table = findTable(report, `outcomes.${measure}.shares`);
    const total = table?.rows[table.rows.length - 1];
    return total
      ? [
          {
            label: name,
            color: SERIES_COLORS[i],
            values: total.values,
            text: total.text,
          },
        ]
      : [];
  });
  if (series.length === 0) return null;
  return {
    title:
      'Anteil aller Personen mit dem Ergebnis innerhalb von 12, 24 und 36 Monaten',
    categories: ['12 Monate', '24 Monate', '36 Monate'],
    series,
    yAxisLabel: 'Anteil aller Personen des Berichtszeitraums in % (kumuliert)',
  };
}
