import { isolate } from '../pdf/bidi-text';
import { PdfContent } from '../pdf/paragraph';
import { fieldTable, germanDate, germanDateTime, heading, longText, none, orDash, subheading, table, yesNo } from './document-blocks';
import { germanCountry, germanLabel, germanLanguage } from './german-vocabulary';
import { SubjectAccessClient, SubjectAccessConversationVersion, SubjectAccessInput } from './subject-access-input';

/** The sections of the export, in the order of the client file; each a German heading and its content. */
export function subjectAccessSections(input: SubjectAccessInput): PdfContent[] {
  return [
    masterData(input.client),
    support(input),
    qualifications(input),
    plan(input),
    consents(input),
    conversations(input),
    outcomes(input),
    reminders(input),
    accessLog(input),
  ].flat();
}

/** A person's name inside a sentence (e.g. "name, date"): isolated, so its script cannot reorder the date; '–' for none. */
const named = (name: string | null | undefined): string => (name ? isolate(name) : '–');

/** A list "a, b, c"; entered values (the default) each isolated, so one Arabic entry cannot reorder the commas. */
const joined = (values: string[], label: (value: string) => string = isolate) => (values.length ? values.map(label).join(', ') : '–');

function masterData(client: SubjectAccessClient): PdfContent[] {
  return [
    heading('Stammdaten'),
    fieldTable([
      ['Fallnummer', client.caseNumber],
      ['Vorname', client.firstName],
      ['Nachname', client.lastName],
      ['Vorname (Originalschrift)', orDash(client.firstNameOriginal)],
      ['Nachname (Originalschrift)', orDash(client.lastNameOriginal)],
      ['Geburtsdatum', germanDate(client.dateOfBirth)],
      ['Geschlecht', germanLabel('gender', client.gender)],
      ['Herkunftsland', germanCountry(client.countryOfOrigin)],
      ['Staatsangehörigkeit', joined(client.nationalities, germanCountry)],
      ['Gesprochene Sprachen', joined(client.languagesSpoken, germanLanguage)],
      ['Aufenthaltsstatus', germanLabel('residenceStatus', client.residenceStatus)],
      ['Aufenthaltstitel gültig bis', germanDate(client.residenceValidUntil)],
      ['Einreise nach Deutschland', germanDate(client.arrivalDate)],
      ['Wohnform', germanLabel('housing', client.housing)],
      ['Personen im Haushalt', orDash(client.householdMembers)],
      ['Telefon', orDash(client.phone)],
      ['E-Mail', orDash(client.email)],
      ['Anschrift', orDash(client.address)],
      ['Team', client.team],
      ['Zuständige Integrationsmanager:in', orDash(client.responsibleManager)],
      ['Letzter Kontakt', germanDate(client.lastContactOn)],
      ['Akte angelegt am', germanDateTime(client.createdAt)],
      ['Zuletzt geändert am', germanDateTime(client.updatedAt)],
    ]),
  ];
}

