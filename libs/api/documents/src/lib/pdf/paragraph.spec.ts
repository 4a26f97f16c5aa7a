import { isolate } from './bidi-text';
import { paragraph, PdfNode } from './paragraph';

/** The text of a paragraph node as pdfmake gets it (runs of each line joined, lines joined by `\n`). */
function textOf(node: PdfNode): string {
  if (typeof node['text'] === 'string') return node['text'];
  const lines = node['stack'] as { text: { text: string }[] | string }[];
  return lines
    .map((line) => (typeof line.text === 'string' ? line.text : line.text.map((run) => run.text).join('')))
    .join('\n');
}

describe('paragraph with user-entered text', () => {
  it('drops a right-to-left override from stored text (plain Latin paragraph)', () => {
    const node = paragraph('Akte von Ali\u202Egnp.exe', { width: 300, fontSize: 10 });
    expect(node['text']).toBe('Akte von Alignp.exe');
  });

  it('drops the isolate marks from a paragraph that needs no bidi layout', () => {
    const node = paragraph(`Name: ${isolate('Ali')} (Kurs 2)`, { width: 300, fontSize: 10 });
    expect(node['text']).toBe('Name: Ali (Kurs 2)');
  });

  it('aligns a paragraph by its label, not by an Arabic value inside it', () => {
    const node = paragraph(`Name: ${isolate('مريم')} (Kurs 2)`, { width: 300, fontSize: 10, direction: 'rtl' });
    expect(node['alignment']).toBe('left');
    expect(textOf(node)).not.toMatch(/[\u2066-\u2069\u202A-\u202E]/);
  });

  it('gives a paragraph that is one isolated value the value’s own direction', () => {
    expect(paragraph(isolate('مريم'), { width: 300, fontSize: 10 })['alignment']).toBe('right');
    expect(paragraph(`• ${isolate('Ali')}`, { width: 300, fontSize: 10, direction: 'rtl' })['alignment']).toBe('left');
  });
});
