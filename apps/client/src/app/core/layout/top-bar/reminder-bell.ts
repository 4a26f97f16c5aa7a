import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { UnreadReminders } from '@wegweiser/client/data-access';
import { filter } from 'rxjs';

/** How often the badge asks for the unread count (also after every navigation). */
export const REMINDER_POLL_MS = 3 * 60_000;

/**
 * The bell in the top bar: links to the reminders, with the unread count as
 * a badge and in its accessible name ("Erinnerungen, 3 ungelesen"). Shown by
 * the session navigation to roles with `reminder:read` only.
 */
@Component({
  selector: 'ww-reminder-bell',
  imports: [MatIconButton, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'reminderBell'">
      <a
        mat-icon-button
        class="reminder-bell"
        routerLink="/erinnerungen"
        [attr.aria-label]="unread.count() ? t('label', { count: unread.count() }) : t('labelNone')"
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
          <path
            fill="currentColor"
            d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6V11c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2Z"
          />
        </svg>
        @if (unread.count(); as count) {
          <span class="reminder-bell__badge" aria-hidden="true">{{ count > 99 ? '99+' : count }}</span>
        }
      </a>
    </ng-container>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .reminder-bell {
      position: relative;
    }
    .reminder-bell__badge {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      line-height: 18px;
      text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderBell implements OnInit {
  protected readonly unread = inject(UnreadReminders);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  ngOnInit(): void {
    void this.unread.refresh();
    const timer = setInterval(() => void this.unread.refresh(), REMINDER_POLL_MS);
    this.destroyRef.onDestroy(() => clearInterval(timer));
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => void this.unread.refresh());
  }
}
