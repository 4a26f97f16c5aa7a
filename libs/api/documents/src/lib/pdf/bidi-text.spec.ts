import {
  detectDirection,
  isolate,
  layoutBidiText,
  needsBidiLayout,
  shaperReverses,
  splitFontRanges,
  TextDirection,
  TextRun,
} from './bidi-text';
import { openFont } from './fonts';

/** Characters reversed (what a reader sees of a right-to-left word, left to right). */
const reversed = (text: string) => Array.from(text).reverse().join('');
/** What ends up on the page, left to right: fontkit reverses the glyphs of right-to-left-script runs. */
const drawn = (runs: TextRun[]) =>
  runs
    .map((run) => (shaperReverses(run.text) ? reversed(run.text) : run.text))
    .join('');
/** One character = one point, so line breaking is easy to follow. */
const byLength = (text: string) => Array.from(text).length;

function lay(text: string, direction: TextDirection, maxWidth = 1000) {
  return layoutBidiText(text, { direction, maxWidth, measure: byLength });
}

describe('splitFontRanges', () => {
  it('puts Arabic-script letters and Arabic punctuation in Vazirmatn, Latin digits and case numbers in Noto Sans', () => {
    const text = 'رقم الملف، WW-2026-0042';
    expect(
      splitFontRanges(text).map((range) => [
        text.slice(range.start, range.end),
        range.font,
      ]),
    ).toEqual([
      ['رقم', 'Vazirmatn'],
      [' ', 'NotoSans'],
      ['الملف،', 'Vazirmatn'],
      [' WW-2026-0042', 'NotoSans'],
    ]);
  });

  it('keeps the zero-width non-joiner of a Persian word in the word’s font', () => {
    expect(splitFontRanges('گام‌ها')).toEqual([
      { start: 0, end: 6, font: 'Vazirmatn' },
    ]);
  });
});

describe('shaperReverses', () => {
  it.each([
    'كلمة',
    'گام‌ها',
    '۱۴۰۴',
    '١٢',
    '،',
    '(',
    'B1',
    'Größe',
    'Кроки',
    '. كلمة',
  ])('predicts whether fontkit lays out %p right to left', (text) => {
    const font = /[\u0600-\u06FF]/.test(text)
      ? openFont('Vazirmatn', 'normal')
      : openFont('NotoSans', 'normal');
    expect(shaperReverses(text)).toBe(font.layout(text).direction === 'rtl');
  });
});

describe('detectDirection', () => {
  it('takes the first strong character, like dir="auto"', () => {
    expect(detectDirection('Termin mit سميرة', 'rtl')).toBe('ltr');
    expect(detectDirection('سميرة hat einen Termin', 'ltr')).toBe('rtl');
    expect(detectDirection('«سميرة»', 'ltr')).toBe('rtl');
  });

  it('falls back when there is no strong character and skips isolates', () => {
    expect(detectDirection('30.09.2026', 'rtl')).toBe('rtl');
    expect(detectDirection('30.09.2026', 'ltr')).toBe('ltr');
    expect(detectDirection('\u2067abc\u2069 كلمة', 'ltr')).toBe('rtl');
  });
});

describe('needsBidiLayout', () => {
  it('is false for German and Cyrillic, true for Arabic script and Persian digits', () => {
    expect(needsBidiLayout('Prüfung der Größe')).toBe(false);
    expect(needsBidiLayout('План інтеграції')).toBe(false);
    expect(needsBidiLayout('خطة الاندماج')).toBe(true);
    expect(needsBidiLayout('Raum ۱۲')).toBe(true);
  });
});

