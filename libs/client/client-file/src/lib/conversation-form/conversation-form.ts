import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ConversationsApi } from '@wegweiser/client/data-access';
import { activeLocale, HasUnsavedChanges, IsolatePipe, UserText, warnBeforeUnload } from '@wegweiser/client/ui';
import {
  CONVERSATION_AGREEMENTS_MAX_LENGTH,
  CONVERSATION_DURATION,
  CONVERSATION_FIELD_CODES,
  CONVERSATION_FORMS,
  CONVERSATION_NOTE_MAX_LENGTH,
  ConversationForm as ConversationFormKind,
  ConversationResponse,
  CreateConversationRequest,
  FIELDS_OF_ACTION,
  FieldOfAction,
  INTERPRETER_KINDS,
  InterpreterKind,
} from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { DisplayNamePipe } from '../display-name.pipe';
import { ConversationDefaults, localDate, localTime, localTimeRounded, toIsoDateTime } from './conversation-defaults';

/** Languages offered besides the client's own (ISO 639-1). */
const COMMON_LANGUAGES = ['de', 'ar', 'fa', 'uk', 'ru', 'tr', 'ku', 'ps', 'ti', 'so', 'en', 'fr'];

/** The next appointment: a time once a date is given, and after the conversation. */
function nextAppointmentValidator(group: AbstractControl): ValidationErrors | null {
  const { date, time, nextDate, nextTime } = (group as FormGroup).getRawValue() as Record<string, string>;
  if (!nextDate) return null;
  if (!nextTime) return { nextTimeRequired: true };
  if (!date || !time) return null;
  return `${nextDate}T${nextTime}` > `${date}T${time}` ? null : { [CONVERSATION_FIELD_CODES.afterHeldAt]: true };
}

/** Route parameter of the correction mode (`/klienten/:clientId/gespraech/:conversationId/korrigieren`). */
export const CONVERSATION_ID_PARAM = 'conversationId';

/**
 * `/klienten/:clientId/gespraech-neu`: documents a conversation with sensible
 * defaults (now, office, last duration, the client's language); saves with the
 * button or Ctrl+Enter and goes to the file's Verlauf. Leaving with unsaved
 * input asks first (route guard, and the browser on closing the tab).
 *
 * `/klienten/:clientId/gespraech/:conversationId/korrigieren`: the same form,
 * filled with the conversation, corrects it (its author or the team lead);
 * only what changed is sent, the API keeps the earlier version. After saving
 * the Gespräche tab opens with focus on the corrected entry.
 */
