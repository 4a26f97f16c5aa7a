import {
  detectDirection,
  layoutBidiText,
  needsBidiLayout,
  withoutBidiControls,
  withoutOverrides,
  type FontFamily,
} from '@wegweiser/api/documents';
import {
  reportFont,
  type PdfKitDocument,
  type StructElement,
  type StructOptions,
} from './tagged-pdf';

/** How a piece of text looks. */
export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'right' | 'center';
}

/** Content area of a page, in points from the top-left corner. */
export interface PageFrame {
  left: number;
  width: number;
  top: number;
  /** Lowest y content may reach. */
  bottom: number;
}

/**
 * Draws into a tagged pdfkit document top to bottom, keeping a cursor `y`: every piece of text is marked content of
 * a structure element added to its parent in drawing (= reading) order; rules, fills and running footers are
 * marked as artifacts. Page breaks happen between blocks (`ensureSpace`); long paragraphs flow on, and pdfkit
 * continues their marked content on the next page.
 */
export class TaggedWriter {
  y: number;

  constructor(
    readonly doc: PdfKitDocument,
    readonly frame: PageFrame,
  ) {
    this.y = frame.top;
  }

  /** A new page when less than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.y + height > this.frame.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.frame.top;
  }

  /** A structure element appended to `parent`. */
  element(
    parent: StructElement,
    role: string,
    options: StructOptions = {},
  ): StructElement {
    const element = this.doc.struct(role, options);
    parent.add(element);
    return element;
  }

  /** Draws with `draw` as marked content of a new element `role` under `parent`. */
  tagged(
    parent: StructElement,
    role: string,
    draw: () => void,
    options: StructOptions = {},
  ): StructElement {
    const element = this.element(parent, role, options);
    this.mark(element, role, draw);
    element.end();
    return element;
  }

  /** Draws with `draw` as marked content of the (open) `element`. */
  mark(element: StructElement, role: string, draw: () => void): void {
    const content = this.doc.markStructureContent(role);
    draw();
    this.doc.endMarkedContent();
    element.add(content);
  }

  /** Draws decoration that is no content (rules, fills, repeated headers, footers) as an artifact. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Width of `text` on one line at `style`. */
  widthOf(text: string, style: TextStyle): number {
    this.setFont('NotoSans', style);
    return this.doc.widthOfString(withoutBidiControls(text));
  }

  /** Height of `text` in `width` at `style`. */
  heightOf(text: string, width: number, style: TextStyle): number {
    this.setFont('NotoSans', style);
    return this.doc.heightOfString(withoutBidiControls(text), { width });
  }

  /**
   * A block of text (heading, paragraph) at the cursor, across the full width unless given, tagged as `role`;
   * moves the cursor below it plus `after`.
   */
  block(
    parent: StructElement,
    role: string,
    text: string,
    style: TextStyle,
    spacing: { before?: number; after?: number; keepWithNext?: number } = {},
  ): StructElement {
    const before = spacing.before ?? 0;
    const height = this.heightOf(text, this.frame.width, style);
    this.ensureSpace(before + height + (spacing.keepWithNext ?? 0));
    if (this.y > this.frame.top) this.y += before;
    const pages = this.doc.bufferedPageRange().count;
    const element = this.tagged(parent, role, () => {
      this.drawText(text, this.frame.left, this.y, this.frame.width, style);
    });
    // Text taller than a page flows on (pdfkit adds the page); then the cursor is where pdfkit stopped.
    const flowed = this.doc.bufferedPageRange().count !== pages;
    this.y =
      (flowed ? this.doc.y : Math.max(this.y + height, this.doc.y)) +
      (spacing.after ?? 0);
    return element;
  }

  /**
   * Text at a position, wrapped in `width`. Text with right-to-left script (a municipality name from the data,
   * wrapped in `isolate()` by the caller) is laid out with the Unicode bidi algorithm into runs per font, as the
   * other documents do; other text goes to pdfkit as it is (bidi controls removed).
   */
  drawText(
    given: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
  ): void {
    const text = withoutOverrides(given);
    this.doc.fillColor(style.color ?? '#000000');
    if (!needsBidiLayout(text)) {
      this.setFont('NotoSans', style);
      this.doc.text(withoutBidiControls(text), x, y, {
        width,
        align: style.align ?? 'left',
      });
      return;
    }
    const direction = detectDirection(
      text,
      detectDirection(withoutBidiControls(text), 'ltr'),
    );
    const measure = (run: string, family: FontFamily) => {
      this.setFont(family, style);
      return this.doc.widthOfString(run);
    };
    const { lines } = layoutBidiText(text, {
      direction,
      maxWidth: width,
      measure,
    });
    const lineHeight = this.heightOf('Ag', width, style);
    // The runs are drawn in visual order; assistive technology and copy and paste get the logical text.
    this.doc.markContent('Span', { actual: withoutBidiControls(text) });
    lines.forEach((runs, i) => {
      const total = runs.reduce((sum, r) => sum + measure(r.text, r.font), 0);
      let left =
        (style.align ?? (direction === 'rtl' ? 'right' : 'left')) === 'right'
          ? x + width - total
          : x;
      for (const run of runs) {
        this.setFont(run.font, style);
        this.doc.text(run.text, left, y + i * lineHeight, { lineBreak: false });
        left += measure(run.text, run.font);
      }
    });
    this.doc.endMarkedContent();
    this.doc.y = y + lines.length * lineHeight;
  }

  private setFont(family: FontFamily, style: TextStyle): void {
    this.doc.font(reportFont(family, style.bold ?? false)).fontSize(style.size);
  }
}
