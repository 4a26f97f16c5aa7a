import type {
  EmploymentStatusCounts,
  TrainingStatusCounts,
} from '../metrics/evaluation-metrics.types';

/** German texts of the issue-19 tables (status, time to event, plans, caseload, key figures). */

/** Printed instead of a figure that depends on months not yet observed for every person of the cohort. */
export const NOT_OBSERVABLE = 'noch nicht beobachtbar';

export const EMPLOYMENT_STATUS_KEYS = ['socialInsurance', 'selfEmployed', 'miniJob', 'notEmployed'] as const satisfies readonly (keyof EmploymentStatusCounts)[];
export const EMPLOYMENT_STATUS_LABELS: Record<keyof EmploymentStatusCounts, string> = {
  socialInsurance: 'SV-pflichtig',
  selfEmployed: 'selbständig',
  miniJob: 'Minijob',
  notEmployed: 'nicht beschäftigt',
};

export const TRAINING_STATUS_KEYS = ['completed', 'ongoing', 'brokenOff', 'notStarted'] as const satisfies readonly (keyof TrainingStatusCounts)[];
export const TRAINING_STATUS_LABELS: Record<keyof TrainingStatusCounts, string> = {
  completed: 'abgeschlossen',
  ongoing: 'laufend',
  brokenOff: 'abgebrochen',
  notStarted: 'nicht begonnen',
};
export const TRAINING_LABELS = { apprenticeship: 'Ausbildung', studies: 'Studium' } as const;

export const PLAN_STATUS_KEYS = ['within3Months', 'later', 'none'] as const;
export const PLAN_STATUS_LABELS: Record<(typeof PLAN_STATUS_KEYS)[number], string> = {
  within3Months: 'innerhalb von 3 Monaten vereinbart',
  later: 'später vereinbart',
  none: '(noch) kein Plan',
};

export const TIME_TO_EVENT_LABELS = { b1: 'Deutsch B1 oder höher', employment: 'Beschäftigung (jede Art)' } as const;
export const TIME_TO_EVENT_COLUMNS = [
  'Median (Monate)',
  'ohne Ergebnis bei Beginn',
  'noch ohne Ergebnis nach 12 Monaten',
  'noch ohne Ergebnis nach 24 Monaten',
] as const;

export const CASELOAD_COLUMNS = ['offene Betreuungen', 'Betreuungen je Integrationsmanager/-in (Durchschnitt)'] as const;

export const STATUS_NOTES = {
  employment:
    'Stand der Beschäftigung am Tag m volle Monate nach Betreuungsbeginn: eine Beschäftigung, die bis dahin begonnen und nicht vorher beendet wurde; SV-pflichtig = sozialversicherungspflichtig. Jede Person zählt einmal, bei mehreren Beschäftigungen unter der ersten zutreffenden Art (sozialversicherungspflichtig vor selbständig vor Minijob). Eine kurze Beschäftigung, die vor diesem Tag endete, zählt als „nicht beschäftigt“.',
  training:
    'Stand 36 volle Monate nach Betreuungsbeginn, je Person die erste zutreffende Angabe: abgeschlossen (bis dahin erfolgreich beendet), laufend (begonnen und nicht beendet), abgebrochen (ohne Abschluss beendet), nicht begonnen (keine nach Betreuungsbeginn begonnen).',
  plans:
    'Personen mit einem vereinbarten (unterschriebenen) Integrationsplan: erstmals innerhalb von 3 vollen Monaten nach Betreuungsbeginn oder später; „(noch) kein Plan“ = bis zum Stand der Daten keiner vereinbart.',
  timeToEvent:
    'Median der Dauer bis zum ersten Erreichen nach dem Kaplan-Meier-Verfahren: Personen, deren Beobachtung endet (Stand der Daten, höchstens 36 Monate), ohne das Ergebnis erreicht zu haben, zählen bis dahin mit (zensiert). Ausgewiesen wird der erste volle Monat, in dem der geschätzte Anteil ohne Ergebnis auf 50 % oder darunter fällt; „nicht innerhalb von N Monaten“: der Anteil ist in der Beobachtungszeit nicht auf 50 % gefallen. Personen, bei denen das Ergebnis schon bei Beginn vorhanden war, zählen nicht mit.',
  atRisk:
    '„ohne Ergebnis bei Beginn“ bzw. „noch ohne Ergebnis nach m Monaten“ = Zahl unter Risiko: Personen der Kohorte ohne das Ergebnis bei Beginn, die es in den ersten m vollen Monaten nicht erreicht haben. Ausgewiesen nur, wenn sie sich aus den ausgewiesenen Zahlen der Ergebnistabelle derselben Kohorte ergibt.',
  caseload:
    'Offene Betreuungen am Stichtag, geteilt durch die Zahl der Integrationsmanagerinnen und -manager, die an diesem Tag Betreuungen führen. Der Durchschnitt wird nur ausgewiesen, wenn mindestens k Betreuungen offen sind und mindestens 3 Personen sie führen (sonst ließe er auf die Fallzahl einzelner Beschäftigter schließen).',
} as const;