@Component({
  selector: 'ww-conversation-form',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatChipsModule,
    MatFormFieldModule,
    MatInput,
    MatProgressBar,
    MatSelectModule,
    RouterLink,
    TranslocoDirective,
    DisplayNamePipe,
    IsolatePipe,
    UserText,
  ],
  providers: [ClientFileStore],
  templateUrl: './conversation-form.html',
  styleUrl: './conversation-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationForm implements HasUnsavedChanges {
  private readonly api = inject(ConversationsApi);
  private readonly defaults = inject(ConversationDefaults);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly store = inject(ClientFileStore);
  protected readonly locale = activeLocale(this.transloco);
  protected readonly saving = signal(false);
  /** Set once the API stored the conversation: the navigation that follows must not ask. */
  private saved = false;

  protected readonly forms = CONVERSATION_FORMS;
  protected readonly interpreters = INTERPRETER_KINDS;
  protected readonly topics = FIELDS_OF_ACTION;
  protected readonly limits = { duration: CONVERSATION_DURATION, note: CONVERSATION_NOTE_MAX_LENGTH, agreements: CONVERSATION_AGREEMENTS_MAX_LENGTH };
  /** The conversation being corrected (correction mode), once the file loaded; null when recording a new one. */
  private readonly conversationId = inject(ActivatedRoute).snapshot.paramMap.get(CONVERSATION_ID_PARAM);
  protected readonly correcting = this.conversationId !== null;
  protected readonly original = computed<ConversationResponse | null>(
    () => this.store.file()?.conversations.find((c) => c.id === this.conversationId) ?? null,
  );
  protected readonly languages = computed(() => [
    ...new Set([...(this.original() ? [this.original()?.language ?? 'de'] : []), ...(this.store.file()?.client.languagesSpoken ?? []), ...COMMON_LANGUAGES]),
  ]);

  protected readonly conversation = this.buildForm(inject(NonNullableFormBuilder));
  /** The request the unchanged form would make (correction mode): only fields that differ from it are sent. */
  private initial: CreateConversationRequest | null = null;

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
    effect(() => {
      const file = this.store.file();
      const original = this.original();
      untracked(() => {
        if (this.correcting) {
          // The conversation as recorded, once (a reload of the file must not overwrite what was typed).
          if (original && !this.initial) this.fillWith(original);
          return;
        }
        // The client's first spoken language, once the file loaded (unless already chosen).
        const first = file?.client.languagesSpoken[0];
        const language = this.conversation.controls.language;
        if (first && !language.dirty) language.setValue(first);
      });
    });
  }

  private fillWith(c: ConversationResponse): void {
    const held = new Date(c.heldAt);
    const next = c.nextAppointmentAt ? new Date(c.nextAppointmentAt) : null;
    this.conversation.reset({
      date: localDate(held),
      time: localTime(held),
      durationMinutes: c.durationMinutes,
      form: c.form,
      interpreter: c.interpreter,
      language: c.language,
      topics: [...c.topics],
      note: c.note,
      agreements: c.agreements ?? '',
      nextDate: next ? localDate(next) : '',
      nextTime: next ? localTime(next) : '',
    });
    this.initial = this.requestOf();
  }

  /** The request the form's values make. */
  private requestOf(): CreateConversationRequest {
    const value = this.conversation.getRawValue();
    return {
      heldAt: toIsoDateTime(value.date, value.time),
      durationMinutes: Number(value.durationMinutes),
      form: value.form,
      interpreter: value.interpreter,
      language: value.language,
      topics: value.topics,
      note: value.note.trim(),
      agreements: value.agreements.trim() || null,
      nextAppointmentAt: value.nextDate ? toIsoDateTime(value.nextDate, value.nextTime) : null,
    };
  }

  private buildForm(fb: NonNullableFormBuilder) {
    const now = new Date();
    return fb.group(
      {
        date: fb.control(localDate(now), Validators.required),
        time: fb.control(localTimeRounded(now), Validators.required),
        durationMinutes: fb.control(this.defaults.lastDurationMinutes(), [
          Validators.required,
          Validators.min(CONVERSATION_DURATION.min),
          Validators.max(CONVERSATION_DURATION.max),
        ]),
        form: fb.control<ConversationFormKind>('office'),
        interpreter: fb.control<InterpreterKind>('none'),
        language: fb.control('de', Validators.required),
        topics: fb.control<FieldOfAction[]>([]),
        note: fb.control('', [Validators.required, Validators.maxLength(CONVERSATION_NOTE_MAX_LENGTH)]),
        agreements: fb.control('', Validators.maxLength(CONVERSATION_AGREEMENTS_MAX_LENGTH)),
        nextDate: fb.control(''),
        nextTime: fb.control(''),
      },
      { validators: nextAppointmentValidator },
    );
  }

  /** Whether the user changed the form and it was not saved. */
  hasUnsavedChanges(): boolean {
    return this.conversation.dirty && !this.saved;
  }

  /** The text key of a control's first error (`conversationForm.errors.<code>`). */
  protected errorKey(control: FormControl<unknown>): string | null {
    const errors = control.errors;
    if (!errors) return null;
    if (errors['required']) return 'required';
    return Object.keys(errors)[0] ?? null;
  }

  protected saveOnShortcut(event: Event): void {
    event.preventDefault();
    this.save();
  }

  protected save(): void {
    const file = this.store.file();
    if (this.saving() || !file) return;
    if (this.conversation.invalid) {
      this.conversation.markAllAsTouched();
      return;
    }
    const body = this.requestOf();
    const clientId = file.client.id;
    const original = this.original();
    if (this.correcting) {
      if (original && this.initial) this.correct(clientId, original, body, this.initial);
      return;
    }
    this.saving.set(true);
    this.api.create(clientId, body).subscribe({
      next: () => {
        this.saved = true;
        this.defaults.lastDurationMinutes.set(body.durationMinutes);
        this.snackBar.open(this.transloco.translate('clientFile.conversationForm.saved'), undefined, { duration: 4000 });
        void this.router.navigate(['/klienten', clientId, 'verlauf']);
      },
      // The global interceptor shows the API's message.
      error: () => this.saving.set(false),
    });
  }

  /** Sends what differs from the conversation as recorded; back in the Gespräche tab, focus goes to the corrected entry. */
  private correct(clientId: string, original: ConversationResponse, body: CreateConversationRequest, initial: CreateConversationRequest): void {
    const changes = Object.fromEntries(
      Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(initial[key as keyof CreateConversationRequest])),
    ) as Partial<CreateConversationRequest>;
    const done = () => {
      this.saved = true;
      void this.router.navigate(['/klienten', clientId, 'gespraeche'], { state: { focusConversation: original.id } });
    };
    if (!Object.keys(changes).length) {
      done();
      return;
    }
    this.saving.set(true);
    this.api.correct(clientId, original.id, { version: original.version, ...changes }).subscribe({
      next: () => {
        this.snackBar.open(this.transloco.translate('clientFile.conversationForm.corrected'), undefined, { duration: 4000 });
        done();
      },
      error: () => this.saving.set(false),
    });
  }
}
