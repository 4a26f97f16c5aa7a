import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { CaseloadNotice, ResponsibleOption } from './caseload-options';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

/**
 * Under "Verantwortlich": says that the chosen person's caseload is full (or
 * above the recommended size) and, when full, offers the colleagues below
 * their maximum to pick instead.
 */
@Component({
  selector: 'ww-caseload-notice',
  imports: [MatButton, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <div class="notice" [class.notice--full]="notice().state === 'full'" *transloco="let t; prefix: 'intake.caseload'" [attr.role]="notice().state === 'full' ? 'alert' : 'status'">
      <p class="notice__text"><ww-user-text [text]="t(notice().state, { name: (notice().name | isolate), limit: notice().limit })" /></p>
      @if (notice().state === 'full') {
        @if (colleagues().length) {
          <p class="notice__text" id="caseload-offer">{{ t('offer') }}</p>
          <ul class="notice__list" aria-labelledby="caseload-offer">
            @for (colleague of colleagues(); track colleague.id) {
              <li>
                <button mat-stroked-button type="button" (click)="choose.emit(colleague.id)">
                  <ww-user-text [text]="t('choose', { name: (colleague.firstName + ' ' + colleague.lastName | isolate) })" />
                  ({{ t('openClients', { count: colleague.openClients ?? 0 }) }}{{ colleague.caseloadMaximum ? ', ' + t('maximum', { limit: colleague.caseloadMaximum }) : '' }})
                </button>
              </li>
            }
          </ul>
        } @else {
          <p class="notice__text">{{ t('noColleague') }}</p>
        }
      }
    </div>
  `,
  styles: `
    .notice { padding: 0.75rem 1rem; border-radius: 8px; border: 1px solid var(--mat-sys-outline); background: var(--mat-sys-surface-container); }
    .notice--full { border-color: var(--mat-sys-error); }
    .notice__text { margin: 0 0 0.5rem; }
    .notice--full .notice__text:first-child { font-weight: 500; }
    .notice__list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .notice__list button { white-space: normal; height: auto; min-height: 40px; text-align: start; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseloadNoticeView {
  readonly notice = input.required<CaseloadNotice>();
  readonly colleagues = input<ResponsibleOption[]>([]);
  readonly choose = output<string>();
}
