import type { EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { SUPPRESSED_MARK } from '../../disclosure';

/** The method page of the report (German): definitions and the suppression rule with this report's k. */
export function methodParagraphs(
  report: EvaluationReportResponse,
): { heading: string; text: string }[] {
  const { k } = report;
  const cohort = report.granularity === 'year' ? 'Kalenderjahr' : 'Quartal';
  return [
    {
      heading: 'Grundgesamtheit und Kohorten',
      text: `Gezählt werden Personen, deren Betreuung im Berichtszeitraum begonnen hat, jede genau einmal – auch Personen, deren Akte inzwischen gelöscht ist (anonymer Auswertungsdatensatz). Eine Kohorte umfasst alle Personen mit Betreuungsbeginn im selben ${cohort}; der Berichtszeitraum wird auf ganze Kohorten erweitert.`,
    },
    {
      heading: 'Innerhalb von N Monaten',
      text: 'Ein Ergebnis gilt als innerhalb von N Monaten erreicht, wenn es vor Ablauf von N vollen Monaten seit Betreuungsbeginn erstmals eingetreten ist. Ausgewiesen werden Deutsch B1 oder höher, Beschäftigung (jede Art, sozialversicherungspflichtig, Minijob, selbstständig, Vollzeit, Teilzeit, passend zur Qualifikation), Ausbildung und Studium. Eine Person kann mehrere Ergebnisse erreichen; jedes Ergebnis hat deshalb eine eigene Tabelle. Bei jüngeren Kohorten ist der Beobachtungszeitraum noch nicht abgeschlossen.',
    },
    {
      heading: 'Median',
      text: 'Der Median der Dauer ist der mittlere Wert der vollen Monate vom Betreuungsbeginn bis zum ersten Erreichen, gebildet nur über die Personen, die das Ergebnis erreicht haben (bei gerader Anzahl der Mittelwert der beiden mittleren Werte, daher z. B. „7,5“).',
    },
    {
      heading: 'Weiche Faktoren und Ziele',
      text: 'Gesundheit, soziales Umfeld und Qualität der Beschäftigung werden in regelmäßigen Einschätzungen bewertet. Verglichen wird die erste mit der letzten Einschätzung jeder Person, die mindestens zwei hat: verbessert, unverändert oder verschlechtert. Bei den Zielen zählt jede Person mit mindestens einem Ziel im Handlungsfeld und Stand (erreicht, nicht erreicht, verworfen).',
    },
    {
      heading: 'Schutz vor Rückschlüssen auf Personen',
      text: `Der Bericht enthält keine Namen, Fallnummern, Geburtsdaten oder freien Texte. Jede ausgewiesene Anzahl beruht auf mindestens k = ${k} Personen; kleinere Anzahlen – auch 0 – werden durch „${SUPPRESSED_MARK}“ ersetzt. Ein Anteil wird nur ausgewiesen, wenn mindestens ${k} Personen das Merkmal haben, mindestens ${k} es nicht haben und die Gruppe mindestens ${2 * k} Personen umfasst, und wenn Zähler und Nenner im Bericht ausgewiesen sind. Ein Median wird nur ausgewiesen, wenn mindestens ${k} Personen das Ergebnis erreicht haben.`,
    },
    {
      heading: 'Sekundärsperrung',
      text: `Damit ein gesperrter Wert nicht aus Zeilen- oder Spaltensummen errechnet werden kann, werden weitere Werte gesperrt (Sekundärsperrung). Jede Tabelle wird vor der Ausgabe rechnerisch geprüft: Für jeden gesperrten Wert bleiben nach allen ausgewiesenen Zahlen mindestens zwei mögliche Werte offen. Summen, die in mehreren Tabellen vorkommen (etwa die Größe einer Kohorte), werden in allen Tabellen gleich behandelt. Dieselben Daten ergeben immer dieselben Sperrungen. „${SUPPRESSED_MARK}“ bedeutet deshalb: nicht ausgewiesen, weil weniger als ${k} Personen oder zum Schutz eines anderen Wertes.`,
    },
  ];
}
