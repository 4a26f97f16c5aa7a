import { BadRequestException } from '@nestjs/common';
import {
  CASE_ERROR_CODES,
  CEFR_LEVELS,
  CefrLevel,
  ConsentRecipientKind,
  ERROR_CODES,
  FieldOfAction,
  PLAN_FIELD_CODES,
  REFERRAL_TRANSITIONS,
  ReferralState,
} from '@wegweiser/shared/contracts';

/** The CEFR levels a learner has reached with `level`: it and every level below it. */
export function levelsUpTo(level: CefrLevel): CefrLevel[] {
  return CEFR_LEVELS.slice(0, CEFR_LEVELS.indexOf(level) + 1);
}

/** Field (dot path) -> code, as in `ApiErrorResponse.errors`. */
export type FieldErrors = Record<string, string>;

/**
 * 400 naming the fields. The body's code is `outsideSupportWindow` when that
 * is the only rule broken (the client explains the window), else `validationFailed`.
 */
export function invalidFields(errors: FieldErrors): BadRequestException {
  const onlyWindow = Object.values(errors).every((code) => code === PLAN_FIELD_CODES.outsideSupportWindow);
  return new BadRequestException({
    code: onlyWindow ? CASE_ERROR_CODES.outsideSupportWindow : ERROR_CODES.validationFailed,
    message: `Invalid fields: ${Object.keys(errors).join(', ')}`,
    errors,
  });
}

/** Throws one 400 for every rule that failed, or returns. */
export function assertValid(...checks: FieldErrors[]): void {
  const errors: FieldErrors = Object.assign({}, ...checks);
  if (Object.keys(errors).length) throw invalidFields(errors);
}

export interface SupportWindow {
  supportStart: string;
  supportWindowEnd: string;
}

/** A date of the plan lies inside the support window (start .. window end, an approved extension included). */
export function withinWindow(field: string, date: string | null | undefined, window: SupportWindow): FieldErrors {
  return date && (date < window.supportStart || date > window.supportWindowEnd) ? { [field]: PLAN_FIELD_CODES.outsideSupportWindow } : {};
}

/** Something that happened (given, done, sent, withdrawn) cannot lie after today. */
export function notInFuture(field: string, date: string | null | undefined, today: string): FieldErrors {
  return date && date > today ? { [field]: PLAN_FIELD_CODES.inFuture } : {};
}

/** `later` is on or after `earlier` (e.g. valid until >= given on). */
export function notBefore(field: string, later: string | null | undefined, earlier: string, code: string): FieldErrors {
  return later && later < earlier ? { [field]: code } : {};
}

/** Language goals name the CEFR level to reach; other fields have none. */
export function targetLevelRule(fieldOfAction: FieldOfAction, level: CefrLevel | null | undefined): FieldErrors {
  if (fieldOfAction === 'language' && !level) return { targetLevel: PLAN_FIELD_CODES.requiredForLanguage };
  if (fieldOfAction !== 'language' && level) return { targetLevel: PLAN_FIELD_CODES.onlyForLanguage };
  return {};
}

export interface ConsentDates {
  givenOn: string;
  validUntil: string | null;
  withdrawnOn: string | null;
}

/** Valid today: given on or before today, not expired (valid until today inclusive), never withdrawn. */
export function isConsentValid(consent: ConsentDates, today: string): boolean {
  return consent.givenOn <= today && (consent.validUntil === null || consent.validUntil >= today) && consent.withdrawnOn === null;
}

export function canMoveReferral(from: ReferralState, to: ReferralState): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** A partner is named for partner consents only. */
export function recipientRule(dto: { recipientKind: ConsentRecipientKind; partnerId?: string }): FieldErrors {
  if (dto.recipientKind === 'partner' && !dto.partnerId) return { partnerId: PLAN_FIELD_CODES.requiredForPartner };
  if (dto.recipientKind !== 'partner' && dto.partnerId) return { partnerId: PLAN_FIELD_CODES.onlyForPartner };
  return {};
}

/** `sentOn` belongs to the move to `sent` (and defaults to today there). */
export function sentOnRule(targetState: ReferralState | undefined, sentOn: string | undefined, today: string): FieldErrors {
  if (sentOn !== undefined && targetState !== 'sent') return { sentOn: PLAN_FIELD_CODES.onlyWhenSent };
  return notInFuture('sentOn', sentOn, today);
}
