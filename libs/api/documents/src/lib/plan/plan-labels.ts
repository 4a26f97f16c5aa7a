/**
 * Fixed labels of the bilingual integration plan, German plus the client's
 * language. Free text (goals, steps) is printed as entered, never translated.
 * The translations are plain working translations; have them checked by a
 * translator before the document goes to clients.
 */
import { PLAN_DOCUMENT_LANGUAGES, PlanDocumentLanguage } from '@wegweiser/shared/contracts';

export { PLAN_DOCUMENT_LANGUAGES };
export type { PlanDocumentLanguage };

export interface PlanLabels {
  title: string;
  name: string;
  caseNumber: string;
  agreedOn: string;
  goal: string;
  dueOn: string;
  steps: string;
  placeDate: string;
  signatureClient: string;
  signatureManager: string;
  /** `{page}` and `{pages}` are replaced. */
  page: string;
}

export const GERMAN_PLAN_LABELS: PlanLabels = {
  title: 'Integrationsplan',
  name: 'Name',
  caseNumber: 'Aktenzeichen',
  agreedOn: 'Vereinbart am',
  goal: 'Ziel',
  dueOn: 'Fällig am',
  steps: 'Schritte',
  placeDate: 'Ort, Datum',
  signatureClient: 'Unterschrift Klient:in',
  signatureManager: 'Unterschrift Integrationsmanager:in',
  page: 'Seite {page} von {pages}',
};

const PERSIAN: PlanLabels = {
  title: 'برنامه ادغام',
  name: 'نام',
  caseNumber: 'شماره پرونده',
  agreedOn: 'تاریخ توافق',
  goal: 'هدف',
  dueOn: 'مهلت',
  steps: 'گام‌ها',
  placeDate: 'محل، تاریخ',
  signatureClient: 'امضای مراجع',
  signatureManager: 'امضای مسئول ادغام',
  page: 'صفحه {page} از {pages}',
};

export const CLIENT_PLAN_LABELS: Record<PlanDocumentLanguage, PlanLabels> = {
  ar: {
    title: 'خطة الاندماج',
    name: 'الاسم',
    caseNumber: 'رقم الملف',
    agreedOn: 'تاريخ الاتفاق',
    goal: 'الهدف',
    dueOn: 'الموعد النهائي',
    steps: 'الخطوات',
    placeDate: 'المكان، التاريخ',
    signatureClient: 'توقيع العميل/العميلة',
    signatureManager: 'توقيع مسؤول/مسؤولة الاندماج',
    page: 'صفحة {page} من {pages}',
  },
  fa: PERSIAN,
  prs: {
    ...PERSIAN,
    title: 'پلان ادغام',
    caseNumber: 'شماره دوسیه',
  },
  uk: {
    title: 'План інтеграції',
    name: 'Ім’я',
    caseNumber: 'Номер справи',
    agreedOn: 'Погоджено',
    goal: 'Ціль',
    dueOn: 'Термін',
    steps: 'Кроки',
    placeDate: 'Місце, дата',
    signatureClient: 'Підпис клієнта/клієнтки',
    signatureManager: 'Підпис менеджера/менеджерки з інтеграції',
    page: 'Сторінка {page} з {pages}',
  },
  ru: {
    title: 'План интеграции',
    name: 'Имя',
    caseNumber: 'Номер дела',
    agreedOn: 'Согласовано',
    goal: 'Цель',
    dueOn: 'Срок',
    steps: 'Шаги',
    placeDate: 'Место, дата',
    signatureClient: 'Подпись клиента/клиентки',
    signatureManager: 'Подпись менеджера по интеграции',
    page: 'Страница {page} из {pages}',
  },
  tr: {
    title: 'Entegrasyon planı',
    name: 'Ad',
    caseNumber: 'Dosya numarası',
    agreedOn: 'Kararlaştırıldığı tarih',
    goal: 'Hedef',
    dueOn: 'Son tarih',
    steps: 'Adımlar',
    placeDate: 'Yer, tarih',
    signatureClient: 'Danışanın imzası',
    signatureManager: 'Entegrasyon yöneticisinin imzası',
    page: 'Sayfa {page} / {pages}',
  },
  en: {
    title: 'Integration plan',
    name: 'Name',
    caseNumber: 'Case number',
    agreedOn: 'Agreed on',
    goal: 'Goal',
    dueOn: 'Due on',
    steps: 'Steps',
    placeDate: 'Place, date',
    signatureClient: 'Signature of the client',
    signatureManager: 'Signature of the integration manager',
    page: 'Page {page} of {pages}',
  },
};

/** Languages written right to left. */
export const RIGHT_TO_LEFT_LANGUAGES: readonly PlanDocumentLanguage[] = [
  'ar',
  'fa',
  'prs',
];
