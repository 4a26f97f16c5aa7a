import type { StructElement } from './tagged-pdf';
import type { TaggedWriter } from './tagged-writer';

/** A table to draw: the header row and the body rows, each starting with its row label. */
export interface TableSpec {
  /** Column headers, the first over the row labels. */
  header: readonly string[];
  rows: readonly { cells: readonly string[]; bold: readonly boolean[] }[];
  /** Width of the first (row label) column; the others share the rest. */
  firstWidth: number;
  headerSize: number;
  cellSize: number;
  padding: number;
  /** Keep the whole table on one page when it fits on one. */
  keepTogether: boolean;
}

const HEADER_FILL = '#e8edf3';
const RULE = '#999999';
const PADDING_Y = 2;

interface TableGeometry {
  widths: number[];
  /** Font size of each header cell: smaller than `headerSize` where its longest word would not fit (never split a word). */
  headerSizes: number[];
  lefts: number[];
  headerHeight: number;
  heights: number[];
  /** Room the table needs at its start: all of it when kept together (and it fits a page), else header and first row. */
  startRoom: number;
}

/** Header words are never broken inside (a screen reader would read "sozialversicherun gspflichtig"). */
const MIN_HEADER_SIZE = 5;

function fittingHeaderSizes(writer: TaggedWriter, spec: TableSpec, widths: readonly number[]): number[] {
  return spec.header.map((text, c) => {
    const inner = widths[c] - 2 * spec.padding;
    const longest = Math.max(0, ...text.split(/\s+/).map((word) => writer.widthOf(word, { size: spec.headerSize, bold: true })));
    return longest <= inner ? spec.headerSize : Math.max(MIN_HEADER_SIZE, Math.floor(((spec.headerSize * inner * 0.95) / longest) * 10) / 10);
  });
}

const headerStyle = (spec: TableSpec, c: number, sizes: readonly number[]) => ({
  size: sizes[c] ?? spec.headerSize,
  bold: true,
  align: c === 0 ? ('left' as const) : ('right' as const),
});
const cellStyle = (spec: TableSpec, r: number, c: number) => ({
  size: spec.cellSize,
  bold: spec.rows[r].bold[c] ?? false,
  align: c === 0 ? ('left' as const) : ('right' as const),
});

function geometry(writer: TaggedWriter, spec: TableSpec): TableGeometry {
  const { frame } = writer;
  const others = spec.header.length - 1;
  const widths = [
    spec.firstWidth,
    ...Array.from(
      { length: others },
      () => (frame.width - spec.firstWidth) / Math.max(1, others),
    ),
  ];
  const lefts = widths.map(
    (_, c) => frame.left + widths.slice(0, c).reduce((a, b) => a + b, 0),
  );
  const rowHeight = (
    cells: readonly string[],
    style: (c: number) => { size: number; bold: boolean },
  ) =>
    Math.max(
      ...cells.map((text, c) =>
        writer.heightOf(text, widths[c] - 2 * spec.padding, style(c)),
      ),
    ) +
    2 * PADDING_Y;
  const headerSizes = fittingHeaderSizes(writer, spec, widths);
  const headerHeight = rowHeight(spec.header, (c) => headerStyle(spec, c, headerSizes));
  const heights = spec.rows.map((row, r) =>
    rowHeight(row.cells, (c) => cellStyle(spec, r, c)),
  );
  const total = headerHeight + heights.reduce((a, b) => a + b, 0);
  const startRoom =
    spec.keepTogether && total <= frame.bottom - frame.top
      ? total
      : headerHeight + (heights[0] ?? 0);
  return { widths, headerSizes, lefts, headerHeight, heights, startRoom };
}

/** Room a table needs at its start, so its title can be kept with it. */
export function tableStartRoom(writer: TaggedWriter, spec: TableSpec): number {
  return geometry(writer, spec).startRoom;
}

/**
 * A real table: `Table` › `TR` › `TH`/`TD`, the header cells `TH` with `/Scope /Column`, each row's label cell `TH`
 * with `/Scope /Row`, the figures `TD`. Rows never break; when the next row does not fit, the table goes on on the
 * next page under a repeated header row, which is an artifact (the header is in the structure once).
 */
export function drawTable(
  writer: TaggedWriter,
  parent: StructElement,
  spec: TableSpec,
): StructElement {
  const { frame } = writer;
  const { widths, headerSizes, lefts, headerHeight, heights, startRoom } =
    geometry(writer, spec);
  const inner = (c: number) => widths[c] - 2 * spec.padding;
  writer.ensureSpace(startRoom);

  const drawRow = (
    cells: readonly string[],
    height: number,
    style: (c: number) => {
      size: number;
      bold: boolean;
      align: 'left' | 'right';
    },
    tag: (c: number, draw: () => void) => void,
  ) => {
    cells.forEach((text, c) =>
      tag(c, () =>
        writer.drawText(
          text,
          lefts[c] + spec.padding,
          writer.y + PADDING_Y,
          inner(c),
          style(c),
        ),
      ),
    );
    writer.y += height;
  };
  const drawHeader = (row: StructElement | null) => {
    const top = writer.y;
    writer.artifact(() => {
      writer.doc
        .rect(frame.left, top, frame.width, headerHeight)
        .fill(HEADER_FILL);
    });
    drawRow(
      spec.header,
      headerHeight,
      (c) => headerStyle(spec, c, headerSizes),
      (c, draw) => {
        if (row) writer.tagged(row, 'TH', draw, { scope: 'Column' });
        else writer.artifact(draw);
      },
    );
    rule(writer, top, 0.6);
    rule(writer, writer.y, 0.6);
  };

  const table = writer.element(parent, 'Table');
  const headerRow = writer.element(table, 'TR');
  drawHeader(headerRow);
  headerRow.end();
  spec.rows.forEach((row, r) => {
    if (writer.y + heights[r] > frame.bottom) {
      writer.newPage();
      drawHeader(null);
    }
    const tr = writer.element(table, 'TR');
    drawRow(
      row.cells,
      heights[r],
      (c) => cellStyle(spec, r, c),
      (c, draw) =>
        c === 0
          ? writer.tagged(tr, 'TH', draw, { scope: 'Row' })
          : writer.tagged(tr, 'TD', draw),
    );
    tr.end();
    rule(writer, writer.y, 0.3);
  });
  table.end();
  return table;
}

function rule(writer: TaggedWriter, y: number, width: number): void {
  const { left, width: length } = writer.frame;
  writer.artifact(() => {
    writer.doc
      .lineWidth(width)
      .moveTo(left, y)
      .lineTo(left + length, y)
      .stroke(RULE);
  });
}
