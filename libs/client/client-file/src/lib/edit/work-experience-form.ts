import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslocoDirective, TranslocoPipe } from '@jsverse/transloco';
import { ClientEditApi } from '@wegweiser/client/data-access';
import { WorkExperienceResponse } from '@wegweiser/shared/contracts';
import { Observable, map } from 'rxjs';
import { EditForm, EditedField, asText, editErrorKey, orNull } from './edit-form';

/** Adds (no `entry`) or edits one work experience: occupation, years, country. */
@Component({
  selector: 'ww-work-experience-form',
  imports: [ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatProgressBar, TranslocoDirective, TranslocoPipe],
  templateUrl: './work-experience-form.html',
  styleUrl: './edit-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkExperienceForm extends EditForm<WorkExperienceResponse> implements OnInit {
  private readonly api = inject(ClientEditApi);

  readonly entry = input<WorkExperienceResponse | null>(null);

  protected readonly errorKey = editErrorKey;
  protected get savedKey(): string {
    return this.entry() ? 'edit.workSaved' : 'edit.workAdded';
  }

  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({
    occupation: ['', [Validators.required, Validators.maxLength(200)]],
    years: ['', [Validators.required, Validators.min(0), Validators.max(60), Validators.pattern(/^\d+$/)]],
    country: ['', Validators.pattern(/^[A-Za-z]{2}$/)],
  });

  ngOnInit(): void {
    const entry = this.entry();
    if (entry) this.fill(entry);
  }

  protected fill(entry: WorkExperienceResponse): void {
    this.version = entry.version;
    this.form.reset({ occupation: entry.occupation, years: String(entry.years), country: entry.country ?? '' });
  }

  protected send(version: number): Observable<unknown> {
    const v = this.form.getRawValue();
    const body = { occupation: v.occupation.trim(), years: Number(asText(v.years)), country: orNull(v.country)?.toUpperCase() ?? null };
    const entry = this.entry();
    return entry ? this.api.updateWorkExperience(this.clientId(), entry.id, { ...body, version }) : this.api.addWorkExperience(this.clientId(), body);
  }

  protected current(): Observable<WorkExperienceResponse> {
    const id = this.entry()?.id;
    return this.api.qualifications(this.clientId()).pipe(
      map((q) => {
        const found = q.workExperience.find((w) => w.id === id);
        if (!found) throw new Error('removed meanwhile');
        return found;
      }),
    );
  }

  protected compare(theirs: WorkExperienceResponse): EditedField[] {
    const mine = this.form.getRawValue();
    return [
      { label: this.transloco.translate('clientFile.qualifications.occupation'), mine: mine.occupation.trim(), theirs: theirs.occupation },
      { label: this.transloco.translate('clientFile.qualifications.years'), mine: asText(mine.years), theirs: String(theirs.years) },
      { label: this.transloco.translate('clientFile.qualifications.country'), mine: mine.country.trim().toUpperCase(), theirs: theirs.country ?? '' },
    ];
  }
}
