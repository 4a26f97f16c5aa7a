import { B1OrHigher, CreateOutcomeRequest, EmploymentKind, OutcomeDetails, OutcomeKind } from '@wegweiser/shared/contracts';

/** The detail fields of an outcome (all but the kind, the date and "bei Beginn vorhanden", which every kind has). */
export type OutcomeDetailField = keyof Omit<OutcomeDetails, 'achievedOn' | 'presentAtStart'>;

/** The details each kind takes (the API refuses the others with `notForKind`). */
export const OUTCOME_FIELDS: Readonly<Record<OutcomeKind, readonly OutcomeDetailField[]>> = {
  b1: ['level', 'certificate'],
  employment: ['employmentKind', 'fullTime', 'matchesQualification', 'description', 'endedOn'],
  apprenticeship: ['description', 'endedOn', 'completed'],
  studies: ['description', 'endedOn', 'completed'],
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
  /** "Bei Beginn der Betreuung vorhanden": the date may then precede the support start. */
  presentAtStart: boolean;
  endedOn: string;
  /** Apprenticeship / studies with an end: with (true) or without (false) the qualification. */
  completed: boolean | null;
  level: B1OrHigher | null;
  certificate: string;
  employmentKind: EmploymentKind | null;
  fullTime: boolean | null;
  matchesQualification: boolean | null;
  description: string;
}

/**
 * The request for a form value: the kind, its date, "bei Beginn vorhanden" when ticked, and only the details that
 * kind takes (texts trimmed, empty ones left out; how a training ended only with its end).
 */
export function outcomeRequest(value: OutcomeFormValue & { kind: OutcomeKind }): CreateOutcomeRequest {
  const request: CreateOutcomeRequest = { kind: value.kind, achievedOn: value.achievedOn };
  if (value.presentAtStart) request.presentAtStart = true;
  for (const field of OUTCOME_FIELDS[value.kind]) {
    const given = value[field];
    const cleaned = typeof given === 'string' ? given.trim() || null : given;
    if (cleaned !== null) Object.assign(request, { [field]: cleaned });
  }
  if (!request.endedOn) delete request.completed;
  return request;
}
