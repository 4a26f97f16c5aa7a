import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../pdf/render-pdf';
import {
  BilingualPlanInput,
  formatDate,
  renderBilingualPlanPdf,
} from './bilingual-plan';

/**
 * Real renders, read back with poppler: word boxes from `pdftotext -bbox`
 * (Arabic words come out in visual order, i.e. their letters reversed) and
 * ink from `pdftoppm -png` (text that is in the text layer but drawn with no
 * glyphs would pass pdftotext and fail here).
 */
const { PNG } = createRequire(__filename)('pngjs') as {
  PNG: {
    sync: {
      read(buffer: Buffer): { width: number; height: number; data: Buffer };
    };
  };
};

interface Word {
  text: string;
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const A4_WIDTH = 595.28;
const DPI = 50;
const reversed = (text: string) => Array.from(text).reverse().join('');

/** Synthetic texts only. Arabic words without lam-alef, whose ligature pdftotext reads as one letter pair. */
const ARABIC_GOAL =
  'تسجيل الطفلين في روضة قريبة من البيت قبل بداية العام الدراسي الجديد بحلول شهر سبتمبر';

const arabicPlan: BilingualPlanInput = {
  language: 'ar',
  clientName: { latin: 'Testperson Eins', native: 'شخص تجريبي' },
  caseNumber: 'WW-2026-0042',
  agreedOn: '2026-02-01',
  goals: [
    {
      field: { de: 'Familie', client: 'الأسرة' },
      target: ARABIC_GOAL,
      dueOn: '2026-09-30',
      steps: ['Anmeldung beim Kita-Portal', 'زيارة الروضة مع الطفلين'],
    },
  ],
};

const ukrainianPlan: BilingualPlanInput = {
  language: 'uk',
  clientName: { latin: 'Testperson Zwei', native: 'Тестова Особа' },
  caseNumber: 'WW-2026-0043',
  agreedOn: '2026-03-02',
  goals: [
    {
      field: { de: 'Wohnen', client: 'Житло' },
      target: 'Prüfung der Wohnungsgröße und Größe der Küche',
      dueOn: '2026-06-15',
      steps: ['Unterlagen für die Prüfung sammeln'],
    },
  ],
};

let workDir: string;

function writePdf(name: string, pdf: Buffer): string {
  const path = join(workDir, `${name}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

function words(pdfPath: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], {
    encoding: 'utf8',
  });
  const found: Word[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((pageHtml, index) => {
      for (const match of pageHtml.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        found.push({
          page: index + 1,
          xMin: Number(match[1]),
          yMin: Number(match[2]),
          xMax: Number(match[3]),
          yMax: Number(match[4]),
          text: match[5]
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        });
      }
    });
  return found;
}

function plainText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], {
    encoding: 'utf8',
  });
}

/** Page 1 as PNG at 50 dpi. */
function renderPageOne(pdfPath: string): {
  width: number;
  height: number;
  data: Buffer;
} {
  const prefix = pdfPath.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(DPI),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfPath,
    prefix,
  ]);
  return PNG.sync.read(readFileSync(`${prefix}.png`));
}

/** Pixels darker than mid-grey inside a box given in PDF points (whole page without a box). */
function darkPixels(
  image: { width: number; height: number; data: Buffer },
  box?: Word,
): number {
  const scale = DPI / 72;
  const [x0, y0, x1, y1] = box
    ? [box.xMin, box.yMin, box.xMax, box.yMax].map((value) =>
        Math.round(value * scale),
      )
    : [0, 0, image.width, image.height];
  let dark = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) {
      const offset = (y * image.width + x) * 4;
      const luma =
        0.299 * image.data[offset] +
        0.587 * image.data[offset + 1] +
        0.114 * image.data[offset + 2];
      if (luma < 128) dark++;
    }
  }
  return dark;
}

function findWord(
  all: Word[],
  text: string,
  where: (word: Word) => boolean = () => true,
): Word {
  const word = all.find(
    (candidate) => candidate.text === text && where(candidate),
  );
  if (!word)
    throw new Error(
      `"${text}" not found among ${all.map((candidate) => candidate.text).join(' ')}`,
    );
  return word;
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('renderBilingualPlanPdf, Arabic', () => {
  let arabicWords: Word[];
  let arabicPdf: string;

  beforeAll(async () => {
    const pdf = await renderBilingualPlanPdf(arabicPlan);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    arabicPdf = writePdf('plan-ar', pdf);
    arabicWords = words(arabicPdf);
  });

  it.each([
    ['right (Arabic) column', (word: Word) => word.xMin > A4_WIDTH / 2],
    [
      'left (German) column, where the goal is shown as entered',
      (word: Word) => word.xMax < A4_WIDTH / 2,
    ],
  ])(
    'sets the Arabic goal right to left in the %s: each next word lies left of the one before, or on a lower line',
    (_, inColumn) => {
      const goal = ARABIC_GOAL.split(' ').map((word) =>
        findWord(arabicWords, reversed(word), inColumn),
      );
      const lines = [...new Set(goal.map((word) => Math.round(word.yMin)))];
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < goal.length; i++) {
        const sameLine = Math.abs(goal[i].yMin - goal[i - 1].yMin) < 2;
        if (sameLine) expect(goal[i].xMax).toBeLessThan(goal[i - 1].xMin);
        else expect(goal[i].yMin).toBeGreaterThan(goal[i - 1].yMin);
      }
      // Right-aligned: the first word ends where the column's text ends, and the first line starts at the top.
      const columnRight = Math.max(
        ...arabicWords.filter(inColumn).map((word) => word.xMax),
      );
      expect(goal[0].xMax).toBeCloseTo(columnRight, 0);
      expect(Math.round(goal[0].yMin)).toBe(Math.min(...lines));
    },
  );

  it('prints the fixed Arabic labels and the client name in Arabic script, right to left', () => {
    const title = findWord(arabicWords, reversed('خطة'));
    expect(title.xMax).toBeCloseTo(
      Math.max(...arabicWords.map((word) => word.xMax)),
      0,
    );
    const caseNumberLabel = ['رقم', 'الملف'].map((word) =>
      findWord(arabicWords, reversed(word)),
    );
    expect(caseNumberLabel[1].xMax).toBeLessThan(caseNumberLabel[0].xMin);
    const name = ['شخص', 'تجريبي'].map((word) =>
      findWord(arabicWords, reversed(word)),
    );
    expect(name[1].xMax).toBeLessThan(name[0].xMin);
    expect(findWord(arabicWords, 'Testperson').xMax).toBeLessThan(A4_WIDTH / 2);
  });

  it('keeps the case number and dates left to right inside the Arabic column', () => {
    const caseNumbers = arabicWords.filter(
      (word) => word.text === 'WW-2026-0042',
    );
    expect(caseNumbers).toHaveLength(2);
    // ... and aligned to the right edge of the Arabic column like the labels above them.
    const arabicColumnRight = Math.max(...arabicWords.map((word) => word.xMax));
    expect(Math.max(...caseNumbers.map((word) => word.xMax))).toBeCloseTo(
      arabicColumnRight,
      0,
    );
    expect(
      arabicWords.filter((word) => word.text === formatDate('2026-09-30')),
    ).toHaveLength(2);
  });

  it('ends with both signature lines and page numbers in German and Arabic', () => {
    const text = plainText(arabicPdf);
    for (const label of [
      'Unterschrift Klient:in',
      'Unterschrift Integrationsmanager:in',
      'Ort, Datum',
      'Seite 1 von 1',
    ]) {
      expect(text).toContain(label);
    }
    expect(findWord(arabicWords, reversed('توقيع'))).toBeDefined();
    const footer = arabicWords.filter((word) => word.yMin > 780);
    expect(footer.map((word) => word.text)).toEqual(
      expect.arrayContaining(['Seite', reversed('صفحة'), reversed('من')]),
    );
  });

  it('draws the Arabic glyphs (ink inside the word boxes on a 50 dpi PNG)', () => {
    const image = renderPageOne(arabicPdf);
    const first = findWord(
      arabicWords,
      reversed('تسجيل'),
      (word) => word.xMin > A4_WIDTH / 2,
    );
    expect(darkPixels(image, first)).toBeGreaterThan(10);
  });
});

describe('renderBilingualPlanPdf, Ukrainian and Russian', () => {
  it('extracts German umlauts and Cyrillic labels as written (Ukrainian)', async () => {
    const pdfPath = writePdf(
      'plan-uk',
      await renderBilingualPlanPdf(ukrainianPlan),
    );
    const text = plainText(pdfPath);
    for (const expected of [
      'Prüfung',
      'Wohnungsgröße',
      'Größe',
      'Küche',
      'Fällig am',
      'План інтеграції',
      'Підпис клієнта/клієнтки',
      'Ім’я',
      'Тестова Особа',
      'Житло',
      'Кроки',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('extracts the Russian labels', async () => {
    const text = plainText(
      writePdf(
        'plan-ru',
        await renderBilingualPlanPdf({ ...ukrainianPlan, language: 'ru' }),
      ),
    );
    for (const expected of [
      'План интеграции',
      'Подпись менеджера по интеграции',
      'Цель 1',
      'Größe',
    ])
      expect(text).toContain(expected);
  });

  it('draws page 1 with ink where the umlaut and Cyrillic words are, unlike an empty page', async () => {
    const pdfPath = writePdf(
      'plan-uk-png',
      await renderBilingualPlanPdf(ukrainianPlan),
    );
    const image = renderPageOne(pdfPath);
    expect(Math.abs(image.width - (A4_WIDTH * DPI) / 72)).toBeLessThan(1);

    const empty = renderPageOne(
      writePdf(
        'empty',
        await renderPdf({ pageSize: 'A4', content: [{ text: ' ' }] }),
      ),
    );
    expect(darkPixels(empty)).toBe(0);
    expect(darkPixels(image)).toBeGreaterThan(2000);

    const pageWords = words(pdfPath);
    for (const word of ['Größe', 'План', 'інтеграції', 'Кроки']) {
      expect(darkPixels(image, findWord(pageWords, word))).toBeGreaterThan(10);
    }
  });
});
