import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { ConsentResponse, PartnerResponse } from '@wegweiser/shared/contracts';

/** Where a consent stands today, in words (`consents.state.<state>`): only `valid` ones allow passing data on. */
export type ConsentState = 'valid' | 'withdrawn' | 'expired' | 'notYetValid';

export function consentState(consent: ConsentResponse, today: string): ConsentState {
  if (consent.withdrawnOn && consent.withdrawnOn <= today) return 'withdrawn';
  if (consent.validUntil && consent.validUntil < today) return 'expired';
  if (consent.givenOn > today) return 'notYetValid';
  return consent.valid ? 'valid' : 'withdrawn';
}

/** The day a consent's state refers to: withdrawn on, expired on, valid until (null: until withdrawn). */
export function consentStateDate(consent: ConsentResponse, state: ConsentState): string | null {
  switch (state) {
    case 'withdrawn':
      return consent.withdrawnOn;
    case 'expired':
      return consent.validUntil;
    case 'notYetValid':
      return consent.givenOn;
    case 'valid':
      return consent.validUntil;
  }
}

/** The recipients a consent may name: partner organisations and working groups (a consent to a working group covers all its members). */
export function recipientGroups(partners: readonly PartnerResponse[]): {
  organisations: PartnerResponse[];
  workingGroups: PartnerResponse[];
} {
  return {
    organisations: partners.filter((partner) => partner.kind === 'organisation'),
    workingGroups: partners.filter((partner) => partner.kind === 'working_group'),
  };
}

/** A `YYYY-MM-DD` not after `today()` (error `inFuture`, the API's code). */
export function notInFuture(today: () => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = control.value as string | null;
    return value && value > today() ? { inFuture: true } : null;
  };
}

/** A `YYYY-MM-DD` not before the sibling control `field` (error `beforeGivenOn`, the API's code). */
export function notBeforeSibling(field: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = control.value as string | null;
    const other = control.parent?.get(field)?.value as string | null | undefined;
    return value && other && value < other ? { beforeGivenOn: true } : null;
  };
}

/** At least one checkbox of the group is ticked (error `required`). */
export const atLeastOne: ValidatorFn = (group: AbstractControl): ValidationErrors | null =>
  Object.values((group.value ?? {}) as Record<string, boolean>).some(Boolean) ? null : { required: true };
