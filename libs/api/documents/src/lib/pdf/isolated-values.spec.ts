import { pdfText, PdfWord, pdfWords } from '@wegweiser/shared/pdf-testing';
import { isolate } from './bidi-text';
import { paragraph } from './paragraph';
import { renderPdf } from './render-pdf';

/**
 * A user value inside a label, rendered and read back (pdfjs gives Arabic words in logical order, with boxes):
 * the label stays first and the text after the value last, and a stored override changes nothing.
 */

const NAME = 'مريم';
const line = (text: string) => paragraph(text, { width: 400, fontSize: 11, margin: [0, 0, 0, 8] });

function word(all: PdfWord[], text: string, lineIndex: number): PdfWord {
  const lines = [...new Set(all.map((candidate) => Math.round(candidate.yMin)))].sort((a, b) => a - b);
  const found = all.find((candidate) => candidate.text === text && Math.round(candidate.yMin) === lines[lineIndex]);
  if (!found) throw new Error(`"${text}" not on line ${lineIndex}: ${all.map((candidate) => candidate.text).join(' ')}`);
  return found;
}

describe('isolated user values in a rendered PDF', () => {
  let words: PdfWord[];
  let text: string;

  beforeAll(async () => {
    const pdf = await renderPdf({
      pageSize: 'A4',
      content: [line(`Name: ${isolate(`${NAME} 2)`)} (Kurs 2)`), line(`Name: ${isolate('Ali\u202Egnp.exe')} (Kurs 2)`)],
    });
    words = pdfWords(pdf);
    text = pdfText(pdf);
  });

  it('keeps "Name:" first and "(Kurs 2)" last around an Arabic name ending in a digit and a bracket', () => {
    const label = word(words, 'Name:', 0);
    const name = word(words, NAME, 0);
    const course = word(words, '(Kurs', 0);
    expect(label.xMax).toBeLessThan(name.xMin);
    expect(name.xMax).toBeLessThan(course.xMin);
  });

  it('draws a stored right-to-left override as nothing: the name reads as typed, between the label and the rest', () => {
    const label = word(words, 'Name:', 1);
    const name = word(words, 'Alignp.exe', 1);
    const course = word(words, '(Kurs', 1);
    expect(label.xMax).toBeLessThan(name.xMin);
    expect(name.xMax).toBeLessThan(course.xMin);
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(text).not.toContain('exe.png');
  });
});
