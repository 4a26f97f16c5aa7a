import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { HasUnsavedChanges } from '@wegweiser/client/ui';
import { FIELDS_OF_ACTION, GoalResponse } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { GoalCard } from '../plan/goal-card/goal-card';
import { GoalCreateForm } from '../plan/goal-create-form/goal-create-form';
import { PlanAgreement } from '../plan/plan-agreement/plan-agreement';
import { UnsavedPlanForms } from '../plan/plan-forms';
import { PlanReferrals } from '../plan/referrals/plan-referrals';
import { FileTab } from './file-tab';

/**
 * Integrationsplan: goals grouped by field of action, each with its steps;
 * the agreement with the client; referrals. The responsible manager edits it
 * here (write actions only when the file may be changed).
 */
@Component({
  selector: 'ww-plan-tab',
  imports: [MatButton, TranslocoDirective, GoalCard, GoalCreateForm, PlanAgreement, PlanReferrals],
  providers: [UnsavedPlanForms],
  templateUrl: './plan-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanTab extends FileTab implements HasUnsavedChanges {
  private readonly unsaved = inject(UnsavedPlanForms);
  protected readonly canEdit = inject(ClientFileStore).canEdit;
  protected readonly adding = signal(false);

  protected readonly groups = computed(() => {
    const goals: GoalResponse[] = this.file()?.plan.goals ?? [];
    return FIELDS_OF_ACTION.map((field) => ({
      field,
      goals: goals.filter((goal) => goal.fieldOfAction === field).sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    })).filter((group) => group.goals.length > 0);
  });

  /** True while one of the plan's forms has input that was not saved. */
  hasUnsavedChanges(): boolean {
    return this.unsaved.any();
  }
}
