import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoPipe } from '@jsverse/transloco';
import { ClientEditApi } from '@wegweiser/client/data-access';
import { CEFR_LEVELS, CefrLevel, GERMAN_LANGUAGE_CODE, LanguageSkillResponse, PutLanguageSkillRequest } from '@wegweiser/shared/contracts';
import { Observable, map } from 'rxjs';
import { notAfterToday, todayDate } from '../outcomes/outcome-dates';
import { EditForm, EditedField, editErrorKey, orNull } from './edit-form';

/**
 * Adds (no `skill`) or edits one language: CEFR level and native language; for German also certificate, exam and
 * date (the API keeps those for German only).
 */
@Component({
  selector: 'ww-language-form',
  imports: [ReactiveFormsModule, MatButton, MatCheckbox, MatFormFieldModule, MatInput, MatProgressBar, MatSelectModule, TranslocoDirective, TranslocoPipe],
  templateUrl: './language-form.html',
  styleUrl: './edit-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageForm extends EditForm<LanguageSkillResponse> implements OnInit {
  private readonly api = inject(ClientEditApi);

  readonly skill = input<LanguageSkillResponse | null>(null);

  protected readonly levels = CEFR_LEVELS;
  protected readonly errorKey = editErrorKey;
  protected readonly savedKey = 'edit.languageSaved';
  /** A certificate is never dated ahead. */
  protected readonly today = todayDate();

  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({
    language: ['', [Validators.required, Validators.pattern(/^[A-Za-z]{2,3}$/)]],
    level: this.fb.control<CefrLevel | null>(null, Validators.required),
    native: [false],
    certificate: ['', Validators.maxLength(100)],
    exam: ['', Validators.maxLength(100)],
    certifiedOn: ['', notAfterToday],
  });
  private readonly code = signal('');
  /** Certificate, exam and date are offered for German only. */
  protected readonly isGerman = computed(() => this.code() === GERMAN_LANGUAGE_CODE);

  constructor() {
    super();
    this.form.controls.language.valueChanges.pipe(takeUntilDestroyed()).subscribe((code) => this.code.set(code.trim().toLowerCase()));
  }

  ngOnInit(): void {
    const skill = this.skill();
    if (skill) {
      this.fill(skill);
      this.form.controls.language.disable();
    }
  }

  protected fill(skill: LanguageSkillResponse): void {
    this.version = skill.version;
    this.form.reset({
      language: skill.language,
      level: skill.level,
      native: skill.native,
      certificate: skill.certificate ?? '',
      exam: skill.exam ?? '',
      certifiedOn: skill.certifiedOn ?? '',
    });
    this.code.set(skill.language);
  }

  protected send(version: number): Observable<unknown> {
    const v = this.form.getRawValue();
    const language = v.language.trim().toLowerCase();
    const german = language === GERMAN_LANGUAGE_CODE;
    const body: PutLanguageSkillRequest = {
      version,
      level: v.level ?? 'A1',
      native: v.native,
      certificate: german ? orNull(v.certificate) : null,
      exam: german ? orNull(v.exam) : null,
      certifiedOn: german ? orNull(v.certifiedOn) : null,
    };
    return this.api.putLanguage(this.clientId(), language, body);
  }

  protected current(): Observable<LanguageSkillResponse> {
    const language = this.form.getRawValue().language.trim().toLowerCase();
    return this.api.languages(this.clientId()).pipe(
      map((skills) => {
        const found = skills.find((s) => s.language === language);
        if (!found) throw new Error('removed meanwhile');
        return found;
      }),
    );
  }

  protected compare(theirs: LanguageSkillResponse): EditedField[] {
    const v = this.form.getRawValue();
    const yesNo = (value: boolean) => this.transloco.translate(value ? 'clientFile.yes' : 'clientFile.no');
    const label = (key: string) => this.transloco.translate(`clientFile.qualifications.${key}`);
    return [
      { label: label('level'), mine: v.level ?? '', theirs: theirs.level },
      { label: label('native'), mine: yesNo(v.native), theirs: yesNo(theirs.native) },
      { label: label('certificate'), mine: v.certificate.trim(), theirs: theirs.certificate ?? '' },
      { label: this.transloco.translate('clientFile.edit.exam'), mine: v.exam.trim(), theirs: theirs.exam ?? '' },
      { label: label('certifiedOn'), mine: v.certifiedOn, theirs: theirs.certifiedOn ?? '' },
    ];
  }
}
