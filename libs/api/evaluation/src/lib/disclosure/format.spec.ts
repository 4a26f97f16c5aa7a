import {
  countFootnote,
  formatCount,
  formatShare,
  shareFootnote,
  SUPPRESSED_MARK,
} from './format';

describe('rendering', () => {
  it('prints counts in German notation and suppressed ones as "·"', () => {
    expect(formatCount(null)).toBe('·');
    expect(SUPPRESSED_MARK).toBe('·');
    expect(formatCount(7)).toBe('7');
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(50000)).toBe('50.000');
    expect(formatCount(1234567)).toBe('1.234.567');
  });

  it('prints shares as German percent with one decimal, rounded half up', () => {
    expect(formatShare({ numerator: 5, denominator: 12 })).toBe('41,7\u00a0%');
    expect(formatShare({ numerator: 1, denominator: 3 })).toBe('33,3\u00a0%');
    expect(formatShare({ numerator: 1, denominator: 16 })).toBe('6,3\u00a0%');
    expect(formatShare({ numerator: 10, denominator: 10 })).toBe(
      '100,0\u00a0%',
    );
    expect(formatShare({ numerator: 0, denominator: 10 })).toBe('0,0\u00a0%');
    expect(formatShare(null)).toBe('·');
  });

  it('fills k into the footnotes in German and English', () => {
    expect(countFootnote('de', 5)).toBe(
      '· = aus Datenschutzgründen nicht ausgewiesen: weniger als 5 Personen, oder gesperrt, damit ein anderer nicht ausgewiesener Wert nicht aus den Summen errechnet werden kann.',
    );
    expect(countFootnote('en', 7)).toContain('fewer than 7 people');
    expect(shareFootnote('de', 5)).toContain(
      'mindestens 5 Personen das Merkmal haben, mindestens 5 es nicht haben und die Gruppe mindestens 10 Personen',
    );
    expect(shareFootnote('en', 4)).toContain('at least 8 people');
    expect(shareFootnote('en', 4)).not.toContain('{');
  });
});
