import { firstForbiddenCharacter, forbiddenCharacterIn } from './text-characters';

const hex = (codePoint: number) => String.fromCodePoint(codePoint);

describe('forbidden characters in request text', () => {
  describe('names of every script pass as single-line text', () => {
    it.each([
      ['Arabic', 'محمد عبد الله'],
      ['Persian with ZWNJ (U+200C) inside the word', 'علی\u200Cرضا مهدی\u200Cزاده'],
      ['Dari', 'فرشته احمدزی'],
      ['Pashto', 'ګل‌ احمد'],
      ['Tigrinya (Ethiopic)', 'ኣብርሃም ተስፋይ'],
      ['Ukrainian (Cyrillic) with apostrophe', 'Дар’я Шевченко'],
      ['Vietnamese with combining marks (NFD)', 'Nguye\u0302\u0303n Thi\u0323 Ha\u0300'],
      ['Vietnamese precomposed', 'Nguyễn Thị Hà'],
      ['Latin with diacritics and punctuation', "Zoë O'Neil-Łukasiewicz ẞ Ḥasan"],
      ['Kurdish (Latin)', 'Şêrko Xelîl'],
      ['Devanagari with ZWJ (U+200D)', 'क्\u200Dष'],
      ['Chinese with an ideographic variation selector', '葛\u{E0100}飾'],
      ['emoji: family (ZWJ), heart (VS16), keycap, flag of Scotland (tags)', '👩‍👩‍👧‍👦 ❤️ 1️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏳️‍🌈'],
      ['spaces that show (NBSP, narrow NBSP, ideographic space)', 'Jean\u00A0Paul\u202FX\u3000Y'],
    ])('%s', (_label, value) => {
      expect(firstForbiddenCharacter(value, false)).toBeNull();
      expect(forbiddenCharacterIn(value, true)).toBe(false);
    });
  });

  describe('refused everywhere, multi-line text included', () => {
    const everywhere = [
      ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => ![0x09, 0x0a, 0x0d].includes(c)),
      ...Array.from({ length: 0xa0 - 0x7f }, (_, i) => 0x7f + i),
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
      0x2066, 0x2067, 0x2068, 0x2069,
    ];
    it.each(everywhere.map((c) => [c.toString(16).toUpperCase().padStart(4, '0'), c]))('U+%s', (label, codePoint) => {
      const value = `Ali${hex(codePoint)}gnp.exe`;
      expect(firstForbiddenCharacter(value, false)).toBe(`U+${label}`);
      expect(firstForbiddenCharacter(value, true)).toBe(`U+${label}`);
    });

    it('finds the spoofed file name of the probe and a NUL', () => {
      expect(forbiddenCharacterIn('Ali\u202Egnp.exe', false)).toBe(true);
      expect(forbiddenCharacterIn('Ali\u202Egnp.exe', true)).toBe(true);
      expect(forbiddenCharacterIn('a\u0000b', true)).toBe(true);
    });
  });

  describe('refused only in single-line text', () => {
    const singleLineOnly = [
      0x09, 0x0a, 0x0d, 0x2028, 0x2029, 0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x180e, 0x200b, 0x200e, 0x200f,
      0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x206a, 0x206f, 0x2800, 0x3164, 0xfeff, 0xffa0, 0xfff9, 0xfffb, 0xe0001,
    ];
    it.each(singleLineOnly.map((c) => [c.toString(16).toUpperCase().padStart(4, '0'), c]))('U+%s', (label, codePoint) => {
      const value = `Ali${hex(codePoint)}Reza`;
      expect(firstForbiddenCharacter(value, false)).toBe(`U+${label}`);
      expect(forbiddenCharacterIn(value, true)).toBe(false);
    });

    it('keeps line breaks, tabs and invisible marks in multi-line text (notes pasted from word processors)', () => {
      const note = 'Termin beim Jobcenter.\r\n\tمراجعة الأوراق\u200F غداً\n\u2028Weiter\u00ADmachen\u200B.';
      expect(forbiddenCharacterIn(note, true)).toBe(false);
      expect(forbiddenCharacterIn(note, false)).toBe(true);
    });
  });

  describe('variation selectors and tags only where emoji use them', () => {
    it.each([
      ['after a Latin letter', 'Ali\uFE0F', 'U+FE0F'],
      ['at the start', '\uFE0EAli', 'U+FE0E'],
      ['a run after an emoji (bytes smuggled in selectors)', '😀\u{E0100}\u{E0101}', 'U+E0101'],
      ['ideographic selector after a Latin letter', 'a\u{E0100}', 'U+E0100'],
      ['tag letters without the black flag', 'Ali\u{E0069}\u{E0067}\u{E006E}', 'U+E0069'],
      ['a tag text longer than a subdivision code', '🏴\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}\u{E0020}\u{E007F}', 'U+E0069'],
    ])('refuses %s', (_label, value, character) => {
      expect(firstForbiddenCharacter(value, false)).toBe(character);
    });
  });

  it('reports the first refused character, controls first', () => {
    expect(firstForbiddenCharacter('a\u200Bb\u202Ec', false)).toBe('U+202E');
    expect(firstForbiddenCharacter('a\u200Bb', false)).toBe('U+200B');
    expect(firstForbiddenCharacter('😀', false)).toBeNull();
    expect(firstForbiddenCharacter('', false)).toBeNull();
  });
});