function support(input: SubjectAccessInput): PdfContent[] {
  const client = input.client;
  return [
    heading('Betreuungszeitraum'),
    fieldTable([
      ['Beginn', germanDate(client.supportStart)],
      ['Ende spätestens', germanDate(client.supportWindowEnd)],
      ['Stand', germanLabel('supportState', client.supportState)],
      ['Pausiert seit', germanDate(client.pausedOn)],
      ['Abgeschlossen am', germanDate(client.closedOn)],
      ['Grund des Abschlusses', germanLabel('closureReason', client.closureReason)],
    ]),
    subheading('Statusänderungen'),
    table(input.supportEvents, [
      { header: 'Datum', weight: 2, value: (e) => germanDate(e.onDate) },
      { header: 'von', weight: 2, value: (e) => germanLabel('supportState', e.fromState) },
      { header: 'nach', weight: 2, value: (e) => germanLabel('supportState', e.toState) },
      { header: 'Grund', weight: 3, value: (e) => (e.reason ? germanLabel('closureReason', e.reason) : orDash(e.note ?? null)) },
      { header: 'durch', weight: 3, value: (e) => orDash(e.by) },
      { header: 'erfasst am', weight: 3, value: (e) => germanDateTime(e.recordedAt) },
    ]),
    subheading('Anträge auf Verlängerung'),
    table(input.extensions, [
      { header: 'bis', weight: 2, value: (e) => germanDate(e.requestedUntil) },
      { header: 'Begründung', weight: 6, value: (e) => e.justification },
      { header: 'Stand', weight: 2, value: (e) => germanLabel('extensionState', e.state) },
      { header: 'beantragt', weight: 3, value: (e) => `${named(e.requestedBy)}, ${germanDateTime(e.requestedAt)}` },
      { header: 'entschieden', weight: 3, value: (e) => (e.decidedOn ? `${named(e.decidedBy)}, ${germanDate(e.decidedOn)}` : '–') },
      { header: 'Kommentar', weight: 4, value: (e) => orDash(e.comment) },
    ]),
    subheading('Wechsel der Zuständigkeit'),
    table(input.assignments, [
      { header: 'Zeitpunkt', weight: 3, value: (a) => germanDateTime(a.assignedAt) },
      { header: 'bisher', weight: 3, value: (a) => orDash(a.fromManager) },
      { header: 'neu', weight: 3, value: (a) => orDash(a.toManager) },
      { header: 'Grund', weight: 5, value: (a) => a.reason },
      { header: 'durch', weight: 3, value: (a) => orDash(a.assignedBy) },
    ]),
  ];
}

function qualifications(input: SubjectAccessInput): PdfContent[] {
  const q = input.qualification;
  return [
    heading('Sprachkenntnisse'),
    table(input.languages, [
      { header: 'Sprache', weight: 3, value: (l) => germanLanguage(l.language) },
      { header: 'Niveau', weight: 1, value: (l) => l.level },
      { header: 'Muttersprache', weight: 2, value: (l) => yesNo(l.native) },
      { header: 'Zertifikat', weight: 3, value: (l) => orDash(l.certificate) },
      { header: 'Prüfung', weight: 2, value: (l) => orDash(l.exam) },
      { header: 'Datum', weight: 2, value: (l) => germanDate(l.certifiedOn) },
    ]),
    heading('Qualifikationen'),
    q
      ? fieldTable([
          ['Schuljahre', orDash(q.schoolYears)],
          ['Land der Schule', germanCountry(q.schoolCountry)],
          ['Schulabschluss', germanLabel('educationCertificate', q.schoolCertificate)],
          ['Berufsausbildung', orDash(q.vocationalTraining)],
          ['Studium', orDash(q.universityDegree)],
          ['Anerkennung', germanLabel('recognitionState', q.recognitionState)],
          ['Interessen', joined(q.interests)],
        ])
      : none(),
    subheading('Berufserfahrung'),
    table(input.workExperience, [
      { header: 'Tätigkeit', weight: 5, value: (w) => w.occupation },
      { header: 'Jahre', weight: 1, value: (w) => String(w.years) },
      { header: 'Land', weight: 3, value: (w) => germanCountry(w.country) },
    ]),
  ];
}

