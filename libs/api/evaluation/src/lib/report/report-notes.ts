import type { Breakdown } from '../metrics/evaluation-metrics.sql';

/** Definitions printed under the tables (German). The suppression footnotes come from the disclosure module. */
export const NOTES = {
  cohort:
    'Kohorte = Quartal (bzw. Jahr) des Betreuungsbeginns; gezählt werden Personen, jede genau einmal.',
  allCohorts:
    'Alle Kohorten des Berichtszeitraums zusammen; gezählt werden Personen, jede genau einmal.',
  months:
    'Personen, die das Ergebnis innerhalb von 36 vollen Monaten seit Betreuungsbeginn erstmals erreicht haben, nach dem Zeitpunkt des ersten Erreichens; „Insgesamt“ = alle Personen der Zeile bzw. Spalte.',
  cumulative:
    'Anteil der Personen der Zeile (Kohorte bzw. Gruppe), die das Ergebnis innerhalb der genannten Zahl voller Monate seit Betreuungsbeginn erstmals erreicht haben. Ein Anteil wird auch dann nicht ausgewiesen, wenn Zähler oder Nenner im Bericht nicht ausgewiesen sind.',
  censored:
    'Bei jüngeren Kohorten ist der Beobachtungszeitraum noch nicht abgeschlossen; ihre Anteile können noch steigen.',
  goals:
    'Personen mit mindestens einem Ziel im Handlungsfeld in diesem Stand. Mehrfachnennungen: Eine Person kann in mehreren Handlungsfeldern und Ständen zählen, daher keine Summen.',
  softRatings:
    'Personen mit mindestens zwei Einschätzungen dieses Faktors: erste gegenüber letzter Einschätzung.',
  closures:
    'Grund der Beendigung bei beendeter Betreuung (Stand bei Erstellung des Berichts).',
} as const;

/** Where persons with the gender "divers" or "keine Angabe" are (metrics/published-gender.ts). */
export const GENDER_ASSIGNMENT_NOTE =
  'Personen mit der Angabe divers oder ohne Angabe sind – wie in der amtlichen Statistik – per Zufall den Gruppen weiblich und männlich zugeordnet; nicht ausgewiesen, um sie zu schützen.';

/** The footnotes every table by `breakdown` carries (gender: the assignment of divers / keine Angabe). */
export function breakdownNotes(breakdown: Breakdown): string[] {
  return breakdown === 'gender' ? [GENDER_ASSIGNMENT_NOTE] : [];
}
