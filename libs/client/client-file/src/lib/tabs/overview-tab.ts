import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { ClientFileStore } from '../client-file-store';
import { DisplayNamePipe } from '../display-name.pipe';
import { focusReturn } from '../edit/focus-return';
import { PersonalDataForm } from '../edit/personal-data-form';
import { FileTab } from './file-tab';

/** Überblick: personal data, contact, support and the state of the plan at a glance. */
@Component({
  selector: 'ww-overview-tab',
  imports: [DatePipe, MatButton, TranslocoDirective, DisplayNamePipe, PersonalDataForm],
  templateUrl: './overview-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewTab extends FileTab {
  protected readonly canEdit = inject(ClientFileStore).canEdit;
  /** The personal data are edited in place. */
  protected readonly editingPersonal = signal(false);
  private readonly focusOn = focusReturn();

  protected closePersonal(): void {
    this.editingPersonal.set(false);
    this.focusOn('edit-personal');
  }

  protected readonly goals = computed(() => {
    const goals = this.file()?.plan.goals ?? [];
    return {
      open: goals.filter((goal) => goal.state === 'open' || goal.state === 'in_progress').length,
      achieved: goals.filter((goal) => goal.state === 'achieved').length,
    };
  });
  protected readonly lastConversation = computed(() =>
    [...(this.file()?.conversations ?? [])].sort((a, b) => b.heldAt.localeCompare(a.heldAt)).at(0) ?? null,
  );
  protected readonly nextAppointment = computed(() => {
    const now = new Date().toISOString();
    return (
      (this.file()?.conversations ?? [])
        .map((conversation) => conversation.nextAppointmentAt)
        .filter((at): at is string => at !== null && at >= now)
        .sort()
        .at(0) ?? null
    );
  });
}
