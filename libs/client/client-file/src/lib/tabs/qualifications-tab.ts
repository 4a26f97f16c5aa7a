import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ClientEditApi } from '@wegweiser/client/data-access';
import { WorkExperienceResponse } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { DisplayNamePipe } from '../display-name.pipe';
import { focusReturn } from '../edit/focus-return';
import { LanguageForm } from '../edit/language-form';
import { QualificationsForm } from '../edit/qualifications-form';
import { WorkExperienceForm } from '../edit/work-experience-form';
import { FileTab } from './file-tab';

/** What is open for editing: the school record, one work experience or language (by id), or a new one. */
export type QualificationsEditing = { kind: 'school' } | { kind: 'work' | 'language'; id: string | null } | null;

/**
 * Qualifikationen & Sprachen: schooling, training, recognition, work experience, CEFR levels — each edited in place
 * (one inline form at a time); after saving or cancelling the focus returns to the edited item's button.
 */
@Component({
  selector: 'ww-qualifications-tab',
  imports: [DatePipe, MatButton, TranslocoDirective, DisplayNamePipe, QualificationsForm, WorkExperienceForm, LanguageForm],
  templateUrl: './qualifications-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualificationsTab extends FileTab {
  private readonly store = inject(ClientFileStore);
  private readonly api = inject(ClientEditApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly focusOn = focusReturn();

  protected readonly canEdit = this.store.canEdit;
  protected readonly editing = signal<QualificationsEditing>(null);
  protected readonly removing = signal<string | null>(null);

  protected isEditing(kind: 'school' | 'work' | 'language', id: string | null = null): boolean {
    const open = this.editing();
    if (!open || open.kind !== kind) return false;
    return open.kind === 'school' || open.id === id;
  }

  /** Closes the form and focuses the button that opened it. */
  protected close(returnTo: string): void {
    this.editing.set(null);
    this.focusOn(returnTo);
  }

  /** Deletes at once; "Rückgängig" in the snackbar adds it again (the timeline keeps both). */
  protected remove(entry: WorkExperienceResponse): void {
    const clientId = this.store.file()?.client.id;
    if (!clientId || this.removing()) return;
    this.removing.set(entry.id);
    this.api.removeWorkExperience(clientId, entry.id).subscribe({
      next: () => {
        this.removing.set(null);
        this.store.reload();
        this.focusOn('add-work');
        const t = (key: string) => this.transloco.translate(`clientFile.edit.${key}`);
        this.snackBar
          .open(t('workRemoved'), t('undo'), { duration: 10000 })
          .onAction()
          .subscribe(() =>
            this.api.addWorkExperience(clientId, { occupation: entry.occupation, years: entry.years, country: entry.country }).subscribe(() => this.store.reload()),
          );
      },
      error: () => {
        this.removing.set(null);
        this.store.reload();
      },
    });
  }
}
