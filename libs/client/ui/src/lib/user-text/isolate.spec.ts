import { isolate, IsolatePipe, withoutBidiControls } from './isolate';

describe('isolate', () => {
  it('wraps a user text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
    expect(isolate('مريم 2)')).toBe('\u2068مريم 2)\u2069');
    expect(`Akte von ${isolate('مريم 2)')} gespeichert`).toBe('Akte von \u2068مريم 2)\u2069 gespeichert');
  });

  it('strips overrides, embeddings and isolates from the text, so it cannot reverse itself or close the isolate early', () => {
    expect(isolate('Ali\u202Egnp.exe')).toBe('\u2068Alignp.exe\u2069');
    expect(isolate('a\u2069b\u2067c\u202Ad\u202C')).toBe('\u2068abcd\u2069');
  });

  it('keeps other invisible characters that belong to the text (ZWNJ in Persian, RLM)', () => {
    expect(isolate('گام‌ها\u200F')).toBe('\u2068گام‌ها\u200F\u2069');
  });

  it('gives nothing for no text', () => {
    expect(isolate('')).toBe('');
    expect(isolate(null)).toBe('');
    expect(isolate(undefined)).toBe('');
  });

  it('is the same as a pipe', () => {
    expect(new IsolatePipe().transform('Ali')).toBe('\u2068Ali\u2069');
  });
});

describe('withoutBidiControls', () => {
  it('leaves ordinary text alone', () => {
    expect(withoutBidiControls('Testperson Eins (12)')).toBe('Testperson Eins (12)');
  });
});
