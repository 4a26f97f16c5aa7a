import { pdfText, PdfWord, pdfWords } from '@wegweiser/shared/pdf-testing';
import { germanDateTime } from './document-blocks';
import { germanCountry, germanLabel } from './german-vocabulary';
import { SubjectAccessInput, SubjectAccessLogEntry } from './subject-access-input';
import { buildSubjectAccessDocument, renderSubjectAccessPdf } from './subject-access-pdf';

/**
 * Real renders read back with pdfjs (@wegweiser/shared/pdf-testing: text, and
 * words with their positions; Arabic words in logical order). Synthetic data only.
 */
const A4_WIDTH = 595.28;

/** Arabic words without lam-alef (text extraction gives that ligature's two letters back swapped). */
const ARABIC_NOTE = 'تحدثنا عن دورة تعليم مهنية قريبة من البيت وسجلنا موعدا جديدا';
const LONG_NOTE = Array.from(
  { length: 40 },
  (_, i) => `Satz${i + 1} über Wohnungssuche, Sprachkurs und Gesundheit der Familie mit Termin beim Jobcenter.`,
).join(' ');

const log = (count: number): SubjectAccessLogEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    at: new Date(Date.UTC(2026, 0, 20, 8, 0, 0) + i * 3_600_000).toISOString(),
    user: i % 2 ? 'Julia Neumann' : 'Oliver Zimmermann',
    role: i % 2 ? 'manager' : 'team_lead',
    action: i % 3 ? 'read' : 'update',
    entityType: i % 3 ? 'client_file' : 'conversation',
    outcome: 'success',
  }));

const input: SubjectAccessInput = {
  municipality: 'Beispielstadt',
  createdAt: '2026-07-01T09:30:00Z',
  client: {
    caseNumber: 'BS-2026-0042',
    firstName: 'Testperson',
    lastName: 'Eins',
    firstNameOriginal: 'شخص',
    lastNameOriginal: 'تجريبي',
    dateOfBirth: '1990-04-12',
    gender: 'female',
    countryOfOrigin: 'SY',
    nationalities: ['SY'],
    languagesSpoken: ['ar', 'de'],
    residenceStatus: 'toleration',
    residenceValidUntil: '2027-01-31',
    arrivalDate: '2023-05-02',
    housing: 'follow_up_accommodation',
    householdMembers: 4,
    phone: '+49 151 0000000',
    email: 'testperson@example.org',
    address: 'Musterweg 1, 12345 Beispielstadt',
    team: 'Team Nord',
    responsibleManager: 'Julia Neumann',
    supportStart: '2026-01-05',
    supportWindowEnd: '2029-01-04',
    supportState: 'active',
    pausedOn: null,
    closedOn: null,
    closureReason: null,
    lastContactOn: '2026-03-02',
    createdAt: '2026-01-05T08:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
  },
  supportEvents: [{ onDate: '2026-01-05', fromState: null, toState: 'active', reason: null, by: 'Julia Neumann', recordedAt: '2026-01-05T08:00:00Z' }],
  extensions: [],
  assignments: [{ assignedAt: '2026-02-01T10:00:00Z', fromManager: 'Max Muster', toManager: 'Julia Neumann', reason: 'Urlaubsvertretung dauerhaft', assignedBy: 'Oliver Zimmermann' }],
  languages: [{ language: 'de', level: 'A2', native: false, certificate: 'telc Deutsch A2', exam: 'telc', certifiedOn: '2026-02-20' }],
  qualification: {
    schoolYears: 12,
    schoolCountry: 'SY',
    schoolCertificate: 'university_entrance',
    vocationalTraining: 'Krankenpflegehelferin',
    universityDegree: null,
    recognitionState: 'pending',
    interests: ['Pflege', 'Musik'],
  },
  workExperience: [{ occupation: 'Pflegehelferin im Krankenhaus', years: 3, country: 'SY' }],
  goals: [
    {
      fieldOfAction: 'language',
      target: 'Deutsch bis B1',
      targetLevel: 'B1',
      dueOn: '2026-12-31',
      state: 'in_progress',
      stateChangedOn: '2026-02-01',
      createdAt: '2026-01-06T09:00:00Z',
      steps: [{ description: 'Zum Integrationskurs anmelden', assignee: 'client', dueOn: '2026-02-15', doneOn: null }],
    },
  ],
  agreements: [{ version: 1, agreedOn: '2026-01-10', agreedBy: 'Julia Neumann' }],
  reviews: [],
  referrals: [{ partner: 'Volkshochschule', offer: 'Integrationskurs', topic: 'language', goal: 'Deutsch bis B1', state: 'sent', sentOn: '2026-01-12', stateChangedOn: '2026-01-12' }],
  consents: [
    {
      purpose: 'Vermittlung in einen Sprachkurs',
      recipientKind: 'partner',
      partner: 'Volkshochschule',
      dataCategories: ['personal', 'language'],
      givenOn: '2026-01-10',
      validUntil: null,
      withdrawnOn: null,
      recordedAs: 'signed_paper',
    },
  ],
  conversations: [
    {
      heldAt: '2026-03-02T09:30:00Z',
      durationMinutes: 45,
      form: 'office',
      interpreter: 'professional',
      language: 'ar',
      topics: ['housing', 'health'],
      staff: 'Julia Neumann',
      note: LONG_NOTE,
      agreements: ARABIC_NOTE,
      nextAppointmentAt: null,
      earlierVersions: [
        {
          version: 1,
          replacedAt: '2026-03-03T08:00:00Z',
          replacedBy: 'Julia Neumann',
          heldAt: '2026-03-02T09:30:00Z',
          durationMinutes: 45,
          form: 'office',
          interpreter: 'professional',
          language: 'ar',
          topics: ['housing'],
          note: 'Ursprüngliche Notiz vor der Korrektur.',
          agreements: null,
          nextAppointmentAt: null,
        },
      ],
    },
  ],
  outcomes: [],
  ratings: [{ ratedOn: '2026-03-01', health: 4, socialEnvironment: 3, employmentQuality: null, ratedBy: 'Julia Neumann' }],
  reminders: [],
  accessLog: log(120),
};

