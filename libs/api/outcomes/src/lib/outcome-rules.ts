import { OUTCOME_FIELD_CODES, OutcomeDetails, OutcomeKind } from '@wegweiser/shared/contracts';

type DetailField = keyof Omit<OutcomeDetails, 'achievedOn'>;

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
  apprenticeship: ['endedOn', 'description'],
  studies: ['endedOn', 'description'],
};
const DETAILS: readonly DetailField[] = ['endedOn', 'level', 'certificate', 'employmentKind', 'fullTime', 'matchesQualification', 'description'];

/**
 * Field -> code for every detail that does not fit the kind (the outcome as
 * it would be stored: for PATCH the stored row merged with the changes).
 * Empty when the outcome is consistent.
 */
export function outcomeDetailProblems(kind: OutcomeKind, outcome: OutcomeDetails): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of DETAILS) {
    const present = outcome[field] !== undefined && outcome[field] !== null;
    if (present && !ALLOWED[kind].includes(field)) problems[field] = OUTCOME_FIELD_CODES.notForKind;
    else if (!present && REQUIRED[kind].includes(field)) problems[field] = OUTCOME_FIELD_CODES.requiredForKind;
  }
  if (!problems['endedOn'] && outcome.endedOn && outcome.endedOn < outcome.achievedOn) problems['endedOn'] = OUTCOME_FIELD_CODES.endsBeforeStart;
  return problems;
}
