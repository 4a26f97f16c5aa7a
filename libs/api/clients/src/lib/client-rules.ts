import { CLIENT_FIELD_CODES } from '@wegweiser/shared/contracts';

/** The dates of a client's file that depend on each other (after merging a change into the stored values). */
export interface ClientDates {
  dateOfBirth: string;
  arrivalDate: string | null;
  supportStart: string;
  residenceValidUntil: string | null;
}

/**
 * Field → code for every date that breaks the order
 * date of birth < arrival in Germany ≤ support start ≤ today
 * (and residence valid until after the date of birth). Only fields in
 * `changed` are named: a change is refused for what it sends, not for
 * what was stored before. Empty when all is well.
 */
export function clientDateProblems(dates: ClientDates, today: string, changed: ReadonlySet<string>): Record<string, string> {
  const problems: Record<string, string> = {};
  const report = (field: keyof ClientDates | 'supportStart', code: string) => {
    if (changed.has(field) && !problems[field]) problems[field] = code;
  };
  const { dateOfBirth, arrivalDate, supportStart, residenceValidUntil } = dates;
  if (dateOfBirth >= today) report('dateOfBirth', CLIENT_FIELD_CODES.notInFuture);
  if (arrivalDate !== null) {
    if (arrivalDate > today) report('arrivalDate', CLIENT_FIELD_CODES.notInFuture);
    if (arrivalDate <= dateOfBirth) {
      report('arrivalDate', CLIENT_FIELD_CODES.dateOrder);
      report('dateOfBirth', CLIENT_FIELD_CODES.dateOrder);
    }
    if (supportStart < arrivalDate) {
      report('supportStart', CLIENT_FIELD_CODES.dateOrder);
      report('arrivalDate', CLIENT_FIELD_CODES.dateOrder);
    }
  }
  if (supportStart > today) report('supportStart', CLIENT_FIELD_CODES.notInFuture);
  if (supportStart <= dateOfBirth) {
    report('supportStart', CLIENT_FIELD_CODES.dateOrder);
    report('dateOfBirth', CLIENT_FIELD_CODES.dateOrder);
  }
  if (residenceValidUntil !== null && residenceValidUntil <= dateOfBirth) {
    report('residenceValidUntil', CLIENT_FIELD_CODES.dateOrder);
    report('dateOfBirth', CLIENT_FIELD_CODES.dateOrder);
  }
  return problems;
}
