import {
  chartAltText,
  legendShapes,
  type Chart,
  type ChartData,
  type ChartShape,
} from './report-charts';
import { reportFont, type StructElement } from './tagged-pdf';
import type { TaggedWriter } from './tagged-writer';

const LEGEND_HEIGHT = 14;

/**
 * A chart in the report: its title as a paragraph, then one `Figure` (with a bounding box) holding the axis label,
 * the plot and the legend, whose alternative text states every value ({@link chartAltText}) and points to the
 * tables with the same figures.
 */
export function drawChartFigure(
  writer: TaggedWriter,
  parent: StructElement,
  data: ChartData,
  chart: Chart,
  kind: 'bar' | 'line',
  tablesHint: string,
): void {
  const { doc, frame } = writer;
  const titleStyle = { size: 9, bold: true };
  const axisStyle = { size: 7, color: '#555555' };
  const titleHeight = writer.heightOf(data.title, frame.width, titleStyle);
  const axisHeight = writer.heightOf(data.yAxisLabel, frame.width, axisStyle);
  const figureHeight = axisHeight + 2 + chart.height + LEGEND_HEIGHT;
  writer.ensureSpace(6 + titleHeight + 2 + figureHeight + 10);
  writer.block(parent, 'P', data.title, titleStyle, { before: 6, after: 2 });
  const top = writer.y;
  const measure = (text: string) => {
    doc.font(reportFont('NotoSans', false)).fontSize(7);
    return doc.widthOfString(text);
  };
  const shapes = [
    ...chart.shapes,
    ...legendShapes(data.series, chart.height + 2, measure),
  ];
  writer.tagged(
    parent,
    'Figure',
    () => {
      writer.drawText(data.yAxisLabel, frame.left, top, frame.width, axisStyle);
      const plotTop = top + axisHeight + 2;
      for (const shape of shapes) drawShape(writer, shape, frame.left, plotTop);
    },
    {
      alt: chartAltText(data, kind, tablesHint),
      bbox: [frame.left, top, frame.left + frame.width, top + figureHeight],
      placement: 'Block',
    },
  );
  writer.y = top + figureHeight + 10;
}

function drawShape(
  writer: TaggedWriter,
  shape: ChartShape,
  left: number,
  top: number,
): void {
  const { doc } = writer;
  switch (shape.type) {
    case 'rect':
      doc
        .rect(left + shape.x, top + shape.y, shape.w, shape.h)
        .fill(shape.color);
      return;
    case 'line':
      doc
        .lineWidth(shape.lineWidth)
        .moveTo(left + shape.x1, top + shape.y1)
        .lineTo(left + shape.x2, top + shape.y2)
        .stroke(shape.color);
      return;
    case 'polyline': {
      const [first, ...rest] = shape.points;
      doc.lineWidth(shape.lineWidth).moveTo(left + first.x, top + first.y);
      for (const point of rest) doc.lineTo(left + point.x, top + point.y);
      doc.stroke(shape.color);
      return;
    }
    case 'text':
      writer.drawText(shape.text, left + shape.x, top + shape.y, shape.width, {
        size: shape.size,
        color: shape.color,
        bold: shape.bold ?? false,
        align: shape.align,
      });
      return;
  }
}
