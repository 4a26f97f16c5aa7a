import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { FIELDS_OF_ACTION, GoalResponse } from '@wegweiser/shared/contracts';
import { FileTab } from './file-tab';

/** Integrationsplan (read-only): goals grouped by field of action, with steps; referrals. */
@Component({
  selector: 'ww-plan-tab',
  imports: [DatePipe, TranslocoDirective],
  templateUrl: './plan-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanTab extends FileTab {
  protected readonly groups = computed(() => {
    const goals: GoalResponse[] = this.file()?.plan.goals ?? [];
    return FIELDS_OF_ACTION.map((field) => ({
      field,
      goals: goals.filter((goal) => goal.fieldOfAction === field).sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    })).filter((group) => group.goals.length > 0);
  });
}
