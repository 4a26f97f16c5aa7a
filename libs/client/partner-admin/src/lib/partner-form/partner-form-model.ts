import { FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import { CreatePartnerRequest, PARTNER_FIELD_LIMITS, PARTNER_PHONE_PATTERN, PartnerKind, PartnerResponse } from '@wegweiser/shared/contracts';
import { parseLanguages } from '../partner-filter';

const languagesValid: ValidatorFn = (control) => (parseLanguages(String(control.value ?? '')) ? null : { languages: true });
const text = (max: number, ...more: ValidatorFn[]) => new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max), ...more] });

export function partnerForm() {
  return new FormGroup({
    name: text(PARTNER_FIELD_LIMITS.name, Validators.required),
    kind: new FormControl<PartnerKind>('organisation', { nonNullable: true }),
    contactPerson: text(PARTNER_FIELD_LIMITS.contactPerson),
    email: text(PARTNER_FIELD_LIMITS.email, Validators.email),
    phone: text(PARTNER_FIELD_LIMITS.phone, Validators.pattern(PARTNER_PHONE_PATTERN)),
    address: text(PARTNER_FIELD_LIMITS.address),
    website: text(PARTNER_FIELD_LIMITS.website, Validators.pattern(/^https?:\/\/\S+\.\S+$/)),
    languages: new FormControl('', { nonNullable: true, validators: [languagesValid] }),
    description: text(PARTNER_FIELD_LIMITS.description),
    workingGroupIds: new FormControl<string[]>([], { nonNullable: true }),
    active: new FormControl(true, { nonNullable: true }),
  });
}
export type PartnerForm = ReturnType<typeof partnerForm>;

export function fillPartnerForm(form: PartnerForm, p: PartnerResponse): void {
  form.reset({
    name: p.name,
    kind: p.kind,
    contactPerson: p.contactPerson ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    address: p.address ?? '',
    website: p.website ?? '',
    languages: p.languages.join(', '),
    description: p.description ?? '',
    workingGroupIds: p.workingGroupIds,
    active: p.active,
  });
}

/** The form as a request: empty optional texts are left out (create) or cleared with `null` (update). */
export function partnerRequest(form: PartnerForm, forUpdate: boolean): CreatePartnerRequest & { active: boolean } {
  const v = form.getRawValue();
  const optional = (value: string) => (value.trim() ? value.trim() : forUpdate ? null : undefined) as string | undefined;
  return {
    name: v.name.trim(),
    kind: v.kind,
    contactPerson: optional(v.contactPerson),
    email: optional(v.email),
    phone: optional(v.phone),
    address: optional(v.address),
    website: optional(v.website),
    description: optional(v.description),
    languages: parseLanguages(v.languages) ?? [],
    workingGroupIds: v.workingGroupIds,
    active: v.active,
  };
}
