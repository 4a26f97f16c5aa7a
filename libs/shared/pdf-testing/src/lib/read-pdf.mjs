/**
 * Reads a PDF for the tests in a process of its own (pdfjs-dist and mupdf are
 * ESM-only, and mupdf uses top-level await, while the jest suites run as
 * CommonJS). Called by pdf-reader.ts as
 *
 *   node read-pdf.mjs <command> <file, or - for stdin> [page dpi]
 *
 * and prints the result as JSON on stdout. Commands: text, words (pdfjs),
 * pages, render, images, glyphs (mupdf), structure (mupdf for the catalog and the raw structure tree, pdfjs for the text of
 * each marked-content sequence). Coordinates are PDF points with the origin at
 * the top left of the page, like `pdftotext -bbox`.
 */
import { readFileSync } from 'node:fs';
import { pageLines } from './text-layout.mjs';

// pdfjs prints its warnings with console.log, but stdout carries the result only.
// eslint-disable-next-line no-console -- not a log statement: redirects pdfjs's to stderr
console.log = console.error;

const round = (value) => Math.round(value * 100) / 100;

async function openPdfjs(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: bytes,
    verbosity: 0,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  return { pdfjs, document };
}

async function openMupdf(bytes) {
  const mupdf = await import('mupdf');
  return {
    mupdf,
    document: mupdf.Document.openDocument(bytes, 'application/pdf'),
  };
}

/** Every page as lines of segments of words, in reading order. */
async function readPages(bytes) {
  const { pdfjs, document } = await openPdfjs(bytes);
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    pages.push({ number, lines: await pageLines(page, pdfjs.Util) });
    page.cleanup();
  }
  await document.destroy();
  return pages;
}

/** Lines joined by newlines, columns by three spaces; every page ends with a form feed, as with pdftotext. */
async function text(bytes) {
  const pages = await readPages(bytes);
  return pages
    .map(
      ({ lines }) =>
        lines
          .map((line) =>
            line
              .map((segment) => segment.map((word) => word.text).join(' '))
              .join('   '),
          )
          .join('\n') + '\n\f',
    )
    .join('');
}

async function wordBoxes(bytes) {
  const pages = await readPages(bytes);
  return pages.flatMap(({ number, lines }) =>
    lines.flat(2).map((word) => ({
      page: number,
      xMin: round(word.xMin),
      yMin: round(word.yMin),
      xMax: round(word.xMax),
      yMax: round(word.yMax),
      text: word.text,
    })),
  );
}

async function pageCount(bytes) {
  const { document } = await openMupdf(bytes);
  return document.countPages();
}

/** One page at `dpi` as tightly packed RGB bytes (base64), on white. */
async function render(bytes, pageNumber, dpi) {
  const { mupdf, document } = await openMupdf(bytes);
  if (
    !Number.isInteger(pageNumber) ||
    pageNumber < 1 ||
    pageNumber > document.countPages()
  ) {
    throw new RangeError(`page ${pageNumber} of ${document.countPages()}`);
  }
  const scale = dpi / 72;
  const pixmap = document
    .loadPage(pageNumber - 1)
    .toPixmap(
      mupdf.Matrix.scale(scale, scale),
      mupdf.ColorSpace.DeviceRGB,
      false,
    );
  const [width, height, stride] = [
    pixmap.getWidth(),
    pixmap.getHeight(),
    pixmap.getStride(),
  ];
  const pixels = pixmap.getPixels();
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    rgb.set(pixels.subarray(y * stride, y * stride + width * 3), y * width * 3);
  return { width, height, rgb: rgb.toString('base64') };
}

/**
 * The text as drawn: the characters of the glyphs and the space characters the PDF holds, with no space inferred
 * from gaps between words (mupdf `inhibit-spaces`). Words set without space glyphs (e.g. justified by positioning)
 * run together here, as they do for tools that read the text layer literally.
 */
async function glyphText(bytes) {
  const { document } = await openMupdf(bytes);
  const pages = [];
  for (let index = 0; index < document.countPages(); index++)
    pages.push(
      document.loadPage(index).toStructuredText('inhibit-spaces').asText() +
        '\f',
    );
  return pages.join('');
}

/** How many images (pictures and image masks) the pages draw. */
async function images(bytes) {
  const { mupdf, document } = await openMupdf(bytes);
  let drawn = 0;
  const count = () => void drawn++;
  const device = new mupdf.Device({
    fillImage: count,
    fillImageMask: count,
    clipImageMask: count,
  });
  for (let index = 0; index < document.countPages(); index++)
    document.loadPage(index).run(device, mupdf.Matrix.identity);
  device.close();
  return drawn;
}

/** A PDF string/name/number as JS, or undefined when absent. */
const value = (object) => {
  if (!object || object.isNull()) return undefined;
  if (object.isName()) return object.asName();
  if (object.isString()) return object.asString();
  if (object.isBoolean()) return object.asBoolean();
  if (object.isNumber()) return object.asNumber();
  return undefined;
};

