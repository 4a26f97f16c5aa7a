import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoPipe } from '@jsverse/transloco';
import { ClientEditApi } from '@wegweiser/client/data-access';
import { EDUCATION_CERTIFICATES, EducationCertificate, QualificationsResponse, RECOGNITION_STATES, RecognitionState, UpdateQualificationsRequest } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { EditForm, EditedField, asText, editErrorKey, orNull } from './edit-form';

const TEXT_FIELDS = ['schoolYears', 'schoolCountry', 'schoolCertificate', 'vocationalTraining', 'universityDegree', 'recognitionState', 'interests'] as const;
type QualificationField = (typeof TEXT_FIELDS)[number];
type QualificationValues = Record<QualificationField, string>;

/** The record as form text (interests comma-separated). */
export function qualificationValues(q: QualificationsResponse): QualificationValues {
  return {
    schoolYears: q.schoolYears === null ? '' : String(q.schoolYears),
    schoolCountry: q.schoolCountry ?? '',
    schoolCertificate: q.schoolCertificate ?? '',
    vocationalTraining: q.vocationalTraining ?? '',
    universityDegree: q.universityDegree ?? '',
    recognitionState: q.recognitionState ?? '',
    interests: q.interests.join(', '),
  };
}

/** The PUT (it replaces the record): empty text is null, interests split at commas. */
export function qualificationsRequest(v: QualificationValues, version: number): UpdateQualificationsRequest {
  const years = orNull(v.schoolYears);
  return {
    version,
    schoolYears: years === null ? null : Number(years),
    schoolCountry: orNull(v.schoolCountry)?.toUpperCase() ?? null,
    schoolCertificate: (orNull(v.schoolCertificate) as EducationCertificate | null) ?? null,
    vocationalTraining: orNull(v.vocationalTraining),
    universityDegree: orNull(v.universityDegree),
    recognitionState: (orNull(v.recognitionState) as RecognitionState | null) ?? null,
    interests: [...new Set(v.interests.split(',').map((i) => i.trim()).filter((i) => i !== ''))],
  };
}

/** "Schulbildung und Ausbildung bearbeiten": the qualifications record, in place. */
@Component({
  selector: 'ww-qualifications-form',
  imports: [ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatProgressBar, MatSelectModule, TranslocoDirective, TranslocoPipe],
  templateUrl: './qualifications-form.html',
  styleUrl: './edit-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualificationsForm extends EditForm<QualificationsResponse> implements OnInit {
  private readonly api = inject(ClientEditApi);

  readonly qualifications = input.required<QualificationsResponse>();

  protected readonly certificates = EDUCATION_CERTIFICATES;
  protected readonly recognitionStates = RECOGNITION_STATES;
  protected readonly errorKey = editErrorKey;
  protected readonly savedKey = 'edit.qualificationsSaved';

  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({
    schoolYears: ['', [Validators.min(0), Validators.max(25)]],
    schoolCountry: ['', Validators.pattern(/^[A-Za-z]{2}$/)],
    schoolCertificate: [''],
    vocationalTraining: ['', Validators.maxLength(200)],
    universityDegree: ['', Validators.maxLength(200)],
    recognitionState: [''],
    interests: ['', Validators.maxLength(2000)],
  });

  ngOnInit(): void {
    this.fill(this.qualifications());
  }

  protected fill(q: QualificationsResponse): void {
    this.version = q.version;
    this.form.reset(qualificationValues(q));
  }

  protected send(version: number): Observable<unknown> {
    return this.api.putQualifications(this.clientId(), qualificationsRequest(this.form.getRawValue(), version));
  }

  protected current(): Observable<QualificationsResponse> {
    return this.api.qualifications(this.clientId());
  }

  protected compare(theirs: QualificationsResponse): EditedField[] {
    const mine = this.form.getRawValue();
    const now = qualificationValues(theirs);
    const display = (field: QualificationField, value: string) => {
      const text = asText(value);
      if (!text) return '';
      if (field === 'schoolCertificate') return this.transloco.translate(`clientFile.vocab.educationCertificate.${text}`);
      if (field === 'recognitionState') return this.transloco.translate(`clientFile.vocab.recognitionState.${text}`);
      return text;
    };
    return TEXT_FIELDS.map((field) => ({
      label: this.transloco.translate(`clientFile.qualifications.${field === 'recognitionState' ? 'recognition' : field}`),
      mine: display(field, mine[field]),
      theirs: display(field, now[field]),
    }));
  }
}
