import { copyCell } from './copy-writer';

describe('copyCell', () => {
  it('writes NULL for missing values', () => {
    expect(copyCell(null)).toBe('\\N');
    expect(copyCell(undefined)).toBe('\\N');
  });

  it('escapes the characters that structure COPY text', () => {
    expect(copyCell('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
  });

  it('writes arrays as quoted PostgreSQL array literals', () => {
    expect(copyCell(['SY', 'IQ'])).toBe('{"SY","IQ"}');
    expect(copyCell([])).toBe('{}');
    // element quoted for the array literal, then backslashes doubled for COPY text
    expect(copyCell(['a"b'])).toBe(String.raw`{"a\\"b"}`);
  });

  it('keeps other scripts untouched', () => {
    expect(copyCell('أحمد ابراهيم')).toBe('أحمد ابراهيم');
    expect(copyCell(42)).toBe('42');
  });
});
