import type { PartnerKind, PartnerTopic } from '@wegweiser/shared/contracts';

/** An offer template: topic, title, short description. */
export type OfferTemplate = readonly [topic: PartnerTopic, title: string, description: string];

export interface PartnerTemplate {
  /** `{town}` is replaced by the municipality's name. */
  name: string;
  kind: PartnerKind;
  /** Short ASCII name for the fictional web and e-mail domain. */
  slug: string;
  description: string;
  offers: readonly OfferTemplate[];
}

/**
 * The city network of DOMAIN.md as fictional organisations (no real
 * association's name): about twenty cooperation partners and the four
 * working groups, with offers under the integration centre's six topics.
 */
export const PARTNER_TEMPLATES: readonly PartnerTemplate[] = [
  { name: 'Volkshochschule {town}', kind: 'organisation', slug: 'vhs', description: 'Kommunale Weiterbildung: Sprach- und Integrationskurse, Schulabschlüsse.', offers: [
    ['language', 'Integrationskurs (allgemein)', 'Sprachkurs bis B1 mit Orientierungskurs, vormittags und abends.'],
    ['language', 'Berufssprachkurs B2', 'Deutsch für den Beruf, auch berufsbegleitend.'],
    ['education', 'Hauptschulabschluss nachholen', 'Zehnmonatiger Kurs mit Prüfung an der Volkshochschule.'],
  ] },
  { name: 'Jobcenter {town}', kind: 'organisation', slug: 'jobcenter', description: 'Grundsicherung für Arbeitsuchende und Arbeitsvermittlung.', offers: [
    ['work', 'Arbeitsvermittlung für Geflüchtete', 'Feste Ansprechperson, Vermittlung in Arbeit und Maßnahmen.'],
    ['education', 'Förderung beruflicher Weiterbildung', 'Bildungsgutschein für Umschulung und Qualifizierung.'],
  ] },
  { name: 'Agentur für Arbeit {town}', kind: 'organisation', slug: 'arbeitsagentur', description: 'Berufsberatung und Ausbildungsvermittlung.', offers: [
    ['work', 'Berufsberatung für Erwachsene', 'Beratung zu Berufswahl, Wiedereinstieg und Qualifizierung.'],
    ['education', 'Ausbildungsvermittlung', 'Vermittlung in betriebliche Ausbildung, auch Einstiegsqualifizierung.'],
  ] },
  { name: 'Industrie- und Handelskammer Region {town}', kind: 'organisation', slug: 'ihk', description: 'Kammer der gewerblichen Wirtschaft.', offers: [
    ['work', 'Ausbildungsplatzbörse', 'Freie Ausbildungsplätze in Handel, Industrie und Dienstleistung.'],
    ['education', 'Anerkennungsberatung für Berufsabschlüsse', 'Beratung zur Gleichwertigkeit ausländischer Abschlüsse.'],
  ] },
  { name: 'Handwerkskammer Region {town}', kind: 'organisation', slug: 'hwk', description: 'Kammer des Handwerks.', offers: [
    ['work', 'Passgenaue Vermittlung ins Handwerk', 'Betriebe suchen Auszubildende und Fachkräfte.'],
    ['education', 'Einstiegsqualifizierung im Handwerk', 'Betriebliches Langzeitpraktikum als Brücke in die Ausbildung.'],
  ] },
  { name: 'Katholischer Wohlfahrtsverband {town} e.V.', kind: 'organisation', slug: 'kwv', description: 'Wohlfahrtsverband mit Migrationsberatung.', offers: [
    ['housing', 'Hilfe bei der Wohnungssuche', 'Begleitung bei Besichtigungen und Anträgen.'],
    ['language', 'Sprachcafé', 'Deutsch üben im Gespräch, wöchentlich, ohne Anmeldung.'],
  ] },
  { name: 'Evangelisches Beratungswerk {town}', kind: 'organisation', slug: 'ebw', description: 'Beratung für Familien und Geflüchtete.', offers: [
    ['health', 'Psychosoziale Erstberatung', 'Vertrauliche Gespräche, auf Wunsch mit Sprachmittlung.'],
    ['education', 'Hausaufgabenhilfe', 'Lernbegleitung für Schulkinder am Nachmittag.'],
  ] },
  { name: 'Soziale Hilfe {town} e.V.', kind: 'organisation', slug: 'soziale-hilfe', description: 'Schuldner-, Miet- und Sozialberatung.', offers: [
    ['housing', 'Mietschuldenberatung', 'Hilfe bei Rückständen und drohender Kündigung.'],
    ['work', 'Bewerbungstraining', 'Lebenslauf, Anschreiben, Vorstellungsgespräch üben.'],
  ] },
  { name: 'Klinikum {town}', kind: 'organisation', slug: 'klinikum', description: 'Krankenhaus der Schwerpunktversorgung.', offers: [
    ['health', 'Interkulturelle Sprechstunde', 'Allgemeinmedizinische Sprechstunde mit Dolmetschenden.'],
    ['work', 'Orientierungspraktikum Pflege', 'Vier Wochen auf Station, Einstieg in die Pflegeausbildung.'],
  ] },
  { name: 'Gesundheitsamt {town}', kind: 'organisation', slug: 'gesundheitsamt', description: 'Öffentlicher Gesundheitsdienst.', offers: [
    ['health', 'Impfberatung', 'Impfstatus prüfen und fehlende Impfungen nachholen.'],
    ['health', 'Schwangerschaftsberatung', 'Beratung und Vermittlung in die Vorsorge.'],
  ] },
  { name: 'Psychosoziales Zentrum für Geflüchtete {town}', kind: 'organisation', slug: 'psz', description: 'Beratung und Therapie für traumatisierte Geflüchtete.', offers: [
    ['health', 'Traumaberatung', 'Diagnostik, Stabilisierung und Vermittlung in Therapie.'],
  ] },
  { name: 'Frauenberatung {town} e.V.', kind: 'organisation', slug: 'frauenberatung', description: 'Beratung und Schutz für Frauen.', offers: [
    ['health', 'Beratung bei häuslicher Gewalt', 'Vertraulich, mehrsprachig, auch kurzfristig.'],
    ['culture', 'Internationaler Frauentreff', 'Austausch, Ausflüge und Kinderbetreuung.'],
  ] },
  { name: 'Beratungsstelle Faire Arbeit {town}', kind: 'organisation', slug: 'faire-arbeit', description: 'Arbeitsrechtliche Beratung der Gewerkschaften.', offers: [
    ['work', 'Arbeitsrechtliche Beratung', 'Lohn, Arbeitsvertrag, Kündigung: Beratung in mehreren Sprachen.'],
  ] },
  { name: 'Mieterverein {town} e.V.', kind: 'organisation', slug: 'mieterverein', description: 'Interessenvertretung der Mieterinnen und Mieter.', offers: [
    ['housing', 'Mietrechtsberatung', 'Prüfung von Mietverträgen und Nebenkostenabrechnungen.'],
  ] },
  { name: 'Städtische Wohnungsgesellschaft {town}', kind: 'organisation', slug: 'wohnen', description: 'Kommunales Wohnungsunternehmen.', offers: [
    ['housing', 'Wohnungen für Haushalte mit Wohnberechtigungsschein', 'Vormerkung und Vermittlung geförderter Wohnungen.'],
  ] },
  { name: 'Stadtbibliothek {town}', kind: 'organisation', slug: 'bibliothek', description: 'Öffentliche Bibliothek mit mehrsprachigem Bestand.', offers: [
    ['language', 'Lesepatenschaften', 'Ehrenamtliche lesen mit Kindern und Erwachsenen.'],
    ['culture', 'Bibliotheksführung in einfacher Sprache', 'Ausweis, Medien und Lernorte kennenlernen.'],
  ] },
  { name: 'Stadtsportbund {town}', kind: 'organisation', slug: 'sportbund', description: 'Dachverband der Sportvereine.', offers: [
    ['culture', 'Vereinslotsen', 'Vermittlung in Sportvereine, Beitragsförderung möglich.'],
  ] },
  { name: 'Jugendmigrationsdienst {town}', kind: 'organisation', slug: 'jmd', description: 'Begleitung junger Menschen von 12 bis 27 Jahren.', offers: [
    ['education', 'Beratung zu Schule und Ausbildung', 'Schulanmeldung, Abschlüsse, Übergang in Ausbildung.'],
    ['work', 'Bewerbungswerkstatt für junge Menschen', 'Unterlagen erstellen und Praktika finden.'],
  ] },
  { name: 'Familienzentrum {town}', kind: 'organisation', slug: 'familienzentrum', description: 'Anlaufstelle für Familien im Quartier.', offers: [
    ['education', 'Kita-Platz-Beratung', 'Hilfe bei Anmeldung und Suche eines Betreuungsplatzes.'],
    ['language', 'Eltern-Kind-Sprachkurs', 'Deutsch lernen mit Kinderbetreuung im Haus.'],
  ] },
  { name: 'Integrationszentrum {town}', kind: 'organisation', slug: 'integrationszentrum', description: 'Erste Anlaufstelle und Wegweiser zu den Angeboten der Stadt.', offers: [
    ['culture', 'Begegnungscafé', 'Offener Treff für Neu- und Alteingesessene.'],
    ['language', 'Sprachpatenschaften', 'Ehrenamtliche Patinnen und Paten üben Deutsch im Alltag.'],
    ['culture', 'Ehrenamtliche Patenschaften', 'Begleitung im Alltag durch Freiwillige.'],
  ] },
  { name: 'Arbeitskreis Sprache', kind: 'working_group', slug: 'ak-sprache', description: 'Kursträger, Integrationsmanagement und Ehrenamt stimmen Sprachangebote ab.', offers: [
    ['language', 'Übersicht freier Kursplätze', 'Monatlich aktualisierte Liste freier Plätze in Sprachkursen.'],
  ] },
  { name: 'Arbeitskreis Arbeitsmarktintegration', kind: 'working_group', slug: 'ak-arbeit', description: 'Jobcenter, Kammern und Träger zur Arbeitsmarktintegration.', offers: [
    ['work', 'Fallkonferenz Arbeitsmarkt', 'Anonymisierte Fallbesprechung zu Wegen in Arbeit.'],
  ] },
  { name: 'Arbeitskreis Rechtliche Grundlagen', kind: 'working_group', slug: 'ak-recht', description: 'Aufenthalts- und Sozialrecht: Austausch mit dem Bürgerservice Einwanderung.', offers: [] },
  { name: 'Arbeitskreis Beratung', kind: 'working_group', slug: 'ak-beratung', description: 'Beratungsstellen der Stadt stimmen Zuständigkeiten ab.', offers: [] },
];
