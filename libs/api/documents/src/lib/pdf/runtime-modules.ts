import type { Bidi } from 'bidi-js';
import { createRequire } from 'node:module';

/**
 * The packages the PDF code needs, loaded at run time; fontkit and pdfmake
 * ship no types, so the small surface used here is typed below.
 * `createRequire(__filename)` also resolves them from inside the API's
 * webpack bundle (node_modules stay external there).
 */
const localRequire = createRequire(__filename);

/** The part of fontkit used to measure text exactly as pdfkit lays it out. */
export interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number; direction: 'ltr' | 'rtl' };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface Fontkit {
  openSync(path: string): FontkitFont;
}

/** The part of pdfmake 0.3's Node API used here (a process-wide singleton). */
export interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

let bidi: Bidi | undefined;

/** The bidi-js instance (created once). */
export function loadBidi(): Bidi {
  bidi ??= (localRequire('bidi-js') as () => Bidi)();
  return bidi;
}

export function loadFontkit(): Fontkit {
  return localRequire('fontkit') as Fontkit;
}

export function loadPdfMake(): PdfMake {
  return localRequire('pdfmake') as PdfMake;
}

/** Absolute path of a file inside an installed package. */
export function resolvePackageFile(request: string): string {
  return localRequire.resolve(request);
}
