import {
  FontkitFont,
  loadFontkit,
  resolvePackageFile,
} from './runtime-modules';

/**
 * Fonts of the documents, TTF from npm (SIL Open Font License): Noto Sans for
 * Latin (ä ö ü ß) and Cyrillic, Vazirmatn for Arabic, Persian and Dari.
 * pdfmake has no font fallback, so text is split into runs with a family each.
 * (Not Noto Sans Arabic: its builds draw letters as dotless skeletons plus dot
 * glyphs, so the PDF's text layer, copy and paste and screen readers get
 * wrong letters; Vazirmatn maps every glyph back to its letters.)
 */
export const FONT_FAMILIES = ['NotoSans', 'Vazirmatn'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

export type FontWeight = 'normal' | 'bold';

const FONT_FILES: Record<FontFamily, Record<FontWeight, string>> = {
  NotoSans: {
    normal: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  Vazirmatn: {
    normal: 'vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf',
    bold: 'vazirmatn/fonts/ttf/Vazirmatn-Bold.ttf',
  },
};

/** Absolute path of a font file (resolved in node_modules, also from the webpack bundle). */
export function fontFile(family: FontFamily, weight: FontWeight): string {
  return resolvePackageFile(FONT_FILES[family][weight]);
}

/** pdfmake's font dictionary (italics fall back to the upright files). */
export function pdfMakeFonts(): Record<FontFamily, Record<string, string>> {
  const entry = (family: FontFamily) => ({
    normal: fontFile(family, 'normal'),
    bold: fontFile(family, 'bold'),
    italics: fontFile(family, 'normal'),
    bolditalics: fontFile(family, 'bold'),
  });
  return { NotoSans: entry('NotoSans'), Vazirmatn: entry('Vazirmatn') };
}

const opened = new Map<string, FontkitFont>();

/** The parsed font (cached per process). */
export function openFont(family: FontFamily, weight: FontWeight): FontkitFont {
  const path = fontFile(family, weight);
  let font = opened.get(path);
  if (!font) {
    font = loadFontkit().openSync(path);
    opened.set(path, font);
  }
  return font;
}

/** Width in points of `text` set in one font, measured as pdfkit lays it out (shaped, kerned). */
export function measureText(
  text: string,
  family: FontFamily,
  weight: FontWeight,
  fontSize: number,
): number {
  if (!text) return 0;
  const font = openFont(family, weight);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * fontSize;
}
