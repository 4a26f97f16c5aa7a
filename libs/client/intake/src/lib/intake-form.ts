import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { CLIENT_LIMITS, CreateClientRequest, DuplicateCheckRequest, Gender, HousingKind, ResidenceStatusCode } from '@wegweiser/shared/contracts';

/** Same patterns as the API's validation (libs/api/clients dto/client-fields.ts). */
const PHONE = /^\+?[0-9][0-9 ()/-]{2,39}$/;

/**
 * A day typed the German way — `15.03.1990`, `15.3.1990` or `15031990` — or
 * as `1990-03-15`, as `YYYY-MM-DD`; null if it is no real day from 1900 on.
 * (A text field, not `type="date"`: birthdays are typed, not picked, and the
 * browser's date field orders day and month by its own language.)
 */
export function parseDay(text: string): string | null {
  const value = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = german ? [german[3], german[2], german[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day) || Number(year) < 1900) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** `1990-03-15` → `15.03.1990` (how the date of birth field shows a day). */
export function germanDay(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** A typed date of birth that is no day is refused with `date`; one after today with `notInFuture`. */
function birthday(today: () => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const text = String(control.value ?? '');
    if (!text.trim()) return null;
    const day = parseDay(text);
    if (!day) return { date: true };
    return day >= today() ? { notInFuture: true } : null;
  };
}

/** Today as `YYYY-MM-DD` in the browser's calendar. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date that lies after today is refused with `notInFuture`. */
function notInFuture(today: () => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null =>
    typeof control.value === 'string' && control.value && control.value > today() ? { notInFuture: true } : null;
}

/** A date before the date of birth (or on it) is refused with `afterBirth`. */
function afterBirth(control: AbstractControl): ValidationErrors | null {
  const birth = parseDay(String(control.parent?.get('dateOfBirth')?.value ?? ''));
  return typeof control.value === 'string' && control.value && birth && control.value <= birth ? { afterBirth: true } : null;
}

/** The support start may not lie before the arrival in Germany. */
function notBeforeArrival(control: AbstractControl): ValidationErrors | null {
  const arrival = control.parent?.get('arrivalDate')?.value as string | undefined;
  return typeof control.value === 'string' && control.value && arrival && control.value < arrival ? { beforeArrival: true } : null;
}

/** The reason is needed once the support start lies before today. */
function reasonWhenBackdated(today: () => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const start = control.parent?.get('supportStart')?.value as string | undefined;
    const backdated = !!start && start < today();
    return backdated && !String(control.value ?? '').trim() ? { reasonRequired: true } : null;
  };
}

const text = (value = '', validators: ValidatorFn[] = []) => new FormControl(value, { nonNullable: true, validators });

/** The intake form; the value is a plain object of strings and arrays (what the draft keeps). */
export function intakeForm(today: () => string = localToday) {
  const names = [Validators.maxLength(CLIENT_LIMITS.nameMaxLength)];
  return new FormGroup({
    firstName: text('', [Validators.required, ...names]),
    lastName: text('', [Validators.required, ...names]),
    firstNameOriginal: text('', names),
    lastNameOriginal: text('', names),
    /** As typed (`15.03.1990`); see `parseDay`. */
    dateOfBirth: text('', [Validators.required, birthday(today)]),
    gender: text('', [Validators.required]),
    countryOfOrigin: text('', [Validators.required]),
    nationalities: new FormControl<string[]>([], { nonNullable: true, validators: [Validators.maxLength(CLIENT_LIMITS.maxNationalities)] }),
    languagesSpoken: new FormControl<string[]>([], { nonNullable: true, validators: [Validators.maxLength(CLIENT_LIMITS.maxLanguages)] }),
    residenceStatus: text(''),
    residenceValidUntil: text('', [afterBirth]),
    arrivalDate: text('', [notInFuture(today), afterBirth]),
    housing: text(''),
    householdMembers: text('', [Validators.min(1), Validators.max(CLIENT_LIMITS.householdMembersMax), Validators.pattern(/^\d*$/)]),
    phone: text('', [Validators.maxLength(CLIENT_LIMITS.phoneMaxLength), Validators.pattern(PHONE)]),
    email: text('', [Validators.maxLength(CLIENT_LIMITS.emailMaxLength), Validators.email]),
    address: text('', [Validators.maxLength(CLIENT_LIMITS.addressMaxLength)]),
    supportStart: text(today(), [Validators.required, notInFuture(today), afterBirth, notBeforeArrival]),
    supportStartReason: text('', [reasonWhenBackdated(today), Validators.maxLength(CLIENT_LIMITS.supportStartReasonMaxLength)]),
    responsibleManagerId: text(''),
  });
}

