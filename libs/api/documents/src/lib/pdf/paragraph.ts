import {
  detectDirection,
  layoutBidiText,
  needsBidiLayout,
  TextDirection,
  withoutBidiControls,
  withoutOverrides,
} from './bidi-text';
import { measureText } from './fonts';

/** A pdfmake content node (pdfmake 0.3 ships no types). */
export type PdfContent = string | PdfNode | PdfContent[];
export interface PdfNode {
  [property: string]: unknown;
}

export interface ParagraphOptions {
  /** Width of the column in points; right-to-left text is broken into lines for it. */
  width: number;
  fontSize: number;
  bold?: boolean;
  /** Direction when the text has no strong character (e.g. only a date); else it is detected like `dir="auto"`. */
  direction?: TextDirection;
  /** Align by `direction` (the column's) instead of the text's own direction, e.g. a case number in an Arabic column. */
  alignToColumn?: boolean;
  color?: string;
  margin?: [number, number, number, number];
}

/** Text that would not fit after measuring is never re-wrapped by pdfmake, so keep a little room for rounding. */
const WIDTH_SAFETY = 0.98;

/**
 * A paragraph of any script for pdfmake: left-aligned left to right, or
 * right-aligned right to left with words in bidi order and Arabic letters in
 * Vazirmatn. Embeddings and overrides in `text` are dropped (see
 * `withoutOverrides`); user values inside a sentence go in `isolate()`.
 */
export function paragraph(given: string, options: ParagraphOptions): PdfNode {
  const text = withoutOverrides(given);
  // Like dir="auto": the first strong character outside isolates; a paragraph that is one isolated value takes the value's.
  const direction = detectDirection(
    text,
    detectDirection(withoutBidiControls(text), options.direction ?? 'ltr'),
  );
  const style = {
    fontSize: options.fontSize,
    bold: options.bold ?? false,
    alignment:
      (options.alignToColumn ? (options.direction ?? 'ltr') : direction) ===
      'rtl'
        ? 'right'
        : 'left',
    ...(options.color && { color: options.color }),
    ...(options.margin && { margin: options.margin }),
  };
  if (!needsBidiLayout(text))
    return { text: withoutBidiControls(text), font: 'NotoSans', ...style };

  const weight = options.bold ? 'bold' : 'normal';
  const laidOut = layoutBidiText(text, {
    direction,
    maxWidth: options.width * WIDTH_SAFETY,
    measure: (run, font) => measureText(run, font, weight, options.fontSize),
  });
  return {
    ...style,
    stack: laidOut.lines.map((runs) => ({
      text: runs.length
        ? runs.map((run) => ({ text: run.text, font: run.font, noWrap: true }))
        : ' ',
      font: 'NotoSans',
      noWrap: true,
      alignment: style.alignment,
    })),
  };
}
