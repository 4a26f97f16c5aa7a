import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthApi, CurrentUser, IntakeApi, ReassignmentApi, isApiErrorResponse, isErrorCode } from '@wegweiser/client/data-access';
import { activeLocale, HasUnsavedChanges, isolate, UserText } from '@wegweiser/client/ui';
import {
  CASELOAD_ERROR_CODES,
  CaseloadFullDetails,
  CLIENT_LIMITS,
  DuplicateCheckResponse,
  GENDERS,
  HOUSING_KINDS,
  MeResponse,
  RESIDENCE_STATUSES,
  TeamManagerResponse,
} from '@wegweiser/shared/contracts';
import { Observable, catchError, debounceTime, distinctUntilChanged, map, merge, of, startWith, switchMap, tap } from 'rxjs';
import { CaseloadNoticeView } from '../caseload-notice/caseload-notice';
import { caseloadNotice, colleaguesWithRoom, ResponsibleOption } from '../caseload-notice/caseload-options';
import { IntakeConfirmDialog, IntakeConfirmData } from '../confirm-dialog/intake-confirm-dialog';
import { DuplicatePanel, teamLabel } from '../duplicate-panel/duplicate-panel';
import { readHistoryDraft, writeHistoryDraft } from '../history-draft';
import { DEPENDENT_FIELDS, IntakeValue, germanDay, intakeForm, isIntakeDraft, localToday, parseDay, toCreateRequest, toDuplicateCheck } from '../intake-form';
import { INTAKE_COUNTRIES, INTAKE_LANGUAGES, namedCodes } from '../reference-lists';

/** Errors in the order the message at a field names them (`intake.errors.<key>`). */
const ERROR_ORDER = ['required', 'server', 'date', 'notInFuture', 'afterBirth', 'beforeArrival', 'reasonRequired', 'maxlength', 'email', 'pattern', 'min', 'max'];

const DUPLICATE_FIELDS = ['firstName', 'lastName', 'firstNameOriginal', 'lastNameOriginal', 'dateOfBirth'] as const;

/**
 * `/aufnahme`: takes in a new client. Sections of the personal data, a
 * duplicate check while names and date of birth are typed, save with the
 * button or Ctrl+Enter (with a confirmation while possible matches are
 * shown), then the new file. The draft lives in memory and in this page's
 * history entry (see history-draft.ts): a reload or "Back" restores it,
 * nothing goes to web storage; leaving with changes asks first.
 */
