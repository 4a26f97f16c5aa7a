import { PlanDocumentLanguage } from '@wegweiser/api/documents';
import { FieldOfAction } from '@wegweiser/shared/contracts';

/**
 * Fields of action (Handlungsfelder) in the client's language for the plan
 * document. Plain working translations like the document's fixed labels:
 * have them checked by a translator before the document goes to clients.
 * (German: GERMAN_VOCABULARY.fieldOfAction.)
 */
const PERSIAN: Record<FieldOfAction, string> = {
  language: 'زبان',
  work: 'کار',
  apprenticeship: 'آموزش حرفه‌ای',
  education: 'تحصیل/دانشگاه',
  housing: 'مسکن',
  health: 'سلامت',
  social_participation: 'مشارکت اجتماعی',
  family: 'خانواده/نگهداری از کودک',
  legal: 'حقوقی/اقامت',
};

export const CLIENT_FIELD_OF_ACTION_LABELS: Record<PlanDocumentLanguage, Record<FieldOfAction, string>> = {
  ar: {
    language: 'اللغة',
    work: 'العمل',
    apprenticeship: 'التدريب المهني',
    education: 'التعليم/الدراسة',
    housing: 'السكن',
    health: 'الصحة',
    social_participation: 'المشاركة الاجتماعية',
    family: 'الأسرة/رعاية الأطفال',
    legal: 'الشؤون القانونية/الإقامة',
  },
  fa: PERSIAN,
  prs: PERSIAN,
  uk: {
    language: 'Мова',
    work: 'Робота',
    apprenticeship: 'Професійне навчання',
    education: 'Освіта/навчання',
    housing: 'Житло',
    health: 'Здоров’я',
    social_participation: 'Соціальна участь',
    family: 'Сім’я/догляд за дітьми',
    legal: 'Право/перебування',
  },
  ru: {
    language: 'Язык',
    work: 'Работа',
    apprenticeship: 'Профессиональное обучение',
    education: 'Образование/учёба',
    housing: 'Жильё',
    health: 'Здоровье',
    social_participation: 'Участие в общественной жизни',
    family: 'Семья/уход за детьми',
    legal: 'Право/пребывание',
  },
  tr: {
    language: 'Dil',
    work: 'İş',
    apprenticeship: 'Meslek eğitimi',
    education: 'Eğitim/öğrenim',
    housing: 'Konut',
    health: 'Sağlık',
    social_participation: 'Sosyal katılım',
    family: 'Aile/çocuk bakımı',
    legal: 'Hukuk/oturum',
  },
  en: {
    language: 'Language',
    work: 'Work',
    apprenticeship: 'Apprenticeship',
    education: 'Education/studies',
    housing: 'Housing',
    health: 'Health',
    social_participation: 'Social participation',
    family: 'Family/childcare',
    legal: 'Legal/residence',
  },
};