/** Footnote of the median column for threshold `k`. */
export function kaplanMeierMedianFootnote(k: number): string {
  return `· = Median nicht ausgewiesen: weniger als ${k} Personen haben das Ergebnis erreicht oder die Kohorte umfasst weniger als ${k} Personen.`;
}

/** Footnote of a table with rows not yet observable. */
export function notObservableFootnote(months: number, observedUntil: string): string {
  return `${NOT_OBSERVABLE}: Betreuungsbeginn der Kohorte liegt zum Teil weniger als ${months} volle Monate vor dem Stand der Daten (${observedUntil}); die Kohorte ist in „Insgesamt“ nicht enthalten.`;
}

/** The text of a median that the curve does not reach within the months observed. */
export function notReachedWithin(months: number): string {
  return `nicht innerhalb von ${months} Monaten`;
}

/** Paragraphs for the method appendix (German), for the renderer's method page. */
export const OUTCOME_METHOD_PARAGRAPHS: readonly string[] = [
  'Dauer bis zum Ergebnis: Kaplan-Meier-Schätzung aus den vollen Monaten seit Betreuungsbeginn. Wer bis zum Stand der Daten (höchstens 36 Monate) das Ergebnis nicht erreicht hat, zählt bis zum Ende seiner Beobachtung mit (zensiert); erreicht jemand das Ergebnis im selben Monat, in dem die Beobachtung anderer endet, wird das Erreichen zuerst gezählt. Der Median ist der erste Monat, in dem der geschätzte Anteil ohne Ergebnis 50 % erreicht oder unterschreitet. Er wird nur gezeigt, wenn mindestens k Personen das Ergebnis erreicht haben und die Kohorte mindestens k Personen umfasst. Die Zahl unter Risiko wird nur gezeigt, wenn sie sich aus den ausgewiesenen Zahlen der Ergebnistabelle ergibt.',
  'Stand nach 12, 24 und 36 Monaten: Beschäftigung und Ausbildung/Studium werden als Stand an diesem Tag gezählt, nicht als „jemals begonnen“. Eine Kohorte wird erst gezählt, wenn alle ihre Personen so lange beobachtet sind (letzter Tag der Kohorte plus m Monate spätestens am Stand der Daten); vorher steht „noch nicht beobachtbar“ und die Kohorte fehlt in „Insgesamt“. „Insgesamt“ wird nur ausgewiesen, wenn es sich aus ausgewiesenen Kohortengrößen ergibt.',
  'Kennzahlen auf einen Blick: Jede Kennzahl wird aus den ausgewiesenen Tabellen dieses Berichts berechnet, nur als Summe ausgewiesener Zahlen oder als ausgewiesene Summe minus ausgewiesener Zahlen; sonst steht „·“. Anteile unterliegen derselben Regel wie in den Tabellen. „In Beschäftigung nach 24 Monaten“ zählt sozialversicherungspflichtige und selbständige Beschäftigung, keine Minijobs. Der Betreuungsschlüssel wird nur bei mindestens k offenen Betreuungen und mindestens 3 Integrationsmanagerinnen und -managern gezeigt.',
];