@Component({
  selector: 'ww-intake-page',
  imports: [ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatProgressBar, MatSelectModule, RouterLink, TranslocoDirective, DuplicatePanel, CaseloadNoticeView, UserText],
  templateUrl: './intake-page.html',
  styleUrl: './intake-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntakePage implements HasUnsavedChanges {
  private readonly api = inject(IntakeApi);
  private readonly auth = inject(AuthApi);
  private readonly reassignment = inject(ReassignmentApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  private readonly firstField = viewChild<ElementRef<HTMLInputElement>>('firstField');
  protected readonly form = intakeForm();
  protected readonly c = this.form.controls;
  protected readonly locale = activeLocale(this.transloco);
  protected readonly countries = computed(() => namedCodes(INTAKE_COUNTRIES, 'region', this.locale()));
  protected readonly languages = computed(() => namedCodes(INTAKE_LANGUAGES, 'language', this.locale()));
  protected readonly genders = GENDERS;
  protected readonly housingKinds = HOUSING_KINDS;
  protected readonly residenceStatuses = RESIDENCE_STATUSES;
  protected readonly limits = CLIENT_LIMITS;
  protected readonly today = localToday();

  protected readonly me = signal<MeResponse | null>(null);
  private readonly teamManagers = signal<TeamManagerResponse[]>([]);
  /** Self first, then the team's other managers (team leads only: the picker of the reassignment), with their caseloads. */
  protected readonly responsibleOptions = computed<ResponsibleOption[]>(() => {
    const me = this.me();
    if (!me) return [];
    const own = this.teamManagers().find((manager) => manager.id === me.id);
    return [own ?? me, ...this.teamManagers().filter((manager) => manager.id !== me.id)];
  });
  /** The API's last 409 caseloadFull (whose caseload is full, and its maximum). */
  private readonly caseloadRefusal = signal<CaseloadFullDetails | null>(null);
  private readonly responsibleId = toSignal(this.c.responsibleManagerId.valueChanges, { initialValue: this.c.responsibleManagerId.value });
  private readonly chosen = computed(() => this.responsibleOptions().find((option) => option.id === this.responsibleId()));
  /** What the form says about the chosen person's caseload (full, or above the recommended size). */
  protected readonly caseloadNotice = computed(() => caseloadNotice(this.chosen(), this.caseloadRefusal()));
  /** When the chosen person's caseload is full: the colleagues below their maximum, to pick instead. */
  protected readonly colleaguesWithRoom = computed(() => colleaguesWithRoom(this.responsibleOptions(), this.responsibleId() ?? null, this.caseloadRefusal()));
  protected readonly duplicates = signal<DuplicateCheckResponse | null>(null);
  protected readonly checking = signal(false);
  protected readonly saving = signal(false);
  /** The message of a failure that belongs to no field (the app's `errors.<code>` texts). */
  protected readonly saveError = signal<string | null>(null);
  /** The draft came back from this page's history entry (after a reload or "Back"). */
  protected readonly restored = signal(false);
  protected readonly backdated = toSignal(this.c.supportStart.valueChanges.pipe(map((start) => !!start && start < this.today)), {
    initialValue: false,
  });
  /** Between save and the answer (the check, the confirmation, creating): a second Ctrl+Enter does nothing. */
  private busy = false;
  /** Set once the API created the client: the navigation that follows must not ask. */
  private saved = false;

  constructor() {
    this.restoreDraft();
    this.keepDraft();
    this.recheckDependents();
    this.watchDuplicates();
    this.loadPeople();
    // Keyboard first: the first field gets the focus once it is there (the texts load first); the top bar is Shift+Tab away.
    let focused = false;
    effect(() => {
      const field = this.firstField();
      if (field && !focused) {
        focused = true;
        field.nativeElement.focus();
      }
    });
  }


  hasUnsavedChanges(): boolean {
    return this.form.dirty && !this.saved;
  }

  /** The text key of a control's first error (`intake.errors.<key>`), or null. */
  protected errorKey(control: AbstractControl): string | null {
    const errors = control.errors;
    if (!errors) return null;
    const key = ERROR_ORDER.find((name) => errors[name]) ?? Object.keys(errors)[0] ?? null;
    return key === 'server' ? `server.${String(errors['server'])}` : key;
  }

  /** `15031990` becomes `15.03.1990` when the field is left. */
  protected tidyDateOfBirth(): void {
    const day = parseDay(this.c.dateOfBirth.value);
    if (day && germanDay(day) !== this.c.dateOfBirth.value) this.c.dateOfBirth.setValue(germanDay(day));
  }

  protected saveOnShortcut(event: Event): void {
    event.preventDefault();
    this.save();
  }

  protected save(): void {
    if (this.busy) return;
    this.saveError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const value = this.form.getRawValue();
    const check = toDuplicateCheck(value);
    this.busy = true;
    // Checked again now: the debounced check may not have answered yet for what was typed last.
    (check ? this.api.duplicateCheck(check).pipe(catchError(() => of(this.duplicates()))) : of(null))
      .pipe(
        tap((found) => this.duplicates.set(found)),
        switchMap((found) => (found && (found.matches.length || found.otherTeams.length) ? this.confirm(found) : of(true))),
      )
      .subscribe((confirmed) => {
        if (confirmed) this.create(value);
        else this.busy = false;
      });
  }

  private confirm(found: DuplicateCheckResponse): Observable<boolean> {
    const narrow = typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 768px)').matches;
    const data: IntakeConfirmData = { own: found.matches.length, teams: found.otherTeams.map((team) => teamLabel(team.teamName)) };
    const size = narrow ? { width: '100vw', maxWidth: '100vw', height: '100dvh', maxHeight: '100dvh' } : { width: '32rem' };
    return this.dialog
      .open<IntakeConfirmDialog, IntakeConfirmData, boolean>(IntakeConfirmDialog, { data, role: 'alertdialog', ...size })
      .afterClosed()
      .pipe(map((answer) => answer === true));
  }

  private create(value: IntakeValue): void {
    this.saving.set(true);
    this.api.create(toCreateRequest(value, this.today)).subscribe({
      next: (client) => {
        this.saved = true;
        writeHistoryDraft(null);
        this.snackBar.open(this.transloco.translate('intake.saved', { caseNumber: client.caseNumber }), undefined, { duration: 4000 });
        void this.router.navigate(['/klienten', client.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.busy = false;
        this.showFailure(error);
      },
    });
  }

  /** A colleague offered instead of a full caseload becomes the responsible manager. */
  protected chooseResponsible(id: string): void {
    this.c.responsibleManagerId.setValue(id);
    this.c.responsibleManagerId.markAsDirty();
    this.saveError.set(null);
  }

  /** Field codes of a 400 go to their fields; a full caseload (409) to "Verantwortlich"; anything else is one message above the buttons. */
  private showFailure(error: unknown): void {
    const body = error instanceof HttpErrorResponse && isApiErrorResponse(error.error) ? error.error : null;
    if (body?.code === CASELOAD_ERROR_CODES.caseloadFull && body.caseload) {
      // Everything typed stays; the notice under "Verantwortlich" names the limit and offers colleagues (with fresh counts).
      const refusal = body.caseload;
      this.caseloadRefusal.set(refusal);
      const person = this.responsibleOptions().find((option) => option.id === refusal.managerId);
      const name = person ? `${person.firstName} ${person.lastName}` : '';
      this.saveError.set(this.transloco.translate('intake.caseload.full', { name: isolate(name), limit: refusal.maximum }));
      this.loadTeamManagers();
      return;
    }
    const fields = Object.entries(body?.errors ?? {}).filter(([field]) => field in this.c);
    for (const [field, code] of fields) {
      const control = (this.c as Record<string, AbstractControl>)[field];
      control?.setErrors({ ...control.errors, server: code });
      control?.markAsTouched();
    }
    if (fields.length) {
      this.focusFirstInvalid();
      return;
    }
    const code = body && isErrorCode(body.code) ? body.code : 'unknown';
    this.saveError.set(this.transloco.translate(`errors.${code}`));
  }

  private focusFirstInvalid(): void {
    // Material marks invalid controls once touched; the first in document order gets the focus.
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('[formcontrolname].ng-invalid')?.focus());
  }

  private restoreDraft(): void {
    const draft = readHistoryDraft();
    if (!isIntakeDraft(draft, this.form)) return;
    this.form.patchValue(draft);
    this.form.markAsDirty();
    this.restored.set(true);
  }

  /** Keeps the draft in this page's history entry, a moment after typing stops and when the page goes away. */
  private keepDraft(): void {
    const write = () => {
      if (!this.saved && this.form.dirty) writeHistoryDraft(this.form.getRawValue());
    };
    this.form.valueChanges.pipe(debounceTime(250), takeUntilDestroyed()).subscribe(write);
    window.addEventListener('pagehide', write);
    this.destroyRef.onDestroy(() => window.removeEventListener('pagehide', write));
  }

  /** A date that others are compared with changed: compare them again. */
  private recheckDependents(): void {
    for (const [field, dependents] of Object.entries(DEPENDENT_FIELDS)) {
      (this.c as Record<string, AbstractControl>)[field]?.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
        for (const dependent of dependents) this.c[dependent].updateValueAndValidity({ emitEvent: false });
      });
    }
  }

  private watchDuplicates(): void {
    merge(...DUPLICATE_FIELDS.map((field) => this.c[field].valueChanges))
      .pipe(
        startWith(null),
        map(() => toDuplicateCheck(this.form.getRawValue())),
        debounceTime(400),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap((check) => this.checking.set(check !== null)),
        switchMap((check) => (check ? this.api.duplicateCheck(check).pipe(catchError(() => of(null))) : of(null))),
        takeUntilDestroyed(),
      )
      .subscribe((found) => {
        this.checking.set(false);
        this.duplicates.set(found);
      });
  }

  /** Who signed in (self is the default responsible manager) and, for team leads, the team's managers. */
  private loadPeople(): void {
    this.auth
      .me()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: ({ me }) => {
          this.me.set(me);
          if (!this.c.responsibleManagerId.value) this.c.responsibleManagerId.setValue(me.id);
        },
        error: () => undefined,
      });
    this.loadTeamManagers();
  }

  /** Team leads: the team's managers with their open caseloads and limits. */
  private loadTeamManagers(): void {
    if (!this.currentUser.can('client:reassign')) return;
    this.reassignment
      .teamManagers()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: ({ items }) => this.teamManagers.set(items), error: () => undefined });
  }
}
