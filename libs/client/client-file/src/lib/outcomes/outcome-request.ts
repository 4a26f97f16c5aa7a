import { B1OrHigher, CreateOutcomeRequest, EmploymentKind, OutcomeDetails, OutcomeKind } from '@wegweiser/shared/contracts';

/** The detail fields of an outcome (all but the kind and the date). */
export type OutcomeDetailField = keyof Omit<OutcomeDetails, 'achievedOn'>;

/** The details each kind takes (the API refuses the others with `notForKind`). */
export const OUTCOME_FIELDS: Readonly<Record<OutcomeKind, readonly OutcomeDetailField[]>> = {
  b1: ['level', 'certificate'],
  employment: ['employmentKind', 'fullTime', 'matchesQualification', 'description', 'endedOn'],
  apprenticeship: ['description', 'endedOn'],
  studies: ['description', 'endedOn'],
};

/** The details a kind cannot do without (the API answers `requiredForKind`). */
export const REQUIRED_OUTCOME_FIELDS: Readonly<Record<OutcomeKind, readonly OutcomeDetailField[]>> = {
  b1: ['level'],
  employment: ['employmentKind', 'fullTime', 'matchesQualification'],
  apprenticeship: [],
  studies: [],
};

/** What the outcome form holds (empty text = not given). */
export interface OutcomeFormValue {
  kind: OutcomeKind | null;
  achievedOn: string;
  endedOn: string;
  level: B1OrHigher | null;
  certificate: string;
  employmentKind: EmploymentKind | null;
  fullTime: boolean | null;
  matchesQualification: boolean | null;
  description: string;
}

/** The request for a form value: the kind, its date and only the details that kind takes (texts trimmed, empty ones left out). */
export function outcomeRequest(value: OutcomeFormValue & { kind: OutcomeKind }): CreateOutcomeRequest {
  const request: CreateOutcomeRequest = { kind: value.kind, achievedOn: value.achievedOn };
  for (const field of OUTCOME_FIELDS[value.kind]) {
    const given = value[field];
    const cleaned = typeof given === 'string' ? given.trim() || null : given;
    if (cleaned !== null) Object.assign(request, { [field]: cleaned });
  }
  return request;
}
