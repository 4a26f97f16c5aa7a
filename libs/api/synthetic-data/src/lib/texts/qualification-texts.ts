export const OCCUPATIONS: readonly string[] = [
  'Elektrotechnik', 'Bau', 'Pflege', 'Gastronomie', 'Einzelhandel', 'Logistik', 'Landwirtschaft', 'Schneiderei',
  'Friseurhandwerk', 'Kfz-Technik', 'Reinigung', 'Buchhaltung', 'Lehramt', 'Informatik', 'Tischlerei', 'Metallbau',
  'Kinderbetreuung', 'Taxi- und Lieferfahrten',
];

export const VOCATIONAL_TRAININGS: readonly string[] = [
  'Elektriker:in', 'Schneider:in', 'Kfz-Mechaniker:in', 'Friseur:in', 'Krankenpflege', 'Tischler:in',
  'Schweißer:in', 'Koch/Köchin', 'Buchhalter:in', 'Bäcker:in',
];

export const UNIVERSITY_DEGREES: readonly string[] = [
  'Bachelor Bauingenieurwesen', 'Bachelor Betriebswirtschaft', 'Master Informatik', 'Diplom Lehramt Mathematik',
  'Bachelor Rechtswissenschaften', 'Medizin (Staatsexamen)', 'Bachelor Pharmazie', 'Master Maschinenbau',
  'Bachelor Anglistik', 'Bachelor Agrarwissenschaften',
];

export const INTERESTS: readonly string[] = [
  'Handwerk', 'Pflege', 'Computer und IT', 'Fußball', 'Kochen', 'Ehrenamt', 'Musik', 'Nähen', 'Kinderbetreuung',
  'Radfahren', 'Sprachen', 'Technik', 'Gärtnern', 'Malen', 'Schwimmen', 'Lesen',
];

export function schoolCertificate(years: number): string | null {
  if (years < 6) return null;
  if (years < 9) return 'Grundschulabschluss';
  if (years < 12) return 'Mittlerer Schulabschluss';
  return 'Hochschulzugangsberechtigung';
}

export const GERMAN_CERTIFICATES = {
  A2: ['Deutsch-Test für Zuwanderer (DTZ) A2'],
  B1: ['Deutsch-Test für Zuwanderer (DTZ) B1', 'telc Deutsch B1', 'Goethe-Zertifikat B1', 'ÖSD Zertifikat B1'],
  B2: ['telc Deutsch B2', 'Goethe-Zertifikat B2', 'ÖSD Zertifikat B2'],
  C1: ['telc Deutsch C1 Hochschule', 'Goethe-Zertifikat C1'],
} as const;
