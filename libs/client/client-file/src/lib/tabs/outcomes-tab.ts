import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, WritableSignal, afterNextRender, computed, inject, signal, viewChild, viewChildren } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { ClientFileStore } from '../client-file-store';
import { OutcomeEnd } from '../outcomes/outcome-end';
import { OutcomeForm } from '../outcomes/outcome-form';
import { RatingChart } from '../outcomes/rating-chart';
import { RatingForm } from '../outcomes/rating-form';
import { FileTab } from './file-tab';

/**
 * Ergebnisse: outcomes (B1, employment, apprenticeship, studies) and the soft
 * ratings over time (chart + table). The responsible manager records outcomes,
 * their end and ratings here; for everyone else the tab is read-only.
 */
@Component({
  selector: 'ww-outcomes-tab',
  imports: [DatePipe, MatButton, TranslocoDirective, OutcomeEnd, OutcomeForm, RatingChart, RatingForm],
  templateUrl: './outcomes-tab.html',
  styleUrls: ['./tab.scss', './outcomes-tab.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomesTab extends FileTab {
  protected readonly canEdit = inject(ClientFileStore).canEdit;
  protected readonly outcomes = computed(() =>
    [...(this.file()?.outcomes ?? [])].sort((a, b) => b.achievedOn.localeCompare(a.achievedOn)),
  );
  protected readonly ratings = computed(() => [...(this.file()?.ratings ?? [])].sort((a, b) => b.ratedOn.localeCompare(a.ratedOn)));

  protected readonly outcomeFormOpen = signal(false);
  protected readonly ratingFormOpen = signal(false);

  private readonly outcomeForm = viewChild(OutcomeForm);
  private readonly ratingForm = viewChild(RatingForm);
  private readonly endForms = viewChildren(OutcomeEnd);
  private readonly addOutcome = viewChild('addOutcome', { read: ElementRef });
  private readonly addRating = viewChild('addRating', { read: ElementRef });
  private readonly injector = inject(Injector);

  /** Closes a form and puts the focus back on the button that opened it. */
  protected close(open: WritableSignal<boolean>, button: 'addOutcome' | 'addRating'): void {
    open.set(false);
    afterNextRender(() => this[button]()?.nativeElement.focus(), { injector: this.injector });
  }

  /** True while a form holds input that was not saved (asked before leaving the tab). */
  hasUnsavedChanges(): boolean {
    return Boolean(
      this.outcomeForm()?.hasUnsavedChanges() || this.ratingForm()?.hasUnsavedChanges() || this.endForms().some((form) => form.hasUnsavedChanges()),
    );
  }
}