describe('layoutBidiText', () => {
  it('orders Arabic words right to left with a case number left to right and the full stop at the left end', () => {
    const line = lay('رقم الملف WW-2026-0042.', 'rtl').lines;
    expect(line).toHaveLength(1);
    expect(drawn(line[0])).toBe(
      `.WW-2026-0042 ${reversed('الملف')} ${reversed('رقم')}`,
    );
  });

  it('hands Arabic words to the shaper in logical order, so letters join', () => {
    const [runs] = lay('رقم الملف WW-2026-0042.', 'rtl').lines;
    const arabic = runs
      .filter((run) => run.font === 'Vazirmatn')
      .map((run) => run.text);
    expect(arabic).toEqual(['الملف', 'رقم']);
  });

  it('mirrors brackets in right-to-left text', () => {
    const [runs] = lay('المستوى B1 (شهادة) مطلوب', 'rtl').lines;
    expect(drawn(runs)).toBe(
      `${reversed('مطلوب')} (${reversed('شهادة')}) B1 ${reversed('المستوى')}`,
    );
  });

  it('keeps Persian and Arabic-Indic digits left to right', () => {
    expect(drawn(lay('در ۱۴۰۴ روز', 'rtl').lines[0])).toBe(
      `${reversed('روز')} ۱۴۰۴ ${reversed('در')}`,
    );
    expect(drawn(lay('الغرفة ١٢', 'rtl').lines[0])).toBe(
      `١٢ ${reversed('الغرفة')}`,
    );
  });

  it('puts the first words on the first line when a right-to-left paragraph wraps', () => {
    const { lines } = lay('واحد اثنان ثلاثة أربعة خمسة', 'rtl', 12);
    expect(lines.map(drawn)).toEqual([
      `${reversed('اثنان')} ${reversed('واحد')}`,
      `${reversed('أربعة')} ${reversed('ثلاثة')}`,
      reversed('خمسة'),
    ]);
  });

  it('keeps a multi-word Arabic name in right-to-left order inside German text', () => {
    const { direction, lines } = lay('Termin mit سميرة مثال am Montag', 'ltr');
    expect(direction).toBe('ltr');
    expect(drawn(lines[0])).toBe(
      `Termin mit ${reversed('مثال')} ${reversed('سميرة')} am Montag`,
    );
  });

  it('starts a new paragraph at a line feed and drops invisible bidi controls', () => {
    const { lines } = lay('أولا\u200F\nثانيا', 'rtl');
    expect(lines.map(drawn)).toEqual([reversed('أولا'), reversed('ثانيا')]);
    expect(lines.flat().some((run) => run.text.includes('\u200F'))).toBe(false);
  });

  it('gives each run one font and never puts spaces at a run’s edge next to letters', () => {
    const { lines } = lay('التسجيل في دورة الاندماج، رقم 17', 'rtl', 20);
    for (const run of lines.flat()) {
      expect(run.text.trim() === '' || run.text.trim() === run.text).toBe(true);
      expect(run.font).toBe(
        /[\u0600-\u06FF]/.test(run.text) ? 'Vazirmatn' : 'NotoSans',
      );
    }
  });
});

describe('isolate (a user-entered value inside a sentence)', () => {
  const NAME = 'مريم أحمد';

  it('keeps the label first and the text after the value last, with the value right to left', () => {
    const [runs] = lay(`Name: ${isolate(NAME)} (Kurs 2)`, 'ltr').lines;
    expect(drawn(runs)).toBe(
      `Name: ${reversed('أحمد')} ${reversed('مريم')} (Kurs 2)`,
    );
  });

  it('keeps digits and a bracket at the end of an Arabic name inside the name (its first strong character sets its direction)', () => {
    const isolated = drawn(lay(`Name: ${isolate('مريم 2)')} (Kurs 2)`, 'ltr').lines[0]);
    const plain = drawn(lay('Name: مريم 2) (Kurs 2)', 'ltr').lines[0]);
    // Right to left, the value reads "(2 ‹name›" from the left: its ")" mirrored, before the digit.
    expect(isolated).toBe(`Name: (2 ${reversed('مريم')} (Kurs 2)`);
    // Without the isolate the name's bracket and digit join the German text around it.
    expect(plain).not.toBe(isolated);
  });

  it('keeps the label of a right-to-left column on the right of a Latin value', () => {
    const [runs] = lay(`الاسم: ${isolate('Ali (12)')} ،`, 'rtl').lines;
    expect(drawn(runs)).toBe(`، Ali (12) :${reversed('الاسم')}`);
  });

  it('strips a right-to-left override (U+202E) from stored data, so the name cannot flip the label or the text after it', () => {
    const spoofed = 'Ali\u202Egnp.exe';
    expect(isolate(spoofed)).toBe('\u2068Alignp.exe\u2069');
    const [runs] = lay(`Name: ${isolate(spoofed)} (Kurs 2)`, 'ltr').lines;
    expect(drawn(runs)).toBe('Name: Alignp.exe (Kurs 2)');
  });

  it('strips isolates and embeddings too: an unmatched PDI in the value cannot close the isolate early', () => {
    expect(isolate('a\u2069\u2067b\u202Bc\u202C')).toBe('\u2068abc\u2069');
    const [runs] = lay(`Name: ${isolate(`${NAME}\u2069 2`)} (Kurs 2)`, 'ltr').lines;
    expect(drawn(runs)).toBe(
      `Name: 2 ${reversed('أحمد')} ${reversed('مريم')} (Kurs 2)`,
    );
  });

  it('draws no control character', () => {
    const runs = lay(`Name: ${isolate(NAME)} (Kurs 2)`, 'ltr').lines.flat();
    expect(runs.some((run) => /[\u2066-\u2069]/.test(run.text))).toBe(false);
  });
});