function plan(input: SubjectAccessInput): PdfContent[] {
  return [
    heading('Integrationsplan'),
    subheading('Ziele und vereinbarte Schritte'),
    table(input.goals, [
      { header: 'Handlungsfeld', weight: 3, value: (g) => germanLabel('fieldOfAction', g.fieldOfAction) },
      { header: 'Ziel', weight: 6, value: (g) => (g.targetLevel ? `${isolate(g.target)} (Niveau ${g.targetLevel})` : g.target) },
      { header: 'fällig', weight: 2, value: (g) => germanDate(g.dueOn) },
      { header: 'Stand', weight: 3, value: (g) => `${germanLabel('goalState', g.state)} (${germanDate(g.stateChangedOn)})` },
      {
        header: 'Schritte',
        weight: 7,
        value: (g) =>
          g.steps.length
            ? g.steps
                .map((s) => `• ${isolate(s.description)} (${germanLabel('stepAssignee', s.assignee)}; fällig ${germanDate(s.dueOn)}; erledigt ${germanDate(s.doneOn)})`)
                .join('\n')
            : '–',
      },
    ]),
    subheading('Vereinbarte Fassungen'),
    table(input.agreements, [
      { header: 'Fassung', weight: 1, value: (a) => String(a.version) },
      { header: 'vereinbart am', weight: 2, value: (a) => germanDate(a.agreedOn) },
      { header: 'erfasst von', weight: 3, value: (a) => orDash(a.agreedBy) },
    ]),
    subheading('Freigaben durch die Sachgebietsleitung'),
    table(input.reviews, [
      { header: 'Fassung', weight: 1, value: (r) => String(r.agreementVersion) },
      { header: 'Stand', weight: 2, value: (r) => germanLabel('reviewState', r.state) },
      { header: 'eingereicht', weight: 3, value: (r) => `${named(r.submittedBy)}, ${germanDateTime(r.submittedAt)}` },
      { header: 'entschieden', weight: 3, value: (r) => (r.decidedAt ? `${named(r.decidedBy)}, ${germanDateTime(r.decidedAt)}` : '–') },
      { header: 'Kommentar', weight: 4, value: (r) => orDash(r.comment) },
    ]),
    subheading('Vermittlungen'),
    table(input.referrals, [
      { header: 'Netzwerkpartner', weight: 3, value: (r) => r.partner },
      { header: 'Angebot', weight: 4, value: (r) => `${isolate(r.offer)} (${germanLabel('partnerTopic', r.topic)})` },
      { header: 'zum Ziel', weight: 4, value: (r) => orDash(r.goal) },
      { header: 'Stand', weight: 2, value: (r) => `${germanLabel('referralState', r.state)} (${germanDate(r.stateChangedOn)})` },
      { header: 'gesendet am', weight: 2, value: (r) => germanDate(r.sentOn) },
    ]),
  ];
}

function consents(input: SubjectAccessInput): PdfContent[] {
  return [
    heading('Einwilligungen'),
    table(input.consents, [
      { header: 'Zweck', weight: 4.5, value: (c) => c.purpose },
      { header: 'Empfänger', weight: 3, value: (c) => c.partner ?? germanLabel('recipientKind', c.recipientKind) },
      { header: 'Daten', weight: 4, value: (c) => joined(c.dataCategories, (d) => germanLabel('dataCategory', d)) },
      { header: 'erteilt', weight: 2, value: (c) => germanDate(c.givenOn) },
      { header: 'gültig bis', weight: 2, value: (c) => germanDate(c.validUntil) },
      { header: 'widerrufen', weight: 2, value: (c) => germanDate(c.withdrawnOn) },
      { header: 'Form', weight: 3, value: (c) => germanLabel('consentRecording', c.recordedAs) + (c.filedAt ? `, Ablage: ${isolate(c.filedAt)}` : '') },
    ]),
  ];
}

function conversations(input: SubjectAccessInput): PdfContent[] {
  if (!input.conversations.length) return [heading('Beratungsgespräche'), none()];
  return [
    heading('Beratungsgespräche'),
    ...input.conversations.map((c) => ({
      margin: [0, 0, 0, 6],
      stack: [
        subheading(`${germanDateTime(c.heldAt)} · ${germanLabel('conversationForm', c.form)} · ${c.durationMinutes} Min.`),
        fieldTable([
          ['Gesprächsführung', orDash(c.staff)],
          ['Sprache', germanLanguage(c.language)],
          ['Dolmetschung', germanLabel('interpreter', c.interpreter)],
          ['Themen', joined(c.topics, (t) => germanLabel('fieldOfAction', t))],
          ['Nächster Termin', germanDateTime(c.nextAppointmentAt)],
        ]),
        ...longText('Gesprächsnotiz', c.note),
        ...(c.agreements ? longText('Vereinbarungen', c.agreements) : []),
        ...c.earlierVersions.flatMap(earlierVersion),
      ],
    })),
  ];
}

