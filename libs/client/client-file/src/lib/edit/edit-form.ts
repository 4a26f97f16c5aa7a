import { Directive, ElementRef, afterNextRender, inject, output, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import { ConflictField, openConflictDialog } from '@wegweiser/client/ui';
import { Observable } from 'rxjs';
import { ClientFileStore } from '../client-file-store';
import { saveProblem } from '../outcomes/outcome-problem';

/** One field the user may have typed differently from what someone else saved: its label and both values for display. */
export interface EditedField {
  label: string;
  mine: string;
  theirs: string;
}

/** The fields where the two displays differ (what the conflict dialog compares). */
export function differingFields(fields: EditedField[]): ConflictField[] {
  return fields.filter((field) => field.mine !== field.theirs);
}

/**
 * An inline form of the client file that saves one versioned record: focus moves into it when it opens; a 409
 * `staleVersion` reads the record as saved now and opens the conflict dialog ("keep mine" saves over the current
 * version, "take theirs" fills the form, closing it keeps the typing); a 400 shows the field errors at the fields.
 * After saving the file reloads and `saved` tells the host where to put the focus back.
 *
 * `R` is the record as the API returns it.
 */
@Directive()
export abstract class EditForm<R extends { version: number }> {
  protected readonly dialog = inject(MatDialog);
  protected readonly snackBar = inject(MatSnackBar);
  protected readonly transloco = inject(TranslocoService);
  protected readonly store = inject(ClientFileStore);

  /** Saved (true) or cancelled (false); the host closes the form and focuses what changed. */
  readonly closed = output<boolean>();

  protected readonly saving = signal(false);
  /** A translation key of a failure not shown at a field. */
  protected readonly problem = signal<string | null>(null);
  /** The version the form's values are based on. */
  protected version = 0;

  abstract readonly form: FormGroup;

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => host.querySelector<HTMLElement>('input, textarea, mat-select')?.focus());
  }

  protected clientId(): string {
    return this.store.file()?.client.id ?? '';
  }

  /** The request with this version. */
  protected abstract send(version: number): Observable<unknown>;
  /** The record as saved now (after a conflict). */
  protected abstract current(): Observable<R>;
  /** Puts a record into the form. */
  protected abstract fill(record: R): void;
  /** The user's input and the record side by side, per field (display text). */
  protected abstract compare(record: R): EditedField[];
  /** The snackbar text after saving (a key of the `clientFile` scope). */
  protected abstract readonly savedKey: string;

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submit(this.version);
  }

  protected cancel(): void {
    this.form.markAsPristine();
    this.closed.emit(false);
  }

  protected saveOnShortcut(event: Event): void {
    event.preventDefault();
    this.save();
  }

  private submit(version: number): void {
    this.saving.set(true);
    this.problem.set(null);
    this.send(version).subscribe({
      next: () => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.snackBar.open(this.transloco.translate(`clientFile.${this.savedKey}`), undefined, { duration: 4000 });
        this.store.reload();
        this.closed.emit(true);
      },
      error: (error: unknown) => {
        const problem = saveProblem(error);
        if (problem.stale) {
          this.resolveConflict();
          return;
        }
        this.saving.set(false);
        let unshown = Object.keys(problem.fields).length === 0;
        for (const [field, code] of Object.entries(problem.fields)) {
          const control = this.form.get(field);
          if (!control) unshown = true;
          control?.setErrors({ [code]: true });
          control?.markAsTouched();
        }
        if (unshown) this.problem.set(problem.messageKey);
      },
    });
  }

  /** Someone else saved meanwhile: compare, then keep mine or take theirs; nothing typed is lost unless taken over. */
  private resolveConflict(): void {
    this.current().subscribe({
      next: (theirs) => {
        const fields = differingFields(this.compare(theirs));
        if (fields.length === 0) {
          this.submit(theirs.version);
          return;
        }
        this.saving.set(false);
        openConflictDialog(this.dialog, fields).subscribe((choice) => {
          if (choice === 'keepMine') this.submit(theirs.version);
          else if (choice === 'takeTheirs') this.fill(theirs);
          else this.problem.set('clientFile.edit.conflictOpen');
        });
      },
      error: () => {
        this.saving.set(false);
        this.problem.set('errors.unknown');
      },
    });
  }
}

/** The text key of a control's first error (`edit.errors.<key>`): required, too long, forbidden characters, or anything else as "please check". */
export function editErrorKey(errors: Record<string, unknown> | null): string | null {
  if (!errors) return null;
  if (errors['required']) return 'required';
  if (errors['maxlength']) return 'maxlength';
  if (errors['min'] || errors['max']) return 'range';
  if (errors['forbiddenCharacters']) return 'forbiddenCharacters';
  if (errors['inFuture']) return 'inFuture';
  return 'invalid';
}

/** A control's value as trimmed text (number inputs give numbers, cleared ones null). */
export function asText(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** Empty text is "not given" (null) for the API. */
export function orNull(value: string | number | null | undefined): string | null {
  const text = asText(value);
  return text === '' ? null : text;
}
