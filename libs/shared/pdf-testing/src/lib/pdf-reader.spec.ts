import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PdfWord,
  pdfGlyphText,
  pdfImageCount,
  pdfPageCount,
  pdfStructure,
  pdfText,
  pdfWords,
  renderPage,
  RgbImage,
  structureElements,
  structureText,
} from './pdf-reader';

/**
 * Reads back a small real PDF rendered by pdfmake with the documents' npm
 * fonts (Noto Sans, Vazirmatn). pdfmake is loaded at run time, as the API's PDF
 * code loads it: the scope:shared boundary rule refuses an `import` of it, to
 * keep shared code free of it. Only this spec renders (its fixture); the
 * library itself needs no pdfmake.
 */
const load = createRequire(__filename);
const pdfmake = load('pdfmake') as {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
};
const { PNG } = load('pngjs') as {
  PNG: {
    sync: { write(png: object, options: { colorType: 2 }): Buffer };
  } & (new (options: { width: number; height: number }) => { data: Buffer });
};

const BLUE = [0x1f, 0x77, 0xb4];
const NOTO = load.resolve(
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
);
const VAZIRMATN = load.resolve('vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf');

/** A 4×4 red PNG (RGB, so no soft mask) as a data URL. */
function redSquare(): string {
  const png = new PNG({ width: 4, height: 4 });
  for (let i = 0; i < png.data.length; i += 4)
    png.data.set([255, 0, 0, 255], i);
  return `data:image/png;base64,${PNG.sync.write(png, { colorType: 2 }).toString('base64')}`;
}

