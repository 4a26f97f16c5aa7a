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
