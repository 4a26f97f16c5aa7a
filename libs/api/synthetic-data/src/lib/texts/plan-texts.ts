import type { FieldOfAction, StepAssignee } from '@wegweiser/shared/contracts';

export const B1_GOAL_TARGET = 'Deutschkenntnisse auf Niveau B1 erreichen und mit Zertifikat nachweisen';
export const MOVE_OUT_GOAL_TARGET = 'Eigene Wohnung finden und aus der Anschlussunterbringung ausziehen';

export const JOB_AREAS: readonly string[] = [
  'Logistik', 'Pflege', 'Gastronomie', 'Einzelhandel', 'Bauhandwerk', 'Elektrotechnik',
  'Gebäudereinigung', 'Kfz-Technik', 'Produktion', 'Kinderbetreuung', 'IT', 'Friseurhandwerk',
];

export const APPRENTICESHIPS: readonly string[] = [
  'Pflegefachkraft', 'Elektroniker:in', 'Anlagenmechaniker:in SHK', 'Kaufmann/Kauffrau im Einzelhandel',
  'Fachkraft für Lagerlogistik', 'Koch/Köchin', 'Friseur:in', 'Kfz-Mechatroniker:in',
  'Medizinische:r Fachangestellte:r', 'Maler:in und Lackierer:in',
];

export const STUDY_SUBJECTS: readonly string[] = [
  'Informatik', 'Maschinenbau', 'Soziale Arbeit', 'Medizin', 'Betriebswirtschaftslehre', 'Bauingenieurwesen', 'Pharmazie',
];

export function workTarget(area: string): string {
  return `Sozialversicherungspflichtige Beschäftigung im Bereich ${area} aufnehmen`;
}

export function apprenticeshipTarget(occupation: string): string {
  return `Ausbildungsplatz als ${occupation} finden und die Ausbildung beginnen`;
}

export function studiesTarget(subject: string): string {
  return `Studium im Fach ${subject} aufnehmen`;
}

/** Targets of goals that are not tied to a measured outcome. */
export const OTHER_TARGETS: Readonly<Record<FieldOfAction, readonly string[]>> = {
  language: ['Integrationskurs regelmäßig besuchen und abschließen'],
  work: ['Praktikum zur beruflichen Orientierung absolvieren'],
  apprenticeship: ['Einstiegsqualifizierung beginnen'],
  education: [
    'Ausländischen Schulabschluss anerkennen lassen',
    'Hauptschulabschluss an der Volkshochschule nachholen',
    'Berufsabschluss aus dem Herkunftsland anerkennen lassen',
  ],
  housing: ['Wohnberechtigungsschein beantragen', 'Nebenkostenabrechnung verstehen und Rückstände klären'],
  health: [
    'Hausärztliche Versorgung sicherstellen',
    'Termin bei der psychosozialen Beratungsstelle wahrnehmen',
    'Impfstatus klären und Vorsorgeuntersuchungen wahrnehmen',
  ],
  social_participation: [
    'Mitglied in einem Sportverein werden',
    'Ehrenamtliches Engagement beginnen',
    'Kontakt zu einer Patenschaft oder einem Begegnungscafé aufbauen',
  ],
  family: ['Kita-Platz für das jüngste Kind sichern', 'Schulanmeldung der Kinder begleiten', 'Unterlagen für den Familiennachzug zusammenstellen'],
  legal: ['Verlängerung des Aufenthaltstitels rechtzeitig beantragen', 'Passbeschaffung klären', 'Antrag auf Niederlassungserlaubnis vorbereiten'],
};

export const STEP_TEMPLATES: Readonly<Record<FieldOfAction, readonly (readonly [StepAssignee, string])[]>> = {
  language: [
    ['client', 'Zum Integrationskurs bei der Volkshochschule anmelden'],
    ['manager', 'Berechtigung zur Kursteilnahme beim BAMF beantragen'],
    ['partner', 'Einstufungstest beim Kursträger durchführen'],
    ['client', 'Zur Prüfung anmelden und Prüfungstermin wahrnehmen'],
  ],
  work: [
    ['client', 'Lebenslauf und Anschreiben erstellen'],
    ['manager', 'Kontakt zum Arbeitgeberservice des Jobcenters herstellen'],
    ['partner', 'Bewerbungstraining beim Bildungsträger besuchen'],
    ['client', 'Bewerbungen versenden und Rückmeldungen sammeln'],
  ],
  apprenticeship: [
    ['client', 'Termin bei der Berufsberatung wahrnehmen'],
    ['partner', 'Praktikum im Ausbildungsbetrieb ermöglichen'],
    ['manager', 'Ausbildungsduldung bzw. Beschäftigungserlaubnis klären'],
    ['client', 'Bewerbungen für Ausbildungsplätze versenden'],
  ],
  education: [
    ['client', 'Zeugnisse übersetzen und beglaubigen lassen'],
    ['manager', 'Termin bei der Anerkennungsberatung vereinbaren'],
    ['partner', 'Gleichwertigkeit des Abschlusses prüfen'],
    ['client', 'Bewerbung beim Studienkolleg einreichen'],
  ],
  housing: [
    ['client', 'Wohnungsangebote sammeln und Besichtigungen vereinbaren'],
    ['manager', 'Kostenübernahme mit dem Jobcenter klären'],
    ['partner', 'Beratung beim Mieterverein wahrnehmen'],
  ],
  health: [
    ['client', 'Hausarztpraxis aufsuchen'],
    ['manager', 'Kontakt zur psychosozialen Beratungsstelle herstellen'],
    ['partner', 'Sprachmittlung für den Arzttermin organisieren'],
  ],
  social_participation: [
    ['client', 'Probetraining im Verein besuchen'],
    ['partner', 'Patenschaft durch Ehrenamtliche vermitteln'],
    ['manager', 'Antrag auf Leistungen für Bildung und Teilhabe stellen'],
  ],
  family: [
    ['client', 'Kita-Anmeldung ausfüllen'],
    ['manager', 'Kontakt zur Kita-Platzvergabe herstellen'],
    ['partner', 'Beratung durch die Migrationsberatung wahrnehmen'],
  ],
  legal: [
    ['client', 'Unterlagen für die Ausländerbehörde zusammenstellen'],
    ['manager', 'Termin beim Bürgerservice Einwanderung vereinbaren'],
    ['partner', 'Rechtsberatung für Geflüchtete wahrnehmen'],
  ],
};
