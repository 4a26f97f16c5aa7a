import type {
  CefrLevel,
  ClosureReason,
  ConversationForm,
  EmploymentKind,
  FieldOfAction,
  Gender,
  GoalState,
  HousingKind,
  RecognitionState,
  ResidenceStatusCode,
  Role,
  StepAssignee,
  SupportState,
} from '@wegweiser/shared/contracts';

/** Dates are `YYYY-MM-DD`; timestamps are ISO 8601 in UTC (`...T08:30:00.000Z`). */
export type IsoDate = string;
export type IsoTimestamp = string;

export type NameScript = 'Latin' | 'Arabic' | 'Cyrillic' | 'Ethiopic';
export type NameGroupCode = 'arabic' | 'persian' | 'ukrainian' | 'russian' | 'tigrinya' | 'turkish' | 'kurdish' | 'somali';

export interface SyntheticMunicipality {
  id: string;
  /** Short upper-case code used in case numbers and e-mail domains, e.g. `MS`. */
  code: string;
  name: string;
}

export interface SyntheticTeam {
  id: string;
  municipalityId: string;
  name: string;
  leadId: string;
  managerIds: string[];
}

export interface SyntheticStaff {
  id: string;
  municipalityId: string;
  /** Managers and team leads belong to a team; admin, evaluator and dpo do not. */
  teamId: string | null;
  role: Role;
  firstName: string;
  lastName: string;
  /** `firstname.lastname@<code>.wegweiser.example` (a number is appended on collisions). */
  email: string;
}

export interface SyntheticOrganisation {
  seed: number;
  municipalities: SyntheticMunicipality[];
  teams: SyntheticTeam[];
  staff: SyntheticStaff[];
}

export interface SyntheticLanguageSkill {
  /** ISO 639-1. */
  language: string;
  level: CefrLevel;
  native: boolean;
  /** Only German carries certificates, e.g. `telc Deutsch B1`. */
  certificate: string | null;
  certifiedOn: IsoDate | null;
}

export interface SyntheticWorkExperience {
  occupation: string;
  years: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface SyntheticQualifications {
  schoolYears: number;
  schoolCountry: string | null;
  schoolCertificate: string | null;
  vocationalTraining: string | null;
  universityDegree: string | null;
  /** Null when there is no foreign qualification to recognise. */
  recognitionState: RecognitionState | null;
  workExperience: SyntheticWorkExperience[];
  interests: string[];
}

export interface SyntheticStep {
  id: string;
  description: string;
  assignee: StepAssignee;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
}

export interface SyntheticGoal {
  id: string;
  fieldOfAction: FieldOfAction;
  target: string;
  createdOn: IsoDate;
  dueOn: IsoDate;
  state: GoalState;
  achievedOn: IsoDate | null;
  steps: SyntheticStep[];
}

export interface SyntheticConversation {
  id: string;
  /** Who held it: usually the responsible manager, sometimes a team colleague or the previous manager. */
  staffId: string;
  heldAt: IsoTimestamp;
  durationMinutes: number;
  form: ConversationForm;
  interpreter: boolean;
  topics: FieldOfAction[];
  note: string;
  agreements: string | null;
  /** May lie after the reference date (a planned appointment). */
  nextAppointmentAt: IsoTimestamp | null;
}

export interface SyntheticEmployment {
  startedOn: IsoDate;
  kind: EmploymentKind;
  fullTime: boolean;
  matchesQualification: boolean;
  /** When the job ended (never after the last activity in the file); null while it lasts. */
  endedOn: IsoDate | null;
}

/** An apprenticeship or studies that ended: with the qualification (`completed`) or broken off. */
export interface SyntheticTrainingEnd {
  endedOn: IsoDate;
  completed: boolean;
}

export interface SyntheticOutcomes {
  /** B1 reached during support (after the start). */
  b1ReachedOn: IsoDate | null;
  /** B1 certified before the support start: "bei Beginn vorhanden" (then `b1ReachedOn` is null). */
  b1PresentAtStart: IsoDate | null;
  employment: SyntheticEmployment | null;
  apprenticeshipStartedOn: IsoDate | null;
  apprenticeshipEnd: SyntheticTrainingEnd | null;
  studiesStartedOn: IsoDate | null;
  studiesEnd: SyntheticTrainingEnd | null;
}

/** Soft ratings on a 1 (poor) to 5 (good) scale. */
export interface SyntheticRating {
  ratedOn: IsoDate;
  health: number;
  socialEnvironment: number;
  /** Null while the client is not employed. */
  employmentQuality: number | null;
}

export interface SyntheticSupport {
  startedOn: IsoDate;
  /** Start + 36 months: the latest regular end. */
  windowEndsOn: IsoDate;
  state: SupportState;
  pausedOn: IsoDate | null;
  closedOn: IsoDate | null;
  closureReason: ClosureReason | null;
}

/** Responsible-manager history; the last entry is the current manager (`until` null). */
export interface SyntheticAssignment {
  staffId: string;
  from: IsoDate;
  until: IsoDate | null;
}

export interface SyntheticClient {
  /** Position in the stream; `generateClient(options, organisation, index)` rebuilds it. */
  index: number;
  id: string;
  municipalityId: string;
  teamId: string;
  managerId: string;
  /** `<code>-<support start year>-<running number per municipality>`, e.g. `MS-2026-00123`. */
  caseNumber: string;
  firstName: string;
  lastName: string;
  firstNameOriginal: string;
  lastNameOriginal: string;
  nameGroup: NameGroupCode;
  nameScript: NameScript;
  dateOfBirth: IsoDate;
  gender: Gender;
  /** ISO 3166-1 alpha-2. */
  countryOfOrigin: string;
  /** ISO 3166-1 alpha-2; empty for stateless clients. */
  nationalities: string[];
  /** Native language(s) first, German last. */
  languages: SyntheticLanguageSkill[];
  residenceStatus: ResidenceStatusCode;
  residenceValidUntil: IsoDate | null;
  arrivedOn: IsoDate;
  housing: HousingKind;
  /** Including the client. */
  householdMembers: number;
  phone: string;
  email: string | null;
  support: SyntheticSupport;
  assignments: SyntheticAssignment[];
  qualifications: SyntheticQualifications;
  goals: SyntheticGoal[];
  conversations: SyntheticConversation[];
  outcomes: SyntheticOutcomes;
  ratings: SyntheticRating[];
}