/** The text pdfjs reads inside each marked-content sequence, by `page:mcid` (page 1-based). */
async function markedText(bytes) {
  const { document } = await openPdfjs(bytes);
  const texts = new Map();
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open = [];
    for (const item of content.items) {
      if (
        item.type === 'beginMarkedContentProps' ||
        item.type === 'beginMarkedContent'
      ) {
        const mcid = /_mc(\d+)$/.exec(item.id ?? '')?.[1];
        open.push(mcid === undefined ? null : `${number}:${mcid}`);
      } else if (item.type === 'endMarkedContent') {
        open.pop();
      } else if (typeof item.str === 'string') {
        const key = open.findLast((entry) => entry !== null);
        if (key)
          texts.set(
            key,
            (texts.get(key) ?? '') + item.str + (item.hasEOL ? ' ' : ''),
          );
      }
    }
    page.cleanup();
  }
  await document.destroy();
  return texts;
}

/**
 * The tagged-PDF facts of a document: catalog (MarkInfo, Lang, ViewerPreferences), the Info title, and the
 * logical structure tree in document order — role, Alt, Scope (table attributes), Lang, the children, and the
 * text of the element's own marked content.
 */
async function structure(bytes) {
  // pdfjs takes over (detaches) the buffer it is given.
  const texts = await markedText(bytes.slice());
  const { document: opened } = await openMupdf(bytes);
  const document = opened.asPDF();
  const trailer = document.getTrailer();
  const root = trailer.get('Root');
  const pageNumbers = new Map();
  for (let index = 0; index < document.countPages(); index++)
    pageNumbers.set(document.findPage(index).asIndirect(), index + 1);
  const pageOf = (object) =>
    object && object.isIndirect()
      ? pageNumbers.get(object.asIndirect())
      : undefined;
  const seen = new Set();
  const element = (object, inheritedPage) => {
    if (object.isIndirect()) {
      if (seen.has(object.asIndirect())) return null;
      seen.add(object.asIndirect());
    }
    const page = pageOf(object.get('Pg')) ?? inheritedPage;
    const node = { role: value(object.get('S')), children: [], text: '' };
    const alt = value(object.get('Alt'));
    if (alt !== undefined) node.alt = alt;
    const lang = value(object.get('Lang'));
    if (lang !== undefined) node.lang = lang;
    const attributes = object.get('A');
    const attributeList = [];
    if (attributes.isArray())
      attributes.forEach((entry) => attributeList.push(entry.resolve()));
    else if (attributes.isDictionary()) attributeList.push(attributes);
    for (const attribute of attributeList.filter((a) => a.isDictionary())) {
      const scope = value(attribute.get('Scope'));
      if (scope !== undefined) node.scope = scope;
    }
    const kids = object.get('K');
    const list = [];
    if (kids.isArray()) kids.forEach((kid) => list.push(kid));
    else if (!kids.isNull()) list.push(kids);
    for (const kid of list) {
      if (kid.isInteger()) {
        node.text += texts.get(`${page}:${kid.asNumber()}`) ?? '';
      } else if (kid.isDictionary() && value(kid.get('Type')) === 'MCR') {
        const mcrPage = pageOf(kid.get('Pg')) ?? page;
        node.text += texts.get(`${mcrPage}:${value(kid.get('MCID'))}`) ?? '';
      } else if (kid.isDictionary() && kid.get('S').isName()) {
        const child = element(kid, page);
        if (child) node.children.push(child);
      }
    }
    return node;
  };
  const treeRoot = root.get('StructTreeRoot');
  const tree = treeRoot.isNull() ? null : element(treeRoot, undefined);
  return {
    marked: value(root.get('MarkInfo', 'Marked')) === true,
    lang: value(root.get('Lang')) ?? null,
    displayDocTitle:
      value(root.get('ViewerPreferences', 'DisplayDocTitle')) === true,
    title: value(trailer.get('Info', 'Title')) ?? null,
    tree: tree ? tree.children : null,
    outline: (opened.loadOutline() ?? []).map((item) => item.title ?? ''),
  };
}

const COMMANDS = {
  text,
  words: wordBoxes,
  pages: pageCount,
  render: (bytes, page, dpi) => render(bytes, Number(page), Number(dpi)),
  images,
  structure,
  glyphs: glyphText,
};

const [command, source, ...args] = process.argv.slice(2);
try {
  const run = COMMANDS[command];
  if (!run || !source)
    throw new Error(
      `usage: read-pdf.mjs <${Object.keys(COMMANDS).join('|')}> <file|-> [page dpi]`,
    );
  const bytes = new Uint8Array(readFileSync(source === '-' ? 0 : source));
  process.stdout.write(JSON.stringify(await run(bytes, ...args)));
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
}
