import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { DisplayNamePipe } from '../display-name.pipe';
import { FileTab } from './file-tab';

/** Überblick: personal data, contact, support and the state of the plan at a glance. */
@Component({
  selector: 'ww-overview-tab',
  imports: [DatePipe, TranslocoDirective, DisplayNamePipe],
  templateUrl: './overview-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewTab extends FileTab {
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
