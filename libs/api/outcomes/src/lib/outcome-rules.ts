import { OUTCOME_FIELD_CODES, OutcomeDetails, OutcomeKind } from '@wegweiser/shared/contracts';

type DetailField = keyof Omit<OutcomeDetails, 'achievedOn' | 'presentAtStart'>;

/** Field (request key) -> code, as in `ApiErrorResponse.errors`. */
export type OutcomeFieldErrors = Record<string, string>;

/** Which details each kind needs, and which it may carry at all. */
const REQUIRED: Readonly<Record<OutcomeKind, readonly DetailField[]>> = {
  b1: ['level'],
  employment: ['employmentKind', 'fullTime', 'matchesQualification'],
  apprenticeship: [],
  studies: [],
};
const ALLOWED: Readonly<Record<OutcomeKind, readonly DetailField[]>> = {
  b1: ['level', 'certificate'],
  employment: ['employmentKind', 'fullTime', 'matchesQualification', 'endedOn', 'description'],
  apprenticeship: ['endedOn', 'completed', 'description'],
  studies: ['endedOn', 'completed', 'description'],
};
const DETAILS: readonly DetailField[] = ['endedOn', 'completed', 'level', 'certificate', 'employmentKind', 'fullTime', 'matchesQualification', 'description'];

/**
 * Field -> code for every detail that does not fit the kind (the outcome as
 * it would be stored: for PATCH the stored row merged with the changes).
 * `completed` (apprenticeship, studies) says how it ended, so it needs `endedOn`.
 * Empty when the outcome is consistent.
 */
export function outcomeDetailProblems(kind: OutcomeKind, outcome: OutcomeDetails): OutcomeFieldErrors {
  const problems: OutcomeFieldErrors = {};
  for (const field of DETAILS) {
    const present = outcome[field] !== undefined && outcome[field] !== null;
    if (present && !ALLOWED[kind].includes(field)) problems[field] = OUTCOME_FIELD_CODES.notForKind;
    else if (!present && REQUIRED[kind].includes(field)) problems[field] = OUTCOME_FIELD_CODES.requiredForKind;
  }
  if (!problems['endedOn'] && outcome.endedOn && outcome.endedOn < outcome.achievedOn) problems['endedOn'] = OUTCOME_FIELD_CODES.endsBeforeStart;
  if (!problems['completed'] && outcome.completed != null && !outcome.endedOn) problems['completed'] = OUTCOME_FIELD_CODES.requiresEnd;
  return problems;
}

/** What the date rules of an outcome need to know. */
export interface OutcomeDates {
  achievedOn: string;
  endedOn?: string | null;
  presentAtStart?: boolean;
}

/**
 * Field -> code for the dates of an outcome: nothing after `today` (`inFuture`);
 * a date before the support start only as "bei Beginn vorhanden" (`beforeSupportStart`),
 * and "bei Beginn vorhanden" only up to the support start (`afterSupportStart`), both on `achievedOn`.
 * A PATCH keeps only the problems of what it touches (`touchedDateProblems`).
 */
export function outcomeDateProblems(outcome: OutcomeDates, supportStart: string, today: string): OutcomeFieldErrors {
  const problems: OutcomeFieldErrors = {};
  if (outcome.achievedOn > today) problems['achievedOn'] = OUTCOME_FIELD_CODES.inFuture;
  else if (outcome.achievedOn < supportStart && !outcome.presentAtStart) problems['achievedOn'] = OUTCOME_FIELD_CODES.beforeSupportStart;
  else if (outcome.achievedOn > supportStart && outcome.presentAtStart) problems['achievedOn'] = OUTCOME_FIELD_CODES.afterSupportStart;
  if (outcome.endedOn && outcome.endedOn > today) problems['endedOn'] = OUTCOME_FIELD_CODES.inFuture;
  return problems;
}

/**
 * The date problems a PATCH answers for: `achievedOn` when it sets the date or the flag, `endedOn` when it sets the
 * end. A stored outcome that a later change of the support start put before it stays valid until its date is edited.
 */
export function touchedDateProblems(problems: OutcomeFieldErrors, changed: ReadonlySet<string>): OutcomeFieldErrors {
  const touches = (field: string) => changed.has(field) || (field === 'achievedOn' && changed.has('presentAtStart'));
  return Object.fromEntries(Object.entries(problems).filter(([field]) => touches(field)));
}

/** `ratedOn` of a soft rating (and any other "happened on" date) not after today. */
export function notInFuture(field: string, date: string | null | undefined, today: string): OutcomeFieldErrors {
  return date && date > today ? { [field]: OUTCOME_FIELD_CODES.inFuture } : {};
}
