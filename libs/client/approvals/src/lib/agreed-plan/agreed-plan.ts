import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { PlanReviewAgreementResponse } from '@wegweiser/shared/contracts';

/** The agreed version a plan review asks to approve, read-only and compact: goals with their agreed steps. */
@Component({
  selector: 'ww-agreed-plan',
  imports: [DatePipe, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'approvals'">
      @let a = agreement();
      @if (a) {
        <p class="agreed__meta">{{ t('plans.agreedOn', { date: (a.agreedOn | date: 'mediumDate' : undefined : locale()) }) }}</p>
        <h4 class="agreed__title" [id]="headingId()">{{ t('plans.goals') }}</h4>
        <ul class="agreed__goals" [attr.aria-labelledby]="headingId()">
          @for (goal of a.goals; track goal.id) {
            <li class="agreed__goal">
              <span class="agreed__target">
                {{ t('vocab.fieldOfAction.' + goal.fieldOfAction) }}: <span dir="auto">{{ goal.target }}</span>
              </span>
              <span class="agreed__facts">
                @if (goal.targetLevel) {
                  {{ t('plans.targetLevel', { level: goal.targetLevel }) }} ·
                }
                {{ t('plans.due', { date: (goal.dueOn | date: 'mediumDate' : undefined : locale()) }) }} · {{ t('vocab.goalState.' + goal.state) }}
              </span>
              @if (goal.steps.length) {
                <ul class="agreed__steps">
                  @for (step of goal.steps; track step.id) {
                    <li>
                      <span dir="auto">{{ step.description }}</span>
                      <span class="agreed__facts">
                        – {{ t('vocab.stepAssignee.' + step.assignee) }}
                        @if (step.doneOn) {
                          · {{ t('plans.stepDone', { date: (step.doneOn | date: 'mediumDate' : undefined : locale()) }) }}
                        } @else if (step.dueOn) {
                          · {{ t('plans.stepDue', { date: (step.dueOn | date: 'mediumDate' : undefined : locale()) }) }}
                        }
                      </span>
                    </li>
                  }
                </ul>
              }
            </li>
          } @empty {
            <li>{{ t('plans.noGoals') }}</li>
          }
        </ul>
      } @else {
        <p>{{ t('plans.noAgreement') }}</p>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .agreed__meta,
    .agreed__facts {
      color: var(--mat-sys-on-surface-variant);
    }
    .agreed__title {
      font: var(--mat-sys-title-small);
      margin: 0.5rem 0 0.25rem;
    }
    .agreed__goals {
      margin: 0;
      padding-left: 1.25rem;
    }
    .agreed__goal {
      margin-bottom: 0.375rem;
    }
    .agreed__target {
      font-weight: 500;
      margin-right: 0.5rem;
      overflow-wrap: anywhere;
    }
    .agreed__steps {
      margin: 0.125rem 0 0;
      padding-left: 1.25rem;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgreedPlan {
  readonly agreement = input.required<PlanReviewAgreementResponse | null>();
  /** Names the goals list (unique per item). */
  readonly headingId = input.required<string>();
  readonly locale = input.required<string>();
}
