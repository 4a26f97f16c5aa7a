/**
 * German labels of the case file's codes for documents (the same wording as
 * the client's i18n files `vocab.*`, `roles`, `reminders.kind`, which the API
 * cannot import). A code without a label is printed as it is.
 */
export const GERMAN_VOCABULARY = {
  gender: { female: 'weiblich', male: 'männlich', diverse: 'divers', unspecified: 'keine Angabe' },
  supportState: { active: 'aktiv', paused: 'pausiert', closed: 'abgeschlossen' },
  fieldOfAction: {
    language: 'Sprache',
    work: 'Arbeit',
    apprenticeship: 'Ausbildung',
    education: 'Bildung/Studium',
    housing: 'Wohnen',
    health: 'Gesundheit',
    social_participation: 'Soziale Teilhabe',
    family: 'Familie/Kinderbetreuung',
    legal: 'Recht/Aufenthalt',
  },
  goalState: { open: 'offen', in_progress: 'in Arbeit', achieved: 'erreicht', not_achieved: 'nicht erreicht', dropped: 'verworfen' },
  housing: { follow_up_accommodation: 'Anschlussunterbringung', private_flat: 'Privatwohnung' },
  conversationForm: { office: 'Büro', phone: 'Telefon', video: 'Video', home_visit: 'Hausbesuch' },
  interpreter: { none: 'keine', professional: 'professionell', volunteer: 'ehrenamtlich', family: 'Familie' },
  closureReason: {
    goals_reached: 'Ziele erreicht',
    moved_away: 'verzogen',
    window_ended: 'Betreuungszeitraum beendet',
    no_contact: 'kein Kontakt',
    declined: 'weitere Betreuung abgelehnt',
    other: 'Sonstiges',
  },
  recognitionState: { not_started: 'nicht begonnen', pending: 'läuft', full: 'voll anerkannt', partial: 'teilweise anerkannt', refused: 'abgelehnt' },
  educationCertificate: {
    none: 'kein Abschluss',
    primary: 'Grundschule',
    lower_secondary: 'unterer Sekundarabschluss',
    secondary: 'Sekundarabschluss',
    university_entrance: 'Hochschulreife',
  },
  residenceStatus: {
    permission_to_reside: 'Aufenthaltsgestattung (§ 55 AsylG)',
    toleration: 'Duldung (§ 60a AufenthG)',
    temporary_protection: 'Vorübergehender Schutz (§ 24 AufenthG)',
    residence_permit_refugee: 'Aufenthaltserlaubnis (Flüchtling, § 25 Abs. 2 AufenthG)',
    residence_permit_asylum: 'Aufenthaltserlaubnis (Asyl, § 25 Abs. 1 AufenthG)',
    residence_permit_humanitarian: 'Aufenthaltserlaubnis (humanitär, § 25 Abs. 3 AufenthG)',
    settlement_permit: 'Niederlassungserlaubnis (§ 26 Abs. 3 AufenthG)',
  },
  stepAssignee: { client: 'Klient:in', manager: 'Integrationsmanager:in', partner: 'Netzwerkpartner' },
  referralState: {
    proposed: 'vorgeschlagen',
    sent: 'gesendet',
    accepted: 'angenommen',
    completed: 'abgeschlossen',
    declined: 'abgelehnt',
    cancelled: 'storniert',
  },
  partnerTopic: { work: 'Arbeit', housing: 'Wohnen', health: 'Gesundheit', language: 'Sprache', education: 'Bildung', culture: 'Kultur' },
  outcomeKind: { b1: 'Deutsch B1 erreicht', employment: 'Beschäftigung', apprenticeship: 'Ausbildung', studies: 'Studium' },
  employmentKind: { social_insurance: 'sozialversicherungspflichtig', mini_job: 'Minijob', self_employed: 'selbstständig' },
  dataCategory: {
    personal: 'Personendaten',
    residence: 'Aufenthalt',
    qualifications: 'Qualifikationen',
    language: 'Sprache',
    health: 'Gesundheit',
    family: 'Familie',
    plan: 'Integrationsplan',
    conversations: 'Gespräche',
  },
  consentRecording: { signed_paper: 'unterschrieben (Papier)', electronic: 'elektronisch', with_interpreter: 'mit Dolmetschung' },
  recipientKind: { partner: 'Netzwerkpartner', evaluation: 'Evaluation' },
  extensionState: { pending: 'beantragt', approved: 'genehmigt', rejected: 'abgelehnt' },
  reviewState: { submitted: 'zur Freigabe eingereicht', returned: 'zurückgegeben', approved: 'freigegeben' },
  reminderKind: {
    window_6m: 'Betreuungszeitraum endet in 6 Monaten',
    window_3m: 'Betreuungszeitraum endet in 3 Monaten',
    window_1m: 'Betreuungszeitraum endet in einem Monat',
    goal_overdue: 'Ziel überfällig',
    step_overdue: 'Vereinbarter Schritt überfällig',
    appointment_tomorrow: 'Termin morgen',
    no_contact: 'kein Kontakt',
  },
  role: {
    manager: 'Integrationsmanager:in',
    team_lead: 'Sachgebietsleitung',
    admin: 'Administration',
    evaluator: 'Evaluation',
    dpo: 'Datenschutzbeauftragte:r',
  },
  auditAction: {
    read: 'gelesen',
    create: 'angelegt',
    update: 'geändert',
    delete: 'gelöscht',
    export: 'exportiert',
    login: 'angemeldet',
    login_failed: 'Anmeldung fehlgeschlagen',
    locked: 'gesperrt',
    logout: 'abgemeldet',
    denied: 'verweigert',
  },
  auditOutcome: { success: 'erfolgreich', failure: 'fehlgeschlagen', denied: 'verweigert' },
  /** What an audit event touched (entity types of the case file). */
  entityType: {
    client: 'Stammdaten',
    client_file: 'Akte (gesamt)',
    client_list: 'Fallbestand',
    client_timeline: 'Verlauf',
    client_read: 'Akte',
    client_update: 'Stammdaten',
    client_delete: 'Akte',
    client_support: 'Betreuungszeitraum',
    client_assignment: 'Zuständigkeit',
    client_reassign: 'Zuständigkeit',
    support_extension: 'Verlängerungsantrag',
    support_extension_list: 'Verlängerungsanträge',
    qualification: 'Qualifikationen',
    work_experience: 'Berufserfahrung',
    language_skill: 'Sprachkenntnis',
    language_skill_list: 'Sprachkenntnisse',
    plan: 'Integrationsplan',
    goal: 'Ziel',
    goal_step: 'Vereinbarter Schritt',
    referral: 'Vermittlung',
    plan_agreement: 'Vereinbarte Fassung des Plans',
    plan_agreement_list: 'Vereinbarte Fassungen des Plans',
    plan_review: 'Freigabe des Plans',
    plan_review_list: 'Freigaben',
    plan_document: 'Integrationsplan (PDF)',
    consent: 'Einwilligung',
    consent_list: 'Einwilligungen',
    conversation: 'Beratungsgespräch',
    conversation_list: 'Beratungsgespräche',
    conversation_revisions: 'Frühere Fassungen eines Beratungsgesprächs',
    outcome: 'Ergebnis',
    outcome_list: 'Ergebnisse',
    soft_rating: 'Einschätzung',
    soft_rating_list: 'Einschätzungen',
    reminder: 'Erinnerung',
    reminder_list: 'Erinnerungen',
    subject_access: 'Art.-15-Auskunft',
  },
} as const satisfies Record<string, Record<string, string>>;

export type VocabularyList = keyof typeof GERMAN_VOCABULARY;

/** The German label of a code (the code itself if there is none; '–' for no value). */
export function germanLabel(list: VocabularyList, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '–';
  const labels: Readonly<Record<string, string>> = GERMAN_VOCABULARY[list];
  return labels[code] ?? code;
}

const regions = new Intl.DisplayNames('de', { type: 'region' });
const languages = new Intl.DisplayNames('de', { type: 'language' });

/** A country code as "Syrien (SY)". */
export function germanCountry(code: string | null | undefined): string {
  if (!code) return '–';
  const name = safeDisplayName(regions, code.trim().toUpperCase());
  return name && name !== code ? `${name} (${code})` : code;
}

/** A language code as "Arabisch (ar)". */
export function germanLanguage(code: string | null | undefined): string {
  if (!code) return '–';
  const name = safeDisplayName(languages, code);
  return name && name !== code ? `${name} (${code})` : code;
}

function safeDisplayName(names: Intl.DisplayNames, code: string): string | undefined {
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}
