import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { PlanApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { GoalResponse } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../../client-file-store';
import { focusReturn } from '../../edit/focus-return';
import { GoalEditForm } from '../goal-edit-form/goal-edit-form';
import { GoalSteps } from '../goal-steps/goal-steps';
import { GoalStateAction, goalStateActions } from '../plan-forms';

/**
 * One goal of the plan: target, level, due date and state; with edit rights
 * one-click state changes, "Ziel bearbeiten" (inline form) and its steps.
 */
@Component({
  selector: 'ww-goal-card',
  imports: [DatePipe, MatButton, TranslocoDirective, GoalEditForm, GoalSteps],
  templateUrl: './goal-card.html',
  styleUrls: ['../../tabs/tab.scss', './goal-card.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalCard {
  private readonly api = inject(PlanApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly store = inject(ClientFileStore);
  protected readonly locale = activeLocale(this.transloco);

  readonly goal = input.required<GoalResponse>();

  protected readonly actions = computed(() => goalStateActions(this.goal().state));
  protected readonly editing = signal(false);
  protected readonly changingState = signal(false);
  private readonly focusOn = focusReturn();

  /** The edit form closed (saved or cancelled): the focus goes back to this goal's "Ziel bearbeiten". */
  protected closeEdit(): void {
    this.editing.set(false);
    this.focusOn(`goal-${this.goal().id}-edit`);
  }

  /** One click: the new state (recorded as changed today); failures are shown by the global interceptor. */
  protected changeState(action: GoalStateAction): void {
    const clientId = this.store.file()?.client.id;
    if (this.changingState() || !clientId) return;
    const goal = this.goal();
    this.changingState.set(true);
    this.api.updateGoal(clientId, goal.id, { version: goal.version, state: action.state }, { handlesErrorsLocally: false }).subscribe({
      next: () => {
        this.changingState.set(false);
        const state = this.transloco.translate(`clientFile.vocab.goalState.${action.state}`);
        this.snackBar.open(this.transloco.translate('clientFile.planEditor.stateChanged', { state }), undefined, { duration: 4000 });
        this.store.reload();
      },
      error: () => {
        this.changingState.set(false);
        this.store.reload();
      },
    });
  }
}
