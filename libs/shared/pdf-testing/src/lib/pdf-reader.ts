import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Reads PDFs back in specs without poppler or system fonts: text and word
 * boxes with pdfjs-dist, pixels and drawn images with mupdf. Both are
 * ESM-only, so `read-pdf.mjs` runs them in a child Node process and these
 * functions return synchronously.
 *
 * Right-to-left text comes back in logical order, like it was typed. A
 * ligature glyph that stands for several letters (Arabic lam-alef) comes back
 * with those letters swapped in right-to-left text (poppler and mupdf do the
 * same): characters are reordered, not glyphs.
 */

/** A file path, or the PDF itself. */
export type PdfSource = string | Uint8Array;

/** A word in PDF points, origin at the top left of the page (like `pdftotext -bbox`). */
export interface PdfWord {
  /** 1-based. */
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** A rendered page: 3 bytes (R, G, B) per pixel, rows top to bottom, no padding. */
export interface RgbImage {
  width: number;
  height: number;
  data: Buffer;
}

const SCRIPT = join(__dirname, 'read-pdf.mjs');

function readPdf<T>(command: string, pdf: PdfSource, ...args: number[]): T {
  const fromFile = typeof pdf === 'string';
  const result = spawnSync(
    process.execPath,
    [SCRIPT, command, fromFile ? pdf : '-', ...args.map(String)],
    {
      input: fromFile ? undefined : pdf,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `read-pdf ${command} failed (${result.status ?? result.signal}): ${result.stderr}`,
    );
  }
  return JSON.parse(result.stdout) as T;
}

/**
 * The text of every page, each followed by a form feed (like `pdftotext`):
 * lines top to bottom; on a line, columns and table cells left to right,
 * separated by three spaces, the words of each in reading order.
 */
export function pdfText(pdf: PdfSource): string {
  return readPdf<string>('text', pdf);
}

/**
 * The text exactly as the PDF's glyphs and space characters give it, no spaces inferred from gaps (mupdf), pages
 * ended by form feeds: words drawn without a space between them run together, as for literal text readers.
 */
export function pdfGlyphText(pdf: PdfSource): string {
  return readPdf<string>('glyphs', pdf);
}

/** Every word with its box, page by page in the order of {@link pdfText}. */
export function pdfWords(pdf: PdfSource): PdfWord[] {
  return readPdf<PdfWord[]>('words', pdf);
}

export function pdfPageCount(pdf: PdfSource): number {
  return readPdf<number>('pages', pdf);
}

/** How many images (pictures and image masks) the pages draw; 0 for text and vector graphics only. */
export function pdfImageCount(pdf: PdfSource): number {
  return readPdf<number>('images', pdf);
}

/** Page `page` (1-based) rendered at `dpi` on white, like `pdftoppm -r <dpi>`. */
export function renderPage(
  pdf: PdfSource,
  page: number,
  dpi: number,
): RgbImage {
  const { width, height, rgb } = readPdf<{
    width: number;
    height: number;
    rgb: string;
  }>('render', pdf, page, dpi);
  return { width, height, data: Buffer.from(rgb, 'base64') };
}

/** An element of a tagged PDF's logical structure tree. */
export interface PdfStructureElement {
  /** Structure type as written (`H1`, `P`, `Table`, `TH`, `Figure`, …). */
  role: string;
  /** Alternative text (`/Alt`), if any. */
  alt?: string;
  /** Table header scope (`Column`, `Row`, `Both`) from the element's table attributes. */
  scope?: string;
  lang?: string;
  /** The text of the element's own marked content (not its children's). */
  text: string;
  children: PdfStructureElement[];
}

/** What makes a PDF tagged (PDF/UA basics) and its structure tree in document (reading) order. */
export interface PdfStructure {
  /** `/MarkInfo << /Marked true >>` in the catalog. */
  marked: boolean;
  /** The catalog's `/Lang`. */
  lang: string | null;
  /** `/ViewerPreferences << /DisplayDocTitle true >>`: viewers show the title, not the file name. */
  displayDocTitle: boolean;
  /** `/Title` of the document information dictionary. */
  title: string | null;
  /** The children of `/StructTreeRoot`; null when the PDF has none. */
  tree: PdfStructureElement[] | null;
  /** Titles of the top-level bookmarks (outline), in order. */
  outline: string[];
}

/** Reads back the catalog's tagging entries and the logical structure tree (mupdf objects, pdfjs text). */
export function pdfStructure(pdf: PdfSource): PdfStructure {
  return readPdf<PdfStructure>('structure', pdf);
}

/** Every element of a structure tree, depth first (document order). */
export function structureElements(
  tree: readonly PdfStructureElement[],
): PdfStructureElement[] {
  return tree.flatMap((element) => [
    element,
    ...structureElements(element.children),
  ]);
}

/** The text of an element and all its descendants, in order, whitespace collapsed. */
export function structureText(element: PdfStructureElement): string {
  return [element.text, ...element.children.map(structureText)]
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
