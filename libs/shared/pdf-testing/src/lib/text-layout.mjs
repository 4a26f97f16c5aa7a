/**
 * Lays out the text items pdfjs gives for a page (`page.getTextContent()`) as
 * lines of words with boxes, the words of each column or table cell in reading
 * order: what `pdftotext` and `pdftotext -bbox` give, for the PDFs the tests read.
 */

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo ... and their presentation forms). */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
/** Pieces of text items closer than this (in ems) form one word, e.g. "Kita-" and "Portal". */
const JOIN_GAP = 0.1;
/** Baselines closer than this (in ems) are one line. */
const SAME_LINE = 0.3;
/** Words further apart than this (in ems) are in different columns or table cells. */
const COLUMN_GAP = 1.5;

const kind = (text) =>
  RTL.test(text)
    ? 'rtl'
    : LETTER.test(text)
      ? 'ltr'
      : DIGIT.test(text)
        ? 'number'
        : 'neutral';

/**
 * The non-blank pieces of a page's text items, split at whitespace, with their
 * boxes. pdfjs gives an item's text in logical order (it reorders right-to-left
 * runs; `dir` says which) and its total advance width, so a piece's extent is
 * its share of the characters; a right-to-left item's first character is drawn
 * rightmost.
 */
async function pieces(page, Util) {
  const viewport = page.getViewport({ scale: 1 });
  const { items, styles } = await page.getTextContent();
  const found = [];
  items.forEach((item, index) => {
    if (!('str' in item) || !item.str.trim()) return;
    const [a, b, c, d, e, f] = Util.transform(
      viewport.transform,
      item.transform,
    );
    const size = Math.hypot(c, d);
    const advance = Math.hypot(a, b);
    if (!size || !advance) return;
    const { ascent = 0.8, descent = -0.2 } = styles[item.fontName] ?? {};
    const count = Array.from(item.str).length;
    for (const match of item.str.matchAll(/\S+/gu)) {
      const start = Array.from(item.str.slice(0, match.index)).length;
      const end = start + Array.from(match[0]).length;
      const [from, to] =
        item.dir === 'rtl' ? [count - end, count - start] : [start, end];
      const corners = [from, to].flatMap((at) =>
        [ascent, descent].map((height) => {
          const offset = (item.width * at) / count / advance;
          return [e + a * offset + c * height, f + b * offset + d * height];
        }),
      );
      const xs = corners.map(([x]) => x);
      const ys = corners.map(([, y]) => y);
      found.push({
        text: match[0],
        item: index,
        baseline: f,
        size,
        xMin: Math.min(...xs),
        xMax: Math.max(...xs),
        yMin: Math.min(...ys),
        yMax: Math.max(...ys),
      });
    }
  });
  return found;
}

/** Pieces grouped into lines (top to bottom), each line's pieces left to right. */
function lines(found) {
  const sorted = [...found].sort(
    (p, q) => p.baseline - q.baseline || p.xMin - q.xMin,
  );
  const result = [];
  for (const piece of sorted) {
    const line = result[result.length - 1];
    if (
      line &&
      Math.abs(piece.baseline - line.baseline) <=
        SAME_LINE * Math.min(piece.size, line.size)
    )
      line.pieces.push(piece);
    else
      result.push({
        baseline: piece.baseline,
        size: piece.size,
        pieces: [piece],
      });
  }
  for (const line of result) line.pieces.sort((p, q) => p.xMin - q.xMin);
  return result;
}

/** A line's words left to right: touching pieces of different items joined (right-to-left pieces in reading order). */
function words(line) {
  const result = [];
  for (const piece of line.pieces) {
    const last = result[result.length - 1];
    const joins =
      last &&
      last.item !== piece.item &&
      piece.xMin - last.xMax < JOIN_GAP * Math.max(piece.size, last.size);
    if (!joins) {
      result.push({ ...piece, parts: [piece.text] });
      continue;
    }
    Object.assign(last, {
      item: piece.item,
      xMax: Math.max(last.xMax, piece.xMax),
      yMin: Math.min(last.yMin, piece.yMin),
      yMax: Math.max(last.yMax, piece.yMax),
      size: Math.max(last.size, piece.size),
      parts: [...last.parts, piece.text],
    });
  }
  return result.map((word) => {
    const text = word.parts.some((part) => RTL.test(part))
      ? [...word.parts].reverse().join('')
      : word.parts.join('');
    return { ...word, text, kind: kind(text) };
  });
}

/** Splits a line's words (left to right) where the gap is a column's or a table cell's. */
function segments(lineWords) {
  const result = [];
  lineWords.forEach((word, index) => {
    const previous = lineWords[index - 1];
    if (
      previous &&
      word.xMin - previous.xMax <=
        COLUMN_GAP * Math.max(word.size, previous.size)
    )
      result[result.length - 1].push(word);
    else result.push([word]);
  });
  return result;
}

/**
 * A segment's words in reading order, a word-level version of the Unicode
 * bidi algorithm: the direction is that of the majority of words with letters;
 * in a right-to-left segment, runs of Latin words and numbers keep their order,
 * in a left-to-right one, runs of right-to-left words (with the numbers and
 * punctuation between them) are read right to left.
 */
function readingOrder(segment) {
  const count = (wanted) =>
    segment.filter((word) => word.kind === wanted).length;
  const rtl = count('rtl') > count('ltr');
  const order = rtl ? [...segment].reverse() : segment;
  const own = (word) => word.kind === (rtl ? 'rtl' : 'ltr');
  const opposite = (word) =>
    rtl ? word.kind === 'ltr' || word.kind === 'number' : word.kind === 'rtl';
  const result = [];
  for (let i = 0; i < order.length;) {
    if (!opposite(order[i])) {
      result.push(order[i++]);
      continue;
    }
    let end = i;
    for (let j = i; j < order.length && !own(order[j]); j++)
      if (opposite(order[j])) end = j;
    result.push(...order.slice(i, end + 1).reverse());
    i = end + 1;
  }
  return result;
}

/** A page's lines (top to bottom), each a list of segments (columns, cells: left to right) of words in reading order. */
export async function pageLines(page, Util) {
  return lines(await pieces(page, Util)).map((line) =>
    segments(words(line)).map(readingOrder),
  );
}
