// Issue 15, acceptance 3: no test runs poppler or depends on fonts installed by the system. PDFs are read back
// with @wegweiser/shared/pdf-testing (pdfjs-dist, mupdf from npm) and embed fonts from npm packages.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', 'tmp', '.nx', '.angular', 'test-output', 'coverage']);
const CODE = /\.(ts|mts|cts|js|mjs|cjs)$/;
/** A poppler program named as a command (a quoted string, as spawn/exec take it; `backticks` are prose), or a system font folder. */
const FORBIDDEN = [/['"](pdftotext|pdftoppm|pdfinfo|pdfimages|pdffonts)['"]/, /\/usr\/share\/fonts|fc-match|fc-list/];

function* codeFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* codeFiles(path);
    else if (CODE.test(entry.name)) yield path;
  }
}

describe('no system tools in tests', () => {
  const files = ['apps', 'libs', 'tools'].flatMap((dir) => [...codeFiles(join(root, dir))]).filter((f) => f !== __filename);

  it('reads the whole code base (the scan itself works)', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files.some((f) => f.endsWith('bilingual-plan.spec.ts'))).toBe(true);
  });

  it('no file calls pdftotext, pdftoppm, pdfinfo, pdfimages or pdffonts, or reads system fonts', () => {
    const offenders = files.filter((file) => FORBIDDEN.some((pattern) => pattern.test(readFileSync(file, 'utf8'))));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('the patterns catch a call of poppler as the old specs made it', () => {
    expect(FORBIDDEN.some((p) => p.test("execFileSync('pdftotext', ['-bbox', path, '-'])"))).toBe(true);
    expect(FORBIDDEN.some((p) => p.test("const dir = '/usr/share/fonts/truetype/noto'"))).toBe(true);
  });
});
