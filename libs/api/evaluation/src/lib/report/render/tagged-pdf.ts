import { fontFile, type FontFamily } from '@wegweiser/api/documents';
import { createRequire } from 'node:module';

/**
 * A tagged PDF written with pdfkit, pdfmake's own engine, used directly. pdfmake 0.3.11 passes `tagged` and
 * `language` on to pdfkit but creates no structure elements: its layout keeps no link from a drawn line back to the
 * node it came from, so headings, table header cells and figures could only be tagged by patching its renderer.
 * pdfkit has the tagged-PDF API (structure elements, marked content, artifacts), so the report lays itself out here
 * and tags what it draws. The small surface of pdfkit 0.19 used is typed below (pdfkit ships no types).
 */

/** A structure element (`/StructElem`): children are elements or marked content. */
export interface StructElement {
  add(child: StructElement | StructContent): StructElement;
  end(): void;
}

/** A marked-content sequence tied to a structure element (one MCID per page it spans). */
export type StructContent = object & { readonly refs: unknown[] };

export interface StructOptions {
  alt?: string;
  lang?: string;
  /** Table header scope, written as the `/Table` attribute `/Scope`. */
  scope?: 'Column' | 'Row' | 'Both';
  title?: string;
  /** Layout `/BBox` as [left, top, right, bottom] from the page's top-left corner (pdfkit flips it). */
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

export interface TextOptions {
  width?: number;
  height?: number;
  align?: 'left' | 'right' | 'center';
  lineBreak?: boolean;
  continued?: boolean;
  lineGap?: number;
}

interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
}

/** The part of pdfkit's `PDFDocument` the report uses. */
export interface PdfKitDocument {
  x: number;
  y: number;
  page: {
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
  };
  outline: OutlineItem;
  addPage(): PdfKitDocument;
  switchToPage(index: number): PdfKitDocument;
  bufferedPageRange(): { start: number; count: number };
  font(name: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  fillColor(color: string): PdfKitDocument;
  strokeColor(color: string): PdfKitDocument;
  lineWidth(width: number): PdfKitDocument;
  text(
    text: string,
    x?: number,
    y?: number,
    options?: TextOptions,
  ): PdfKitDocument;
  heightOfString(text: string, options?: TextOptions): number;
  widthOfString(text: string): number;
  rect(x: number, y: number, w: number, h: number): PdfKitDocument;
  moveTo(x: number, y: number): PdfKitDocument;
  lineTo(x: number, y: number): PdfKitDocument;
  fill(color?: string): PdfKitDocument;
  stroke(color?: string): PdfKitDocument;
  save(): PdfKitDocument;
  restore(): PdfKitDocument;
  struct(type: string, options?: StructOptions): StructElement;
  addStructure(element: StructElement): PdfKitDocument;
  /** `type` for an Artifact, `actual` (ActualText) for a Span. */
  markContent(
    tag: string,
    options?: { type?: string; actual?: string },
  ): PdfKitDocument;
  markStructureContent(tag: string): StructContent;
  endMarkedContent(): PdfKitDocument;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  end(): void;
}

type PdfKitConstructor = new (options: object) => PdfKitDocument;

const localRequire = createRequire(__filename);

/**
 * The font file for text in `family` (Noto Sans, Vazirmatn: the documents' npm fonts). Fonts are selected by path,
 * not by a registered name: pdfkit 0.19 caches a registered name only when no font of the same name was opened
 * before (the document's default font is), and would parse the file again on every `font()` call.
 */
export function reportFont(family: FontFamily, bold: boolean): string {
  return fontFile(family, bold ? 'bold' : 'normal');
}

export interface TaggedDocumentOptions {
  title: string;
  /** Written as CreationDate (and so the file ID): the same report renders the same bytes. */
  createdAt: Date;
  margins: { top: number; bottom: number; left: number; right: number };
}

/**
 * An A4 tagged PDF (PDF 1.7, PDF/UA identifier): `/MarkInfo << /Marked true >>`, catalog `/Lang (de-DE)`, the title
 * in the metadata and shown as the window title (`DisplayDocTitle`), pages buffered so footers can say "von n".
 */
export function createTaggedDocument(
  options: TaggedDocumentOptions,
): PdfKitDocument {
  const PDFDocument = localRequire('pdfkit') as PdfKitConstructor;
  const doc = new PDFDocument({
    size: 'A4',
    margins: options.margins,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    bufferPages: true,
    font: fontFile('NotoSans', 'normal'),
    info: {
      Title: options.title,
      Creator: 'Wegweiser',
      Producer: 'Wegweiser',
      CreationDate: options.createdAt,
    },
  });
  return doc;
}

/** The finished document's bytes. */
export function pdfBytes(doc: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
