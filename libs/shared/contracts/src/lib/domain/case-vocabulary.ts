/**
 * The closed vocabularies of a case file. Codes are English and stable;
 * the client translates them (i18n keys `vocab.<list>.<code>`).
 */
export const GENDERS = ['female', 'male', 'diverse', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** Handlungsfelder of an integration plan. */
export const FIELDS_OF_ACTION = [
  'language',
  'work',
  'apprenticeship',
  'education',
  'housing',
  'health',
  'social_participation',
  'family',
  'legal',
] as const;
export type FieldOfAction = (typeof FIELDS_OF_ACTION)[number];

export const GOAL_STATES = ['open', 'in_progress', 'achieved', 'not_achieved', 'dropped'] as const;
export type GoalState = (typeof GOAL_STATES)[number];

export const HOUSING_KINDS = ['follow_up_accommodation', 'private_flat'] as const;
export type HousingKind = (typeof HOUSING_KINDS)[number];

export const CONVERSATION_FORMS = ['office', 'phone', 'video', 'home_visit'] as const;
export type ConversationForm = (typeof CONVERSATION_FORMS)[number];

export const SUPPORT_STATES = ['active', 'paused', 'closed'] as const;
export type SupportState = (typeof SUPPORT_STATES)[number];

export const CLOSURE_REASONS = [
  'goals_reached',
  'moved_away',
  'window_ended',
  'no_contact',
  'declined',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const RECOGNITION_STATES = ['not_started', 'pending', 'full', 'partial', 'refused'] as const;
export type RecognitionState = (typeof RECOGNITION_STATES)[number];

export const EMPLOYMENT_KINDS = ['social_insurance', 'mini_job', 'self_employed'] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

/** Residence statuses with their legal basis (reference list, seeded per installation). */
export const RESIDENCE_STATUSES = [
  { code: 'permission_to_reside', paragraph: '§ 55 AsylG' },
  { code: 'toleration', paragraph: '§ 60a AufenthG' },
  { code: 'temporary_protection', paragraph: '§ 24 AufenthG' },
  { code: 'residence_permit_refugee', paragraph: '§ 25 Abs. 2 AufenthG' },
  { code: 'residence_permit_asylum', paragraph: '§ 25 Abs. 1 AufenthG' },
  { code: 'residence_permit_humanitarian', paragraph: '§ 25 Abs. 3 AufenthG' },
  { code: 'settlement_permit', paragraph: '§ 26 Abs. 3 AufenthG' },
] as const;
export type ResidenceStatusCode = (typeof RESIDENCE_STATUSES)[number]['code'];

/** Maximum support window in months (three years) and the extended maximum. */
export const SUPPORT_WINDOW_MONTHS = 36;
export const SUPPORT_WINDOW_EXTENDED_MONTHS = 48;

/** Who carries out an agreed step (vereinbarter Schritt) of a goal. */
export const STEP_ASSIGNEES = ['client', 'manager', 'partner'] as const;
export type StepAssignee = (typeof STEP_ASSIGNEES)[number];

/** How a consent was recorded. */
export const CONSENT_RECORDINGS = ['signed_paper', 'electronic', 'with_interpreter'] as const;
export type ConsentRecording = (typeof CONSENT_RECORDINGS)[number];

/** Categories of data a consent covers. */
export const DATA_CATEGORIES = ['personal', 'residence', 'qualifications', 'language', 'health', 'family', 'plan', 'conversations'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const INTERPRETER_KINDS = ['none', 'professional', 'volunteer', 'family'] as const;
export type InterpreterKind = (typeof INTERPRETER_KINDS)[number];

export const REFERRAL_STATES = ['proposed', 'sent', 'accepted', 'completed', 'declined', 'cancelled'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** Topics of the city network's offers (integration centre as signpost). */
export const PARTNER_TOPICS = ['work', 'housing', 'health', 'language', 'education', 'culture'] as const;
export type PartnerTopic = (typeof PARTNER_TOPICS)[number];

export const EXTENSION_STATES = ['pending', 'approved', 'rejected'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

export const EDUCATION_CERTIFICATES = ['none', 'primary', 'lower_secondary', 'secondary', 'university_entrance'] as const;
export type EducationCertificate = (typeof EDUCATION_CERTIFICATES)[number];
