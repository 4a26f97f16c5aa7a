export * from './lib/plan/bilingual-plan';
export * from './lib/plan/plan-labels';
export * from './lib/pdf/bidi-text';
export * from './lib/pdf/paragraph';
export * from './lib/pdf/render-pdf';
export { FONT_FAMILIES, fontFile, type FontFamily } from './lib/pdf/fonts';
export * from './lib/subject-access/subject-access-input';
export * from './lib/subject-access/subject-access-pdf';
export * from './lib/subject-access/german-vocabulary';
