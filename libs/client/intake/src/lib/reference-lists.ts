/**
 * Countries (ISO 3166-1 alpha-2) and languages (ISO 639-1/-3) the intake
 * offers: the common countries of origin and languages of people in
 * integration management, plus Germany and German. Shown by name through
 * `Intl.DisplayNames` in the user's language, sorted by that name.
 */
export const INTAKE_COUNTRIES = [
  'AF', 'AL', 'AM', 'AZ', 'BA', 'BD', 'BY', 'CD', 'CM', 'CN', 'CO', 'DE', 'DZ', 'EG', 'ER', 'ET', 'GE', 'GM', 'GN', 'IN', 'IQ', 'IR',
  'KZ', 'LB', 'LK', 'LY', 'MA', 'MD', 'MK', 'NG', 'PK', 'PS', 'RS', 'RU', 'SD', 'SN', 'SO', 'SS', 'SY', 'TN', 'TR', 'UA', 'VE', 'VN', 'YE',
] as const;

export const INTAKE_LANGUAGES = [
  'am', 'ar', 'bn', 'ckb', 'de', 'en', 'fa', 'fr', 'hy', 'ka', 'kmr', 'ku', 'ps', 'ru', 'so', 'sq', 'sr', 'ta', 'ti', 'tr', 'uk', 'ur', 'vi', 'zh',
] as const;

export interface NamedCode {
  code: string;
  name: string;
}

/** The codes with their names in `locale`, sorted by name (a code without a name keeps the code). */
export function namedCodes(codes: readonly string[], type: 'region' | 'language', locale: string): NamedCode[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type });
  } catch {
    names = null;
  }
  return codes
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
