/**
 * Languages of the second column of the printed integration plan
 * (`GET /api/clients/:id/documents/plan?language=…`; German is always the first):
 * Arabic, Persian (Farsi), Dari, Ukrainian, Russian, Turkish, English.
 */
export const PLAN_DOCUMENT_LANGUAGES = ['ar', 'fa', 'prs', 'uk', 'ru', 'tr', 'en'] as const;
export type PlanDocumentLanguage = (typeof PLAN_DOCUMENT_LANGUAGES)[number];
