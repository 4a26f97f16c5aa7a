import {
  pdfText,
  PdfWord,
  pdfWords,
  renderPage,
  RgbImage,
} from '@wegweiser/shared/pdf-testing';
import { renderPdf } from '../pdf/render-pdf';
import {
  BilingualPlanInput,
  formatDate,
  renderBilingualPlanPdf,
} from './bilingual-plan';

/**
 * Real renders, read back without poppler (@wegweiser/shared/pdf-testing):
 * word boxes with pdfjs, which gives Arabic words in logical order (letters
 * drawn in the wrong order would read backwards and not be found), and ink
 * at 50 dpi with mupdf (text that is in the text layer but drawn with no
 * glyphs would pass the text checks and fail here).
 */

const A4_WIDTH = 595.28;
const DPI = 50;

/** Synthetic texts only. Arabic words without lam-alef: text extraction gives that ligature's two letters back swapped. */
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

/** Pixels darker than mid-grey inside a box given in PDF points (whole page without a box). */
function darkPixels(image: RgbImage, box?: PdfWord): number {
  const scale = DPI / 72;
  const [x0, y0, x1, y1] = box
    ? [box.xMin, box.yMin, box.xMax, box.yMax].map((value) =>
        Math.round(value * scale),
      )
    : [0, 0, image.width, image.height];
  let dark = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) {
      const offset = (y * image.width + x) * 3;
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
  all: PdfWord[],
  text: string,
  where: (word: PdfWord) => boolean = () => true,
): PdfWord {
  const word = all.find(
    (candidate) => candidate.text === text && where(candidate),
  );
  if (!word)
    throw new Error(
      `"${text}" not found among ${all.map((candidate) => candidate.text).join(' ')}`,
    );
  return word;
}

/** Page 1 as RGB pixels at 50 dpi. */
const renderPageOne = (pdf: Buffer) => renderPage(pdf, 1, DPI);

describe('renderBilingualPlanPdf, Arabic', () => {
  let arabicWords: PdfWord[];
  let arabicPdf: Buffer;

  beforeAll(async () => {
    arabicPdf = await renderBilingualPlanPdf(arabicPlan);
    expect(arabicPdf.subarray(0, 5).toString()).toBe('%PDF-');
    arabicWords = pdfWords(arabicPdf);
  });

  it.each([
    ['right (Arabic) column', (word: PdfWord) => word.xMin > A4_WIDTH / 2],
    [
      'left (German) column, where the goal is shown as entered',
      (word: PdfWord) => word.xMax < A4_WIDTH / 2,
    ],
  ])(
    'sets the Arabic goal right to left in the %s: each next word lies left of the one before, or on a lower line',
    (_, inColumn) => {
      const goal = ARABIC_GOAL.split(' ').map((word) =>
        findWord(arabicWords, word, inColumn),
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
    const title = findWord(arabicWords, 'خطة');
    expect(title.xMax).toBeCloseTo(
      Math.max(...arabicWords.map((word) => word.xMax)),
      0,
    );
    const caseNumberLabel = ['رقم', 'الملف'].map((word) =>
      findWord(arabicWords, word),
    );
    expect(caseNumberLabel[1].xMax).toBeLessThan(caseNumberLabel[0].xMin);
    const name = ['شخص', 'تجريبي'].map((word) => findWord(arabicWords, word));
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
    const text = pdfText(arabicPdf);
    for (const label of [
      'Unterschrift Klient:in',
      'Unterschrift Integrationsmanager:in',
      'Ort, Datum',
      'Seite 1 von 1',
    ]) {
      expect(text).toContain(label);
    }
    expect(findWord(arabicWords, 'توقيع')).toBeDefined();
    const footer = arabicWords.filter((word) => word.yMin > 780);
    expect(footer.map((word) => word.text)).toEqual(
      expect.arrayContaining(['Seite', 'صفحة', 'من']),
    );
  });

  it('draws the Arabic glyphs (ink inside the word boxes at 50 dpi)', () => {
    const image = renderPageOne(arabicPdf);
    const first = findWord(
      arabicWords,
      'تسجيل',
      (word) => word.xMin > A4_WIDTH / 2,
    );
    expect(darkPixels(image, first)).toBeGreaterThan(10);
  });
});

describe('renderBilingualPlanPdf, Ukrainian and Russian', () => {
  it('extracts German umlauts and Cyrillic labels as written (Ukrainian)', async () => {
    const text = pdfText(await renderBilingualPlanPdf(ukrainianPlan));
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
    const text = pdfText(
      await renderBilingualPlanPdf({ ...ukrainianPlan, language: 'ru' }),
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
    const pdf = await renderBilingualPlanPdf(ukrainianPlan);
    const image = renderPageOne(pdf);
    expect(Math.abs(image.width - (A4_WIDTH * DPI) / 72)).toBeLessThan(1);

    const empty = renderPageOne(
      await renderPdf({ pageSize: 'A4', content: [{ text: ' ' }] }),
    );
    expect(darkPixels(empty)).toBe(0);
    expect(darkPixels(image)).toBeGreaterThan(2000);

    const pageWords = pdfWords(pdf);
    for (const word of ['Größe', 'План', 'інтеграції', 'Кроки']) {
      expect(darkPixels(image, findWord(pageWords, word))).toBeGreaterThan(10);
    }
  });
});
