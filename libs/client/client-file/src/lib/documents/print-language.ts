import { PlanDocumentLanguage } from '@wegweiser/shared/contracts';

/** ISO 639-1/-2/-3 codes (lower case) of the plan's print languages. */
const CODES: Readonly<Record<string, PlanDocumentLanguage>> = {
  ar: 'ar',
  ara: 'ar',
  fa: 'fa',
  fas: 'fa',
  per: 'fa',
  prs: 'prs',
  'fa-af': 'prs',
  uk: 'uk',
  ukr: 'uk',
  ru: 'ru',
  rus: 'ru',
  tr: 'tr',
  tur: 'tr',
  en: 'en',
  eng: 'en',
};

/**
 * The print language to preselect: the first of the client's languages that
 * the plan can be printed in; Persian of a client from Afghanistan is Dari.
 * `null` when none maps (the user chooses).
 */
export function preselectedPrintLanguage(languagesSpoken: readonly string[], countryOfOrigin: string | null): PlanDocumentLanguage | null {
  for (const code of languagesSpoken) {
    const language = CODES[code.trim().toLowerCase()];
    if (language) return language === 'fa' && countryOfOrigin === 'AF' ? 'prs' : language;
  }
  return null;
}

