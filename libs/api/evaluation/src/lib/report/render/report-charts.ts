import type {
  EvaluationReportResponse,
  EvaluationTableResponse,
} from '@wegweiser/shared/contracts';
import { SUPPRESSED_MARK } from '../../disclosure';

/**
 * Charts of the report as vector shapes (rect, line, polyline) — no images — with axis and value labels as real
 * text. Values are percentages (0–100) from published share tables; `null` (suppressed) is drawn as a gap marked
 * "·". The shapes are drawn by the PDF writer inside one `Figure` whose alternative text ({@link chartAltText})
 * states every figure; the same figures are in the share tables of the section.
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
  /** The published tables the values come from (the same figures as a table). */
  readonly tableIds: readonly string[];
}

/** A primitive of a chart, in points relative to the chart's top-left corner. */
export type ChartShape =
  | { type: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | {
      type: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      lineWidth: number;
      color: string;
    }
  | {
      type: 'polyline';
      points: { x: number; y: number }[];
      lineWidth: number;
      color: string;
    }
  | {
      type: 'text';
      text: string;
      x: number;
      y: number;
      width: number;
      align: 'center' | 'right' | 'left';
      size: number;
      color: string;
      bold?: boolean;
    };

export interface Chart {
  readonly shapes: readonly ChartShape[];
  /** Height of the plot with its axis labels (the legend goes below). */
  readonly height: number;
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

/** Text at a position relative to the chart's top-left corner, aligned in a box of `width`. */
function label(
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'center' | 'right' | 'left',
  extra: { color?: string; bold?: boolean; size?: number } = {},
): ChartShape {
  return {
    type: 'text',
    text,
    x,
    y,
    width,
    align,
    size: extra.size ?? LABEL_SIZE,
    color: extra.color ?? GREY,
    ...(extra.bold && { bold: true }),
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

/** Grid lines, axes and y tick labels (0 %–100 %). */
function axes(f: Frame): ChartShape[] {
  const line = (
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    lineWidth: number,
    color: string,
  ): ChartShape => ({ type: 'line', x1, y1, x2, y2, lineWidth, color });
  return [
    ...GRID.map((tick) =>
      line(
        f.plotLeft,
        f.y(tick),
        f.plotLeft + f.plotWidth,
        f.y(tick),
        0.5,
        '#cccccc',
      ),
    ),
    line(f.plotLeft, f.plotTop, f.plotLeft, f.y(0), 0.8, '#333333'),
    line(f.plotLeft, f.y(0), f.plotLeft + f.plotWidth, f.y(0), 0.8, '#333333'),
    ...GRID.map((tick) =>
      label(`${tick}\u00a0%`, 0, f.y(tick) - 4.5, AXIS.left - 4, 'right'),
    ),
  ];
}

/** A row of coloured squares with the series names below the plot; `measure` gives a label's width. */
export function legendShapes(
  series: readonly ChartSeries[],
  top: number,
  measure: (text: string) => number,
): ChartShape[] {
  let x = AXIS.left;
  return series.flatMap((s): ChartShape[] => {
    const shapes: ChartShape[] = [
      { type: 'rect', x, y: top + 2, w: 7, h: 7, color: s.color },
      label(s.label, x + 10, top, measure(s.label) + 2, 'left', {
        color: '#000000',
      }),
    ];
    x += 10 + measure(s.label) + 12;
    return shapes;
  });
}

/** Grouped vertical bars per category; a suppressed value leaves a gap with "·" on the axis. */
export function barChart(
  data: ChartData,
  width: number,
  height: number,
): Chart {
  const f = frame(width, height);
  const shapes = axes(f);
  const slot = f.plotWidth / Math.max(1, data.categories.length);
  const barWidth = (slot * 0.7) / Math.max(1, data.series.length);
  data.categories.forEach((category, i) => {
    const groupLeft = f.plotLeft + i * slot + slot * 0.15;
    data.series.forEach((series, s) => {
      const x = groupLeft + s * barWidth;
      const value = series.values[i];
      if (value === null || value === undefined) {
        shapes.push(
          label(SUPPRESSED_MARK, x, f.y(0) - 15, barWidth, 'center', {
            color: series.color,
            bold: true,
            size: 12,
          }),
        );
        return;
      }
      const top = f.y(value);
      shapes.push({
        type: 'rect',
        x,
        y: top,
        w: barWidth * 0.92,
        h: Math.max(0.5, f.y(0) - top),
        color: series.color,
      });
      shapes.push(
        label(series.text[i], x - 4, top - 8, barWidth + 8, 'center', {
          size: 5.5,
        }),
      );
    });
    shapes.push(
      label(category, f.plotLeft + i * slot, f.y(0) + 4, slot, 'center'),
    );
  });
  return { shapes, height };
}

/** One polyline per series over the categories; segments next to a suppressed point are left out ("·" instead). */
export function lineChart(
  data: ChartData,
  width: number,
  height: number,
): Chart {
  const f = frame(width, height);
  const shapes = axes(f);
  const slot = f.plotWidth / Math.max(1, data.categories.length);
  const xAt = (i: number) => f.plotLeft + slot * (i + 0.5);
  data.series.forEach((series) => {
    let run: { x: number; y: number }[] = [];
    const flush = () => {
      if (run.length > 1)
        shapes.push({
          type: 'polyline',
          points: run,
          lineWidth: 1.6,
          color: series.color,
        });
      run = [];
    };
    series.values.forEach((value, i) => {
      if (value === null || value === undefined) {
        flush();
        shapes.push(
          label(SUPPRESSED_MARK, xAt(i) - 10, f.y(0) - 15, 20, 'center', {
            color: series.color,
            bold: true,
            size: 12,
          }),
        );
        return;
      }
      const point = { x: xAt(i), y: f.y(value) };
      run.push(point);
      shapes.push({
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
    shapes.push(label(category, xAt(i) - slot / 2, f.y(0) + 4, slot, 'center')),
  );
  return { shapes, height };
}

/**
 * The chart's alternative text: what it shows and every printed value per category and series ("·" read as
 * "nicht ausgewiesen"), and where the same figures stand as a table.
 */
export function chartAltText(
  data: ChartData,
  kind: 'bar' | 'line',
  tablesHint: string,
): string {
  const spoken = (text: string) =>
    text === SUPPRESSED_MARK ? 'nicht ausgewiesen' : text;
  const values = data.categories
    .map(
      (category, i) =>
        `${category}: ${data.series
          .map((s) => `${s.label} ${spoken(s.text[i] ?? SUPPRESSED_MARK)}`)
          .join(', ')}`,
    )
    .join('; ');
  const type = kind === 'bar' ? 'Säulendiagramm' : 'Liniendiagramm';
  return `${type}: ${data.title}. ${data.yAxisLabel}. ${values}. ${tablesHint}`;
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
    tableIds: CHART_MEASURES.slice(0, 2)
      .map(([measure]) => `outcomes.${measure}.shares`)
      .filter((id) => findTable(report, id)),
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
    tableIds: CHART_MEASURES.map(
      ([measure]) => `outcomes.${measure}.shares`,
    ).filter((id) => findTable(report, id)),
  };
}
