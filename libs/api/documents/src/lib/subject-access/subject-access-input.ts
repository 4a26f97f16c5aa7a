/**
 * Everything stored about one client, as the subject-access export
 * (Art. 15 GDPR) prints it. Codes stay codes (the renderer labels them in
 * German), dates are `YYYY-MM-DD`, points in time ISO 8601 instants (printed
 * in Europe/Berlin), people are display names (`null`: no longer known).
 */
export interface SubjectAccessInput {
  /** The controller (Stelle): the municipality's name. */
  municipality: string;
  /** When the export was made (ISO instant). */
  createdAt: string;
  client: SubjectAccessClient;
  supportEvents: SubjectAccessSupportEvent[];
  extensions: SubjectAccessExtension[];
  assignments: SubjectAccessAssignment[];
  languages: SubjectAccessLanguage[];
  qualification: SubjectAccessQualification | null;
  workExperience: SubjectAccessWorkExperience[];
  goals: SubjectAccessGoal[];
  agreements: SubjectAccessAgreement[];
  reviews: SubjectAccessReview[];
  referrals: SubjectAccessReferral[];
  consents: SubjectAccessConsent[];
  conversations: SubjectAccessConversation[];
  outcomes: SubjectAccessOutcome[];
  ratings: SubjectAccessRating[];
  reminders: SubjectAccessReminder[];
  /** Every audit event about the client, oldest first. */
  accessLog: SubjectAccessLogEntry[];
}

export interface SubjectAccessClient {
  caseNumber: string;
  firstName: string;
  lastName: string;
  firstNameOriginal: string | null;
  lastNameOriginal: string | null;
  dateOfBirth: string;
  gender: string;
  countryOfOrigin: string;
  nationalities: string[];
  languagesSpoken: string[];
  residenceStatus: string | null;
  residenceValidUntil: string | null;
  arrivalDate: string | null;
  housing: string | null;
  householdMembers: number | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  team: string;
  responsibleManager: string | null;
  supportStart: string;
  supportWindowEnd: string;
  supportState: string;
  pausedOn: string | null;
  closedOn: string | null;
  closureReason: string | null;
  lastContactOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SubjectAccessSupportEvent {
  onDate: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
  /** The reason given for a pause, resumption or reopening. */
  note?: string | null;
  by: string | null;
  recordedAt: string;
}

export interface SubjectAccessExtension {
  requestedUntil: string;
  justification: string;
  state: string;
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedOn: string | null;
  comment: string | null;
}

export interface SubjectAccessAssignment {
  assignedAt: string;
  fromManager: string | null;
  toManager: string | null;
  reason: string;
  assignedBy: string | null;
}

export interface SubjectAccessLanguage {
  language: string;
  level: string;
  native: boolean;
  certificate: string | null;
  exam: string | null;
  certifiedOn: string | null;
}

export interface SubjectAccessQualification {
  schoolYears: number | null;
  schoolCountry: string | null;
  schoolCertificate: string | null;
  vocationalTraining: string | null;
  universityDegree: string | null;
  recognitionState: string | null;
  interests: string[];
}

export interface SubjectAccessWorkExperience {
  occupation: string;
  years: number;
  country: string | null;
}

export interface SubjectAccessGoal {
  fieldOfAction: string;
  target: string;
  targetLevel: string | null;
  dueOn: string;
  state: string;
  stateChangedOn: string;
  createdAt: string;
  steps: SubjectAccessStep[];
}

export interface SubjectAccessStep {
  description: string;
  assignee: string;
  dueOn: string | null;
  doneOn: string | null;
}

export interface SubjectAccessAgreement {
  version: number;
  agreedOn: string;
  agreedBy: string | null;
}

export interface SubjectAccessReview {
  agreementVersion: number;
  state: string;
  comment: string | null;
  submittedBy: string | null;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface SubjectAccessReferral {
  partner: string;
  offer: string;
  topic: string;
  goal: string | null;
  state: string;
  sentOn: string | null;
  stateChangedOn: string;
}

export interface SubjectAccessConsent {
  purpose: string;
  recipientKind: string;
  partner: string | null;
  dataCategories: string[];
  givenOn: string;
  validUntil: string | null;
  withdrawnOn: string | null;
  recordedAs: string;
  /** Where the signed paper is filed. */
  filedAt?: string | null;
}

export interface SubjectAccessConversation {
  heldAt: string;
  durationMinutes: number;
  form: string;
  interpreter: string;
  language: string;
  topics: string[];
  staff: string | null;
  note: string;
  agreements: string | null;
  nextAppointmentAt: string | null;
  /** The versions corrections replaced, oldest first. */
  earlierVersions: SubjectAccessConversationVersion[];
}

/** A version of a conversation that a correction replaced. */
export interface SubjectAccessConversationVersion {
  version: number;
  replacedAt: string;
  replacedBy: string | null;
  heldAt: string;
  durationMinutes: number;
  form: string;
  interpreter: string;
  language: string;
  topics: string[];
  note: string;
  agreements: string | null;
  nextAppointmentAt: string | null;
}

export interface SubjectAccessOutcome {
  kind: string;
  achievedOn: string;
  endedOn: string | null;
  level: string | null;
  certificate: string | null;
  employmentKind: string | null;
  fullTime: boolean | null;
  matchesQualification: boolean | null;
  description: string | null;
}

export interface SubjectAccessRating {
  ratedOn: string;
  health: number;
  socialEnvironment: number;
  employmentQuality: number | null;
  ratedBy: string | null;
}

export interface SubjectAccessReminder {
  kind: string;
  dueOn: string;
  appointmentAt: string | null;
  weeks: number | null;
  recipient: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface SubjectAccessLogEntry {
  at: string;
  /** Who acted (`null`: no longer known or nobody signed in). */
  user: string | null;
  role: string | null;
  action: string;
  entityType: string | null;
  outcome: string;
}