let text: string;
let words: PdfWord[];

/** Whether the words of `phrase` appear in this order (a table cell wraps, and the words of a neighbouring cell on the same line come in between). */
function inOrder(phrase: string): boolean {
  let at = 0;
  for (const part of phrase.split(' ')) {
    const found = words.findIndex((word, index) => index >= at && word.text === part);
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}

beforeAll(async () => {
  const pdf = await renderSubjectAccessPdf(input);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  text = pdfText(pdf);
  words = pdfWords(pdf);
});

describe('renderSubjectAccessPdf', () => {
  it('starts with the title, the office, the date in German time and the legal basis', () => {
    for (const expected of ['Auskunft nach Art. 15 DSGVO', 'Beispielstadt, Integrationsmanagement', 'BS-2026-0042', '01.07.2026, 11:30:00', 'Rechtsgrundlage: Art. 15']) {
      expect(text).toContain(expected);
    }
  });

  it('has every section with a German heading, in the order of the client file', () => {
    const headings = [
      'Stammdaten',
      'Betreuungszeitraum',
      'Sprachkenntnisse',
      'Qualifikationen',
      'Integrationsplan',
      'Einwilligungen',
      'Beratungsgespräche',
      'Ergebnisse',
      'Erinnerungen',
      'Zugriffe auf die Akte',
    ];
    const positions = headings.map((heading) => text.indexOf(`${heading}\n`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints stored values with German labels: residence status, country, qualification, consent, step', () => {
    for (const expected of [
      'Duldung (§ 60a AufenthG)',
      'Syrien (SY)',
      'Anschlussunterbringung',
      'Krankenpflegehelferin',
      'Pflegehelferin im Krankenhaus',
      'Vermittlung in einen Sprachkurs',
      'Zum Integrationskurs anmelden',
      'Urlaubsvertretung dauerhaft',
      'testperson@example.org',
    ]) {
      expect(inOrder(expected)).toBe(true);
    }
    // Empty lists say so instead of leaving a gap.
    expect(text).toContain('Keine Einträge.');
  });

  it('wraps a long note within the page and keeps every word in order', () => {
    const noteWords = words.filter((word) => /^Satz\d+$/.test(word.text));
    expect(noteWords.map((word) => word.text)).toEqual(Array.from({ length: 40 }, (_, i) => `Satz${i + 1}`));
    expect(new Set(noteWords.map((word) => `${word.page}:${Math.round(word.yMin)}`)).size).toBeGreaterThan(5);
    expect(Math.max(...words.map((word) => word.xMax))).toBeLessThanOrEqual(A4_WIDTH - 39);
  });

  it('prints the earlier version of a corrected conversation after the current one, with who replaced it when', () => {
    expect(inOrder('Gesprächsnotiz')).toBe(true);
    expect(inOrder('Frühere Fassung (Version 1), ersetzt am')).toBe(true);
    expect(inOrder('von Julia Neumann')).toBe(true);
    expect(inOrder('Ursprüngliche Notiz vor der Korrektur.')).toBe(true);
    expect(text.indexOf('Ursprüngliche Notiz')).toBeGreaterThan(text.indexOf('Satz40'));
  });

  it('sets Arabic-script values right to left (the name and the agreements)', () => {
    const find = (word: string) => {
      const found = words.find((candidate) => candidate.text === word);
      if (!found) throw new Error(`${word} not found`);
      return found;
    };
    const agreement = ARABIC_NOTE.split(' ').slice(0, 4).map(find);
    for (let i = 1; i < agreement.length; i++) {
      const previous = agreement[i - 1] as PdfWord;
      const current = agreement[i] as PdfWord;
      if (Math.abs(current.yMin - previous.yMin) < 2) expect(current.xMax).toBeLessThan(previous.xMin);
      else expect(current.yMin).toBeGreaterThan(previous.yMin);
    }
    expect(find('تجريبي').xMax).toBeLessThan(find('شخص').xMin);
  });

  it('lists every access oldest first with time in Europe/Berlin, person and role, over several numbered pages', () => {
    const pages = Math.max(...words.map((word) => word.page));
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`Seite 1 von ${pages}`);
    expect(text).toContain(`Seite ${pages} von ${pages}`);
    // 20.01.2026 08:00 UTC is 09:00 in Berlin (winter time); the 120th entry is 119 hours later.
    const first = text.indexOf('20.01.2026, 09:00:00');
    const last = text.indexOf('25.01.2026, 08:00:00');
    expect(first).toBeGreaterThan(text.indexOf('Zugriffe auf die Akte\n'));
    expect(last).toBeGreaterThan(first);
    for (const expected of ['Oliver Zimmermann', 'Sachgebietsleitung', 'Integrationsmanager:in', 'Akte (gesamt)', 'gelesen', 'geändert']) {
      expect(text.slice(first)).toContain(expected);
    }
  });
});

describe('buildSubjectAccessDocument', () => {
  it('names the person in Latin and original script in the header table', () => {
    const header = JSON.stringify((buildSubjectAccessDocument(input)['content'] as unknown[])[1]);
    for (const part of ['Betroffene Person', 'Testperson', 'Eins', 'شخص', 'تجريبي']) expect(header).toContain(part);
  });
});

describe('german labels', () => {
  it('labels codes, keeps unknown codes and dashes missing values', () => {
    expect(germanLabel('residenceStatus', 'temporary_protection')).toBe('Vorübergehender Schutz (§ 24 AufenthG)');
    expect(germanLabel('entityType', 'something_new')).toBe('something_new');
    expect(germanLabel('gender', null)).toBe('–');
    expect(germanCountry('UA')).toBe('Ukraine (UA)');
  });

  it('prints instants in German time, summer and winter', () => {
    expect(germanDateTime('2026-01-15T12:00:00Z')).toBe('15.01.2026, 13:00:00');
    expect(germanDateTime('2026-07-15T12:00:00Z')).toBe('15.07.2026, 14:00:00');
    expect(germanDateTime(null)).toBe('–');
  });
});