async function render(content: object[]): Promise<Buffer> {
  pdfmake.setFonts({
    NotoSans: { normal: NOTO, bold: NOTO, italics: NOTO, bolditalics: NOTO },
    Vazirmatn: {
      normal: VAZIRMATN,
      bold: VAZIRMATN,
      italics: VAZIRMATN,
      bolditalics: VAZIRMATN,
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === NOTO || path === VAZIRMATN);
  return pdfmake
    .createPdf({
      pageSize: { width: 400, height: 300 },
      pageMargins: 0,
      defaultStyle: { font: 'NotoSans' },
      content,
    })
    .getBuffer();
}

const rgbAt = (image: RgbImage, x: number, y: number) => [
  ...image.data.subarray(
    (y * image.width + x) * 3,
    (y * image.width + x) * 3 + 3,
  ),
];
const inkIn = (
  image: RgbImage,
  box: Pick<PdfWord, 'xMin' | 'yMin' | 'xMax' | 'yMax'>,
) => {
  let dark = 0;
  for (let y = Math.round(box.yMin); y < Math.round(box.yMax); y++)
    for (let x = Math.round(box.xMin); x < Math.round(box.xMax); x++)
      if (rgbAt(image, x, y).every((value) => value < 128)) dark++;
  return dark;
};

describe('pdf-reader', () => {
  let dir: string;
  let path: string;
  let pdf: Buffer;
  let words: PdfWord[];
  const word = (text: string) => {
    const found = words.find((candidate) => candidate.text === text);
    if (!found)
      throw new Error(
        `"${text}" not among ${words.map((candidate) => candidate.text).join(' ')}`,
      );
    return found;
  };

  beforeAll(async () => {
    pdf = await render([
      {
        text: 'Lesbarer Text: Größe Küche',
        fontSize: 20,
        absolutePosition: { x: 40, y: 40 },
      },
      // pdfmake has no bidi: the Arabic words (logically "شخص تجريبي") go in visual order, left to right, the space a run
      // of its own (fontkit draws each Arabic run's glyphs right to left, a trailing space included).
      {
        text: ['تجريبي', ' ', 'شخص'],
        font: 'Vazirmatn',
        fontSize: 20,
        absolutePosition: { x: 250, y: 120 },
      },
      {
        canvas: [
          { type: 'rect', x: 40, y: 200, w: 60, h: 40, color: '#1f77b4' },
        ],
        absolutePosition: { x: 0, y: 0 },
      },
      {
        text: 'Zweite Seite',
        pageBreak: 'before',
        absolutePosition: { x: 40, y: 40 },
      },
      { image: redSquare(), width: 40, absolutePosition: { x: 40, y: 100 } },
    ]);
    dir = mkdtempSync(join(tmpdir(), 'pdf-reader-'));
    path = join(dir, 'sample.pdf');
    writeFileSync(path, pdf);
    words = pdfWords(path);
  }, 30_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the text of each page, pages ended by a form feed, from a file or from bytes', () => {
    const pages = pdfText(path).split('\f');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Lesbarer Text: Größe Küche\n');
    expect(pages[0]).not.toContain('Zweite');
    expect(pages[1]).toBe('Zweite Seite\n');
    expect(pages[2]).toBe('');
    expect(pdfText(pdf)).toBe(pdfText(path));
  });

  it('reads right-to-left words in logical order, the first one rightmost', () => {
    expect(pdfText(path)).toContain('شخص تجريبي');
    const [first, second] = [word('شخص'), word('تجريبي')];
    expect(second.xMax).toBeLessThan(first.xMin);
    expect(first.xMin).toBeGreaterThan(250);
    expect(words.indexOf(first)).toBeLessThan(words.indexOf(second));
  });

  it('gives every word a box in points from the top left, left to right on its line', () => {
    const line = ['Lesbarer', 'Text:', 'Größe', 'Küche'].map(word);
    expect(line[0].xMin).toBeCloseTo(40, 0);
    for (const box of line) {
      expect(box.page).toBe(1);
      expect(box.yMin).toBeGreaterThanOrEqual(38);
      expect(box.yMax).toBeLessThan(70);
      expect(box.yMax - box.yMin).toBeGreaterThan(20);
    }
    for (let i = 1; i < line.length; i++)
      expect(line[i].xMin).toBeGreaterThan(line[i - 1].xMax);
    expect(word('Seite')).toEqual(expect.objectContaining({ page: 2 }));
  });

  it('renders a page to RGB pixels at the given resolution: colour, ink where text is and white elsewhere', () => {
    const image = renderPage(path, 1, 72);
    expect([image.width, image.height, image.data.length]).toEqual([
      400,
      300,
      400 * 300 * 3,
    ]);
    expect(rgbAt(image, 70, 220)).toEqual(BLUE);
    expect(rgbAt(image, 390, 290)).toEqual([255, 255, 255]);
    expect(inkIn(image, word('Größe'))).toBeGreaterThan(30);
    expect(inkIn(image, word('شخص'))).toBeGreaterThan(30);
    expect(inkIn(image, { xMin: 200, yMin: 200, xMax: 390, yMax: 290 })).toBe(
      0,
    );
    expect(renderPage(pdf, 1, 144).width).toBe(800);
    expect(() => renderPage(path, 3, 72)).toThrow(/page 3 of 2/);
  });

  it('counts pages and drawn images', async () => {
    expect(pdfPageCount(path)).toBe(2);
    expect(pdfImageCount(pdf)).toBe(1);
    expect(pdfImageCount(await render([{ text: 'Nur Text' }]))).toBe(0);
  });

  it('fails loudly on a file that is no PDF', () => {
    expect(() => pdfText(Buffer.from('kein PDF'))).toThrow(
      /read-pdf text failed/,
    );
  });
});

/** The part of pdfkit's tagged-PDF API the fixture below uses (pdfkit ships no types; loaded like pdfmake). */
interface TaggingDocument {
  struct(
    type: string,
    options?: object,
  ): { add(child: object): void; end(): void };
  addStructure(element: object): void;
  markStructureContent(tag: string): object;
  markContent(tag: string, options?: object): void;
  endMarkedContent(): void;
  addPage(): void;
  text(text: string, x: number, y: number): void;
  on(event: string, listener: (chunk?: Buffer) => void): void;
  end(): void;
}

/** A two-page tagged PDF: H1, a table with column and row header cells, a figure with alt text, a footer artifact. */
function taggedPdf(): Promise<Buffer> {
  const PDFDocument = load('pdfkit') as new (
    options: object,
  ) => TaggingDocument;
  const doc = new PDFDocument({
    size: [400, 300],
    margin: 0,
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    font: NOTO,
    info: { Title: 'Testbericht', CreationDate: new Date(0) },
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const tagged = (
    parent: { add(child: object): void },
    role: string,
    text: string,
    x: number,
    y: number,
    options = {},
  ) => {
    const element = doc.struct(role, options);
    parent.add(element);
    const content = doc.markStructureContent(role);
    doc.text(text, x, y);
    doc.endMarkedContent();
    element.add(content);
    element.end();
  };
  tagged(root, 'H1', 'Überschrift', 20, 20);
  const table = doc.struct('Table');
  root.add(table);
  const header = doc.struct('TR');
  table.add(header);
  tagged(header, 'TH', 'Kohorte', 20, 60, { scope: 'Column' });
  tagged(header, 'TH', 'Anzahl', 120, 60, { scope: 'Column' });
  header.end();
  const row = doc.struct('TR');
  table.add(row);
  tagged(row, 'TH', '2024-Q1', 20, 80, { scope: 'Row' });
  tagged(row, 'TD', '12', 120, 80);
  row.end();
  table.end();
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.text('Seite 1', 20, 270);
  doc.endMarkedContent();
  doc.addPage();
  tagged(root, 'Figure', 'Diagramm', 20, 20, { alt: 'Balken: 2024-Q1 12' });
  // on page 2: the text of its marked content is looked up on the page the element names
  tagged(root, 'P', 'Absatz', 20, 60);
  root.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk as Buffer));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

describe('pdfStructure', () => {
  it('reads the tagging entries of the catalog and the structure tree in order, with alt text, scopes and text', async () => {
    const structure = pdfStructure(await taggedPdf());
    expect(structure).toMatchObject({
      marked: true,
      lang: 'de-DE',
      displayDocTitle: true,
      title: 'Testbericht',
    });
    const tree = structure.tree ?? [];
    expect(tree.map((element) => element.role)).toEqual(['Document']);
    const elements = structureElements(tree).map((element) => ({
      role: element.role,
      text: element.text.trim(),
      ...(element.scope && { scope: element.scope }),
      ...(element.alt && { alt: element.alt }),
    }));
    expect(elements).toEqual([
      { role: 'Document', text: '' },
      { role: 'H1', text: 'Überschrift' },
      { role: 'Table', text: '' },
      { role: 'TR', text: '' },
      { role: 'TH', text: 'Kohorte', scope: 'Column' },
      { role: 'TH', text: 'Anzahl', scope: 'Column' },
      { role: 'TR', text: '' },
      { role: 'TH', text: '2024-Q1', scope: 'Row' },
      { role: 'TD', text: '12' },
      { role: 'Figure', text: 'Diagramm', alt: 'Balken: 2024-Q1 12' },
      { role: 'P', text: 'Absatz' },
    ]);
    expect(structureText(tree[0])).toBe(
      'Überschrift Kohorte Anzahl 2024-Q1 12 Diagramm Absatz',
    );
  });

  it('gives the text as drawn, without spaces inferred from gaps', async () => {
    const drawn = pdfGlyphText(await taggedPdf());
    expect(drawn).toContain('Überschrift');
    expect(drawn.split('\f')).toHaveLength(3);
    // "Kohorte" and "Anzahl" stand apart on one line with no space glyph between them
    expect(drawn).toMatch(/KohorteAnzahl|Kohorte\nAnzahl/);
  });

  it('says so when a PDF is not tagged', async () => {
    const structure = pdfStructure(await render([{ text: 'Nur Text' }]));
    expect(structure).toEqual({
      marked: false,
      lang: null,
      displayDocTitle: false,
      title: null,
      tree: null,
      outline: [],
    });
  });
});