/** A version a correction replaced: what it said, and who replaced it when. */
function earlierVersion(v: SubjectAccessConversationVersion): PdfContent[] {
  return [
    subheading(`Frühere Fassung (Version ${v.version}), ersetzt am ${germanDateTime(v.replacedAt)} von ${named(v.replacedBy)}`),
    fieldTable([
      ['Gespräch', `${germanDateTime(v.heldAt)} · ${germanLabel('conversationForm', v.form)} · ${v.durationMinutes} Min.`],
      ['Sprache', germanLanguage(v.language)],
      ['Dolmetschung', germanLabel('interpreter', v.interpreter)],
      ['Themen', joined(v.topics, (t) => germanLabel('fieldOfAction', t))],
      ['Nächster Termin', germanDateTime(v.nextAppointmentAt)],
    ]),
    ...longText('Gesprächsnotiz (frühere Fassung)', v.note),
    ...(v.agreements ? longText('Vereinbarungen (frühere Fassung)', v.agreements) : []),
  ];
}

function outcomes(input: SubjectAccessInput): PdfContent[] {
  return [
    heading('Ergebnisse'),
    table(input.outcomes, [
      { header: 'Art', weight: 3, value: (o) => germanLabel('outcomeKind', o.kind) },
      { header: 'seit/am', weight: 2, value: (o) => germanDate(o.achievedOn) },
      { header: 'bis', weight: 2, value: (o) => germanDate(o.endedOn) },
      { header: 'Niveau/Zertifikat', weight: 3, value: (o) => [o.level, o.certificate].filter(Boolean).join(', ') || '–' },
      {
        header: 'Beschäftigung',
        weight: 4,
        value: (o) =>
          o.employmentKind
            ? `${germanLabel('employmentKind', o.employmentKind)}; ${o.fullTime ? 'Vollzeit' : 'Teilzeit'}; passt zur Qualifikation: ${yesNo(o.matchesQualification)}`
            : '–',
      },
      { header: 'Beschreibung', weight: 3, value: (o) => orDash(o.description) },
    ]),
    subheading('Einschätzungen (1 = sehr schlecht … 5 = sehr gut)'),
    table(input.ratings, [
      { header: 'Datum', weight: 2, value: (r) => germanDate(r.ratedOn) },
      { header: 'Gesundheit', weight: 2, value: (r) => String(r.health) },
      { header: 'Soziales Umfeld', weight: 2, value: (r) => String(r.socialEnvironment) },
      { header: 'Qualität der Beschäftigung', weight: 3, value: (r) => orDash(r.employmentQuality) },
      { header: 'durch', weight: 3, value: (r) => orDash(r.ratedBy) },
    ]),
  ];
}

function reminders(input: SubjectAccessInput): PdfContent[] {
  return [
    heading('Erinnerungen'),
    table(input.reminders, [
      { header: 'Art', weight: 5, value: (r) => germanLabel('reminderKind', r.kind) + (r.weeks ? ` (${r.weeks} Wochen)` : '') },
      { header: 'fällig', weight: 2, value: (r) => germanDate(r.dueOn) },
      { header: 'Termin', weight: 3, value: (r) => germanDateTime(r.appointmentAt) },
      { header: 'an', weight: 3, value: (r) => orDash(r.recipient) },
      { header: 'erstellt', weight: 3, value: (r) => germanDateTime(r.createdAt) },
      { header: 'gelesen', weight: 3, value: (r) => germanDateTime(r.readAt) },
    ]),
  ];
}

function accessLog(input: SubjectAccessInput): PdfContent[] {
  return [
    heading('Zugriffe auf die Akte'),
    {
      text: 'Jeder Zugriff auf die Akte wird protokolliert. Zeitangaben in deutscher Zeit (Europe/Berlin), älteste zuerst.',
      font: 'NotoSans',
      fontSize: 9,
      margin: [0, 0, 0, 4],
    },
    table(input.accessLog, [
      { header: 'Zeitpunkt', weight: 3, value: (e) => germanDateTime(e.at) },
      { header: 'Person', weight: 3, value: (e) => e.user ?? 'nicht mehr bekannt' },
      { header: 'Rolle', weight: 3.5, value: (e) => germanLabel('role', e.role) },
      { header: 'Aktion', weight: 2, value: (e) => germanLabel('auditAction', e.action) },
      { header: 'Bereich', weight: 3.5, value: (e) => germanLabel('entityType', e.entityType) },
      { header: 'Ergebnis', weight: 1.8, value: (e) => germanLabel('auditOutcome', e.outcome) },
    ]),
  ];
}
