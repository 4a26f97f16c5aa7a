import type { FieldOfAction } from '@wegweiser/shared/contracts';
import { withSubjects } from './subject';

/** One sentence per topic of a conversation note; `{K}`/`{k}` name the client. */
const NOTE_TEMPLATES: Readonly<Record<FieldOfAction, readonly string[]>> = {
  language: [
    '{K} besucht regelmäßig den Integrationskurs und berichtet von guten Fortschritten.',
    'Fehlzeiten im Sprachkurs besprochen; {k} will die Kinderbetreuung an Kurstagen neu organisieren.',
    'Anmeldung zur Prüfung Deutsch-Test für Zuwanderer besprochen.',
    '{K} übt zusätzlich mit einer ehrenamtlichen Sprachpatin.',
    'Ergebnis des Einstufungstests besprochen; Wechsel in einen Kurs mit Kinderbetreuung geprüft.',
    'Antrag auf einen Berufssprachkurs gemeinsam vorbereitet.',
  ],
  work: [
    'Bewerbungsunterlagen gemeinsam überarbeitet; der Lebenslauf liegt jetzt auf Deutsch vor.',
    'Termin beim Jobcenter vorbereitet und Fragen zum Kooperationsplan geklärt.',
    '{K} hat sich auf zwei Stellen in der Logistik beworben.',
    'Möglichkeiten eines Praktikums besprochen; Kontakt zum Arbeitgeberservice hergestellt.',
    'Vorstellungsgespräch vorbereitet und typische Fragen geübt.',
    'Arbeitsvertrag gemeinsam durchgesehen; Fragen zu Probezeit und Arbeitszeiten geklärt.',
  ],
  apprenticeship: [
    'Ausbildungsberufe vorgestellt; {k} interessiert sich besonders für handwerkliche Berufe.',
    'Termin bei der Berufsberatung der Agentur für Arbeit vereinbart.',
    'Einstiegsqualifizierung als Vorbereitung auf eine Ausbildung besprochen.',
    'Bewerbung für einen Ausbildungsplatz gemeinsam vorbereitet.',
    'Ausbildungsbegleitende Hilfen und Nachhilfe in der Berufsschule besprochen.',
  ],
  education: [
    'Unterlagen für die Anerkennung des Schulabschlusses zusammengestellt.',
    'Studienmöglichkeiten und Voraussetzungen für ein Studienkolleg besprochen.',
    'Termin bei der Anerkennungsberatung vermittelt.',
    'Übersetzung der Zeugnisse beauftragt; Kostenübernahme geklärt.',
  ],
  housing: [
    'Wohnungssuche besprochen und aktuelle Wohnungsanzeigen gemeinsam durchgesehen.',
    'Antrag auf einen Wohnberechtigungsschein ausgefüllt.',
    'Schwierigkeiten mit Nachbarn in der Unterkunft besprochen.',
    'Mietangebot geprüft; Übernahme der Kosten der Unterkunft mit dem Jobcenter geklärt.',
  ],
  health: [
    '{K} berichtet von Schlafproblemen; Kontakt zu einer Hausarztpraxis empfohlen.',
    'Termin bei der psychosozialen Beratungsstelle vermittelt.',
    'Fragen zur Krankenversicherung und zu Zuzahlungen geklärt.',
    'Gesundheitliche Belastungen angesprochen; weiteres Vorgehen vereinbart.',
  ],
  social_participation: [
    '{K} möchte sich ehrenamtlich engagieren; Angebote des Freiwilligenzentrums vorgestellt.',
    'Anmeldung im Sportverein besprochen; Zuschuss über Bildung und Teilhabe geprüft.',
    'Kontakt zu einem Begegnungscafé im Stadtteil hergestellt.',
    '{K} nimmt inzwischen regelmäßig am Nachbarschaftstreff teil.',
  ],
  family: [
    'Suche nach einem Kita-Platz für das jüngste Kind besprochen.',
    'Schulanmeldung der Kinder vorbereitet.',
    'Fragen zum Familiennachzug besprochen; Verweis an die Migrationsberatung.',
    'Anträge auf Kindergeld und Elterngeld gemeinsam ausgefüllt.',
  ],
  legal: [
    'Verlängerung des Aufenthaltstitels besprochen; Termin beim Bürgerservice Einwanderung vereinbart.',
    'Schreiben der Ausländerbehörde gemeinsam gelesen und erklärt.',
    'Fragen zur Passbeschaffung geklärt.',
    'Kontakt zu einer Rechtsberatung für Geflüchtete vermittelt.',
  ],
};

const AGREEMENT_TEMPLATES: Readonly<Record<FieldOfAction, readonly string[]>> = {
  language: ['Prüfungsanmeldung bis zum nächsten Termin erledigen.', 'Kursbescheinigung zum nächsten Termin mitbringen.'],
  work: ['Bewerbungen an drei Stellen versenden.', 'Zeugnisse für die Bewerbungsmappe kopieren.'],
  apprenticeship: ['Praktikumsplatz bis Monatsende anfragen.', 'Unterlagen für die Berufsberatung mitbringen.'],
  education: ['Originalzeugnisse zur Beglaubigung mitbringen.', 'Antrag auf Anerkennung absenden.'],
  housing: ['Zwei Wohnungsbesichtigungen wahrnehmen.', 'Mietbescheinigung beim Vermieter anfordern.'],
  health: ['Termin in der Hausarztpraxis vereinbaren.', 'Befunde zum nächsten Gespräch mitbringen.'],
  social_participation: ['Probetraining im Verein besuchen.', 'Beim Begegnungscafé vorbeischauen.'],
  family: ['Kita-Anmeldung online ausfüllen.', 'Geburtsurkunden übersetzen lassen.'],
  legal: ['Pass und Meldebescheinigung zum Termin mitbringen.', 'Antrag auf Verlängerung fristgerecht abgeben.'],
};

export const NOTE_SENTENCES = Object.fromEntries(
  Object.entries(NOTE_TEMPLATES).map(([field, templates]) => [field, withSubjects(templates)]),
) as Readonly<Record<FieldOfAction, readonly (readonly string[])[]>>;

export const AGREEMENTS = AGREEMENT_TEMPLATES;

export const INTAKE_SENTENCES = withSubjects([
  'Erstgespräch: Vorstellung des Integrationsmanagements, Aufnahme der persönlichen Daten und der Qualifikationen.',
  'Erstgespräch: {K} schildert die aktuelle Lebenssituation; erste Ziele für den Integrationsplan gesammelt.',
]);

export const CLOSING_SENTENCES = withSubjects([
  'Abschlussgespräch: Verlauf der Begleitung und erreichte Ziele besprochen.',
  'Abschlussgespräch: {K} kennt die zuständigen Stellen und kommt künftig ohne Begleitung zurecht.',
]);
