import type { EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { SUPPRESSED_MARK } from '../../disclosure';
import { GENDER_ASSIGNMENT_NOTE } from '../report-notes';

/** Title of the method appendix at the end of the report. */
export const METHOD_TITLE = 'Methodik';

/**
 * The method appendix of the report (German): who is counted, how gender is published, the definitions of the outcomes, the durations
 * (Kaplan–Meier), and the disclosure control with this report's k.
 */
export function methodParagraphs(
  report: EvaluationReportResponse,
): { heading: string; text: string }[] {
  const { k } = report;
  const cohort =
    report.granularity === 'year'
      ? 'Kalenderjahr (die vier Quartalskohorten eines Jahres zusammen)'
      : 'Quartal';
  return [
    {
      heading: 'Grundgesamtheit und Kohorten',
      text: `Gezählt werden Personen, deren Betreuung im Berichtszeitraum begonnen hat, jede genau einmal – auch Personen, deren Akte inzwischen gelöscht ist (anonymer Auswertungsdatensatz). Die Kohorten werden nach dem Quartal des Betreuungsbeginns gebildet; dieser Bericht fasst sie je ${cohort} zusammen. Berichtszeiträume sind ganze Quartale oder Kalenderjahre (ein festes Raster). Das Vorjahr auf der ersten Seite sind dieselben Quartale ein Jahr früher.`,
    },
    {
      heading: 'Geschlecht',
      text: `${GENDER_ASSIGNMENT_NOTE} So verfahren die Statistischen Ämter des Bundes und der Länder, wenn die Angaben divers und ohne Angabe wegen der Geheimhaltung nicht ausgewiesen werden können. Die Zuordnung hängt nur von der Person ab (ein fester Zufallswert je Person, bei gelöschten Akten im anonymen Auswertungsdatensatz gespeichert) und gilt immer, nicht nur bei kleinen Fallzahlen: So steht jede Person in jedem Bericht in derselben Gruppe, und der Vergleich zweier Berichte verrät niemanden. Die Gesamtzahlen enthalten alle Personen.`,
    },
    {
      heading: 'Deutsch B1',
      text: 'Deutsch B1 gilt als erreicht zum früheren der beiden Zeitpunkte: das erste Ergebnis „Deutsch B1 oder höher“ oder die erste zertifizierte Deutschkenntnis auf Niveau B1 oder höher im Sprachprofil. Ein Ergebnis mit einem Datum vor dem Betreuungsbeginn heißt „bei Beginn vorhanden“ und zählt nie als Erfolg der Betreuung.',
    },
    {
      heading: 'Beschäftigung',
      text: 'Beschäftigung ist der Stand am Stichtag 12, 24 und 36 Monate nach Betreuungsbeginn, nach Art der Beschäftigung. Bestehen am Stichtag mehrere, zählt die erste in der Reihenfolge sozialversicherungspflichtig vor selbstständig vor Minijob. Eine Beschäftigung, die vor dem Stichtag geendet hat, zählt an diesem Stichtag nicht.',
    },
    {
      heading: 'Ausbildung und Studium',
      text: 'Gezählt werden Ausbildungen und Studien, die innerhalb von 36 Monaten seit Betreuungsbeginn begonnen wurden, und ihr Stand nach 36 Monaten: abgeschlossen, laufend, abgebrochen oder nicht begonnen.',
    },
    {
      heading: 'Dauer bis B1 und bis zur Beschäftigung',
      text: 'Die Dauer bis Deutsch B1 bzw. bis zur ersten Beschäftigung wird als Median nach Kaplan–Meier in vollen Monaten angegeben. Personen, die das Ergebnis bis zum Ende ihrer Beobachtung (Stand der Daten, höchstens 36 Monate; bei gelöschten Akten der Tag der Löschung) nicht erreicht haben, gehen bis dahin ein (Zensierung); das Ende der Betreuung beendet die Beobachtung nicht; ausgewiesen wird auch die Zahl der Personen unter Risiko. „noch nicht beobachtbar“ heißt: Der Stichtag bzw. der Median liegt noch nach dem Ende der Beobachtung.',
    },
    {
      heading: 'Schutz vor Rückschlüssen auf Personen',
      text: `Der Bericht enthält keine personenbezogenen Daten: keine Namen, Fallnummern, Geburtsdaten oder freien Texte. Die Mindestfallzahl k legt die Administration je Kommune fest, mindestens 5; in diesem Bericht ist k = ${k}. Jede ausgewiesene Anzahl beruht auf mindestens k = ${k} Personen; kleinere Anzahlen – auch 0 – werden gesperrt (Primärsperrung). Ein Anteil wird nur ausgewiesen, wenn mindestens ${k} Personen das Merkmal haben, mindestens ${k} es nicht haben und die Gruppe mindestens ${2 * k} Personen umfasst, und wenn Zähler und Nenner im Bericht ausgewiesen sind. Gruppen mit weniger als k Personen werden zu „übrige“ zusammengefasst, wo das die anderen Gruppen ausweisbar hält.`,
    },
    {
      heading: 'Sekundärsperrung und Prüfung',
      text: 'Damit ein gesperrter Wert nicht aus Zeilen- oder Spaltensummen errechnet werden kann, werden weitere Werte gesperrt (Sekundärsperrung). Jede zweidimensionale Tabelle wird vor der Ausgabe mit linearer Optimierung geprüft: Für jeden gesperrten Wert bleibt nach allen ausgewiesenen Zahlen ein Spielraum, der ihn nicht verrät. Summen, die in mehreren Tabellen vorkommen, werden in allen gleich behandelt; dieselben Daten ergeben immer dieselben Sperrungen.',
    },
    {
      heading: 'Veröffentlichungsregister',
      text: 'Jede Veröffentlichung wird in einem Register vermerkt. Ein späterer Bericht über dieselben Kohorten – etwa der Jahresbericht nach den Quartalsberichten – wird zusammen mit allem zuvor Veröffentlichten geprüft, so dass sich auch aus dem Vergleich der Berichte kein gesperrter Wert ergibt.',
    },
    {
      heading: 'Zeichen',
      text: `„${SUPPRESSED_MARK}“ bedeutet: nicht ausgewiesen, weil weniger als ${k} Personen oder zum Schutz eines anderen Wertes. „–“ bedeutet: kein Vorjahr im Datenbestand.`,
    },
  ];
}
