import { FontFamily } from './fonts';
import type { EmbeddingLevels } from 'bidi-js';
import { loadBidi } from './runtime-modules';

/**
 * Right-to-left text for pdfmake, which has no bidi: pdfmake lays out every
 * text run left to right, and fontkit (inside pdfkit) shapes each run and
 * mirrors its glyph order only when the run's first script is right-to-left.
 * So this module breaks a paragraph into lines itself (measuring with the real
 * fonts), orders each line with the Unicode Bidirectional Algorithm (UAX #9,
 * bidi-js) and hands pdfmake unbreakable runs in visual order, each with its
 * font (Arabic script vs everything else) and its characters in the order that
 * makes fontkit draw them right.
 */

export type TextDirection = 'ltr' | 'rtl';

/** A piece of a line: its text in the order fontkit needs, and its font. */
export interface TextRun {
  text: string;
  font: FontFamily;
}

export interface BidiParagraph {
  direction: TextDirection;
  /** Lines top to bottom; the runs of each line in visual order, left to right. */
  lines: TextRun[][];
}

/** Width in points of `text` set in `font` (at the paragraph's size and weight). */
export type MeasureRun = (text: string, font: FontFamily) => number;

/** A logical range `[start, end)` of a text set in one font. */
export interface FontRange {
  start: number;
  end: number;
  font: FontFamily;
}

const ARABIC_BLOCKS =
  /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo ...) and explicit RTL marks. */
const RIGHT_TO_LEFT =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202B\u202E\u2067]/;
/** Marks and joiners (ZWNJ, ZWJ) stay in the font of the letter they belong to. */
const INHERITS_FONT = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Embeddings and overrides (LRE, RLE, PDF, LRO, RLO): never written by the documents themselves, only found in stored text. */
const EMBEDDINGS_AND_OVERRIDES = /[\u202A-\u202E]/g;
/** Embeddings, overrides and isolates: what could reach out of a user's value and reorder the text around it. */
const SCOPE_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
const WHITESPACE = /^\s$/;
/** Spaces a line may break at (not no-break spaces). */
const BREAKING_SPACES = /[ \t\u1680\u2000-\u2006\u2008-\u200A\u205F\u3000]+/g;
/** fontkit takes a run's script from its first character that is not Common/Inherited/Unknown ... */
const SCRIPT_DECIDING =
  /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
/** ... and reverses the glyphs of runs in these scripts (its RTL list, the scripts Unicode 15 has). */
const SHAPED_RIGHT_TO_LEFT =
  /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]$/u;

/**
 * Removes embeddings and overrides (U+202A–U+202E) from a paragraph: the
 * documents never write them, so any found came with stored user text (e.g.
 * `Ali\u202Egnp.exe`, which would draw as "Aliexe.png"). Isolates stay.
 */
export function withoutOverrides(text: string): string {
  return text.replace(EMBEDDINGS_AND_OVERRIDES, '');
}

/**
 * A user-entered value as one isolated run for a sentence around it (label,
 * brackets, a list): wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE, so the label keeps its place whatever the value's script, and the
 * value's own direction is its first strong character (like `<bdi>`). Controls
 * in the value (embeddings, overrides, isolates) are stripped first: an
 * unmatched PDI from old data could otherwise close the isolate early.
 */
export function isolate(value: string): string {
  return `${FIRST_STRONG_ISOLATE}${value.replace(SCOPE_CONTROLS, '')}${POP_DIRECTIONAL_ISOLATE}`;
}

/** The text without any bidi control (what is drawn and measured). */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Whether the text needs this module (right-to-left or Arabic-script characters); else plain pdfmake text will do. */
export function needsBidiLayout(text: string): boolean {
  return RIGHT_TO_LEFT.test(text) || ARABIC_BLOCKS.test(text);
}

/** The paragraph direction like HTML `dir="auto"`: the first strong character outside isolates, else `fallback`. */
export function detectDirection(
  text: string,
  fallback: TextDirection,
): TextDirection {
  const bidi = loadBidi();
  let isolates = 0;
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'LRI' || type === 'RLI' || type === 'FSI') isolates++;
    else if (type === 'PDI') isolates = Math.max(0, isolates - 1);
    else if (isolates === 0 && type === 'L') return 'ltr';
    else if (isolates === 0 && (type === 'R' || type === 'AL')) return 'rtl';
  }
  return fallback;
}

/** Whether fontkit will lay out this run right to left (it then reverses the glyphs it shaped). */
export function shaperReverses(text: string): boolean {
  const deciding = SCRIPT_DECIDING.exec(text);
  return deciding !== null && SHAPED_RIGHT_TO_LEFT.test(deciding[0]);
}

/** The font of every UTF-16 index: Arabic blocks in Vazirmatn, marks and joiners with their letter, the rest Noto Sans. */
function fontsByIndex(text: string): FontFamily[] {
  const fonts: (FontFamily | undefined)[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lowSurrogate = code >= 0xdc00 && code <= 0xdfff && i > 0;
    if (lowSurrogate || INHERITS_FONT.test(text[i]))
      fonts.push(lowSurrogate ? fonts[i - 1] : undefined);
    else fonts.push(ARABIC_BLOCKS.test(text[i]) ? 'Vazirmatn' : 'NotoSans');
  }
  let previous: FontFamily | undefined;
  for (let i = 0; i < fonts.length; i++)
    fonts[i] = previous = fonts[i] ?? previous;
  let next: FontFamily = 'NotoSans';
  for (let i = fonts.length - 1; i >= 0; i--) {
    const font = fonts[i];
    if (font) next = font;
    else fonts[i] = next;
  }
  return fonts as FontFamily[];
}