export type IntakeForm = ReturnType<typeof intakeForm>;
export type IntakeValue = ReturnType<IntakeForm['getRawValue']>;

/** Dates that other fields are checked against: re-check those when they change. */
export const DEPENDENT_FIELDS: Readonly<Record<string, readonly (keyof IntakeValue)[]>> = {
  dateOfBirth: ['residenceValidUntil', 'arrivalDate', 'supportStart'],
  arrivalDate: ['supportStart'],
  supportStart: ['supportStartReason'],
};

const orNull = (value: string): string | null => value.trim() || null;

/** The `POST /api/clients` body: empty optional fields left out or null; the reason only for a backdated start. */
export function toCreateRequest(value: IntakeValue, today = localToday()): CreateClientRequest {
  const members = value.householdMembers.trim();
  return {
    firstName: value.firstName.trim(),
    lastName: value.lastName.trim(),
    firstNameOriginal: orNull(value.firstNameOriginal),
    lastNameOriginal: orNull(value.lastNameOriginal),
    dateOfBirth: parseDay(value.dateOfBirth) ?? value.dateOfBirth,
    gender: value.gender as Gender,
    countryOfOrigin: value.countryOfOrigin,
    nationalities: value.nationalities,
    languagesSpoken: value.languagesSpoken,
    residenceStatus: (value.residenceStatus || null) as ResidenceStatusCode | null,
    residenceValidUntil: value.residenceValidUntil || null,
    arrivalDate: value.arrivalDate || null,
    housing: (value.housing || null) as HousingKind | null,
    householdMembers: members ? Number(members) : null,
    phone: orNull(value.phone),
    email: orNull(value.email),
    address: orNull(value.address),
    supportStart: value.supportStart,
    supportStartReason: value.supportStart < today ? orNull(value.supportStartReason) : null,
    ...(value.responsibleManagerId ? { responsibleManagerId: value.responsibleManagerId } : {}),
  };
}

/** What the duplicate check needs, once first and last name and a full date of birth are typed (else null). */
export function toDuplicateCheck(value: Pick<IntakeValue, 'firstName' | 'lastName' | 'firstNameOriginal' | 'lastNameOriginal' | 'dateOfBirth'>): DuplicateCheckRequest | null {
  const firstName = value.firstName.trim();
  const lastName = value.lastName.trim();
  const dateOfBirth = parseDay(value.dateOfBirth);
  if (!firstName || !lastName || !dateOfBirth) return null;
  return {
    firstName,
    lastName,
    firstNameOriginal: orNull(value.firstNameOriginal),
    lastNameOriginal: orNull(value.lastNameOriginal),
    dateOfBirth,
  };
}

/** Whether `draft` has the shape of the form's value (a draft from another version of the form is dropped). */
export function isIntakeDraft(draft: unknown, form: IntakeForm): draft is Partial<IntakeValue> {
  if (typeof draft !== 'object' || draft === null) return false;
  const controls = form.controls as Record<string, AbstractControl>;
  return Object.entries(draft).every(([key, value]) => {
    const control = controls[key];
    if (!control) return false;
    return Array.isArray(control.value) ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === 'string';
  });
}
