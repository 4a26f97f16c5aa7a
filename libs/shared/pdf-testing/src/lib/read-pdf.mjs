/**
 * Reads a PDF for the tests in a process of its own (pdfjs-dist and mupdf are
 * ESM-only, and mupdf uses top-level await, while the jest suites run as
 * CommonJS). Called by pdf-reader.ts as
 *
 *   node read-pdf.mjs <command> <file, or - for stdin> [page dpi]
 *
 * and prints the result as JSON on stdout. Commands: text, words (pdfjs),
 * pages, render, images (mupdf). Coordinates are PDF points with the origin at
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

const COMMANDS = {
  text,
  words: wordBoxes,
  pages: pageCount,
  render: (bytes, page, dpi) => render(bytes, Number(page), Number(dpi)),
  images,
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
