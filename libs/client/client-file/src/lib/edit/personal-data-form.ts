import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoPipe } from '@jsverse/transloco';
import { ClientEditApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { CLIENT_LIMITS, ClientResponse, GENDERS, HOUSING_KINDS, RESIDENCE_STATUSES, UpdateClientRequest } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { EditForm, EditedField, asText, editErrorKey, orNull } from './edit-form';

/** The personal data the form edits, as text (empty: not given). */
export const PERSONAL_FIELDS = [
  'firstName',
  'lastName',
  'firstNameOriginal',
  'lastNameOriginal',
  'dateOfBirth',
  'gender',
  'residenceStatus',
  'residenceValidUntil',
  'arrivalDate',
  'housing',
  'householdMembers',
  'phone',
  'email',
  'address',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
export type PersonalValues = Record<PersonalField, string>;

/** A client's personal data as form text. */
export function personalValues(client: ClientResponse): PersonalValues {
  const values = {} as PersonalValues;
  for (const field of PERSONAL_FIELDS) {
    const value = client[field];
    values[field] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/** The PATCH for what the user changed against `base` (only those fields: someone else's changes to others stay). */
export function personalChanges(mine: PersonalValues, base: PersonalValues, version: number): UpdateClientRequest {
  const request: Record<string, unknown> = { version };
  for (const field of PERSONAL_FIELDS) {
    if (asText(mine[field]) === base[field]) continue;
    const text = orNull(mine[field]);
    request[field] = field === 'householdMembers' ? (text === null ? null : Number(text)) : text;
  }
  return request as unknown as UpdateClientRequest;
}

/**
 * "Persönliche Daten bearbeiten": names (Latin and original script), date of birth, gender, residence status and its
 * validity, arrival, housing, household and contact, in place in the overview; sends only what changed.
 */
@Component({
  selector: 'ww-personal-data-form',
  imports: [ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatProgressBar, MatSelectModule, TranslocoDirective, TranslocoPipe],
  templateUrl: './personal-data-form.html',
  styleUrl: './edit-form.scss',
  providers: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonalDataForm extends EditForm<ClientResponse> implements OnInit {
  private readonly api = inject(ClientEditApi);
  private readonly datePipe = inject(DatePipe);
  private readonly locale = activeLocale(this.transloco);

  readonly client = input.required<ClientResponse>();

  protected readonly genders = GENDERS;
  protected readonly housingKinds = HOUSING_KINDS;
  protected readonly residenceStatuses = RESIDENCE_STATUSES;
  protected readonly limits = CLIENT_LIMITS;
  protected readonly errorKey = editErrorKey;
  protected readonly savedKey = 'edit.personalSaved';

  /** What the form was opened with (or took over): the base of "what changed". */
  private base: PersonalValues = personalValues({} as ClientResponse);

  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({
    firstName: ['', [Validators.required, Validators.maxLength(CLIENT_LIMITS.nameMaxLength)]],
    lastName: ['', [Validators.required, Validators.maxLength(CLIENT_LIMITS.nameMaxLength)]],
    firstNameOriginal: ['', Validators.maxLength(CLIENT_LIMITS.nameMaxLength)],
    lastNameOriginal: ['', Validators.maxLength(CLIENT_LIMITS.nameMaxLength)],
    dateOfBirth: ['', Validators.required],
    gender: ['', Validators.required],
    residenceStatus: [''],
    residenceValidUntil: [''],
    arrivalDate: [''],
    housing: [''],
    householdMembers: ['', [Validators.min(1), Validators.max(CLIENT_LIMITS.householdMembersMax)]],
    phone: ['', Validators.maxLength(CLIENT_LIMITS.phoneMaxLength)],
    email: ['', [Validators.email, Validators.maxLength(CLIENT_LIMITS.emailMaxLength)]],
    address: ['', Validators.maxLength(CLIENT_LIMITS.addressMaxLength)],
  });

  ngOnInit(): void {
    this.fill(this.client());
  }

  protected fill(client: ClientResponse): void {
    this.version = client.version;
    this.base = personalValues(client);
    this.form.reset(this.base);
  }

  protected send(version: number): Observable<unknown> {
    return this.api.updateClient(this.clientId(), personalChanges(this.form.getRawValue(), this.base, version));
  }

  protected current(): Observable<ClientResponse> {
    return this.api.client(this.clientId());
  }

  /** Only the fields the user changed can conflict. */
  protected compare(theirs: ClientResponse): EditedField[] {
    const mine = this.form.getRawValue();
    const now = personalValues(theirs);
    return PERSONAL_FIELDS.filter((field) => asText(mine[field]) !== this.base[field]).map((field) => ({
      label: this.transloco.translate(`clientFile.edit.personal.${field}`),
      mine: this.display(field, asText(mine[field])),
      theirs: this.display(field, now[field]),
    }));
  }

  private display(field: PersonalField, value: string): string {
    if (!value) return '';
    if (field === 'dateOfBirth' || field === 'residenceValidUntil' || field === 'arrivalDate') return this.datePipe.transform(value, 'mediumDate', undefined, this.locale()) ?? value;
    if (field === 'gender' || field === 'housing' || field === 'residenceStatus') return this.transloco.translate(`clientFile.vocab.${field}.${value}`);
    return value;
  }
}