/** Splits a text (logical order) into ranges with one font each. */
export function splitFontRanges(text: string): FontRange[] {
  const fonts = fontsByIndex(text);
  const ranges: FontRange[] = [];
  fonts.forEach((font, index) => {
    const last = ranges[ranges.length - 1];
    if (last && last.font === font) last.end = index + 1;
    else ranges.push({ start: index, end: index + 1, font });
  });
  return ranges;
}

/**
 * Lays out a text for a column `maxWidth` points wide: lines (broken at spaces,
 * `\n` starts a new paragraph), each in visual order. `direction` is the
 * paragraph direction (see `detectDirection`).
 */
export function layoutBidiText(
  text: string,
  options: { direction: TextDirection; maxWidth: number; measure: MeasureRun },
): BidiParagraph {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((paragraph) => layoutParagraph(paragraph, options));
  return { direction: options.direction, lines };
}

function layoutParagraph(
  text: string,
  options: { direction: TextDirection; maxWidth: number; measure: MeasureRun },
): TextRun[][] {
  const breaks = breakLines(text, options.maxWidth, options.measure);
  if (breaks.length === 0) return [[]];
  const levels = loadBidi().getEmbeddingLevels(text, options.direction);
  const fonts = fontsByIndex(text);
  return breaks.map(([start, end]) =>
    visualRuns(text, levels, fonts, start, end),
  );
}

/** Greedy line breaking at spaces in logical order; returns inclusive `[start, end]` of each line without outer spaces. */
function breakLines(
  text: string,
  maxWidth: number,
  measure: MeasureRun,
): [number, number][] {
  const width = (start: number, end: number) =>
    splitFontRanges(text.slice(start, end)).reduce(
      (sum, range) =>
        sum +
        measure(
          withoutBidiControls(
            text.slice(start + range.start, start + range.end),
          ),
          range.font,
        ),
      0,
    );
  const words: { start: number; end: number }[] = [];
  let position = 0;
  for (const match of text.matchAll(BREAKING_SPACES)) {
    const index = match.index ?? 0;
    if (index > position) words.push({ start: position, end: index });
    position = index + match[0].length;
  }
  if (position < text.length) words.push({ start: position, end: text.length });

  const lines: [number, number][] = [];
  let line: { start: number; end: number; width: number } | undefined;
  for (const word of words) {
    const wordWidth = width(word.start, word.end);
    const joined = line
      ? line.width + width(line.end, word.start) + wordWidth
      : 0;
    if (line && joined <= maxWidth) {
      line.end = word.end;
      line.width = joined;
    } else {
      if (line) lines.push([line.start, line.end - 1]);
      line = { start: word.start, end: word.end, width: wordWidth };
    }
  }
  if (line) lines.push([line.start, line.end - 1]);
  return lines;
}

/** The runs of one line (inclusive logical range) in visual order, left to right. */
function visualRuns(
  text: string,
  levels: EmbeddingLevels,
  fonts: FontFamily[],
  start: number,
  end: number,
): TextRun[] {
  const bidi = loadBidi();
  const order: number[] = [];
  for (let i = start; i <= end; i++) order.push(i);
  for (const [from, to] of bidi.getReorderSegments(text, levels, start, end)) {
    const reversed = order.slice(from - start, to - start + 1).reverse();
    order.splice(from - start, reversed.length, ...reversed);
  }
  const mirrored = bidi.getMirroredCharactersMap(
    text,
    levels.levels,
    start,
    end,
  );

  const runs: TextRun[] = [];
  let piece:
    | {
        low: number;
        high: number;
        level: number;
        font: FontFamily;
        space: boolean;
      }
    | undefined;
  const flush = () => {
    if (!piece) return;
    let logical = '';
    for (let i = piece.low; i <= piece.high; i++)
      logical += mirrored.get(i) ?? text[i];
    logical = logical.replace(BIDI_CONTROLS, '');
    if (!logical) return;
    // Wanted on the page: odd (RTL) levels reversed, even levels as typed; fontkit reverses RTL-script runs itself.
    const rightToLeft = piece.level % 2 === 1;
    runs.push({
      text:
        shaperReverses(logical) === rightToLeft
          ? logical
          : Array.from(logical).reverse().join(''),
      font: piece.font,
    });
  };
  for (const index of order) {
    const level = levels.levels[index];
    const font = fonts[index];
    const space = WHITESPACE.test(text[index]);
    const continues =
      piece &&
      piece.level === level &&
      piece.font === font &&
      piece.space === space &&
      (level % 2 === 1 ? index === piece.low - 1 : index === piece.high + 1);
    if (piece && continues) {
      if (level % 2 === 1) piece.low = index;
      else piece.high = index;
    } else {
      flush();
      piece = { low: index, high: index, level, font, space };
    }
  }
  flush();
  return runs;
}
