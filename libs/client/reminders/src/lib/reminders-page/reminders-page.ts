import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { RemindersApi, UnreadReminders } from '@wegweiser/client/data-access';
import { activeLocale, latinName } from '@wegweiser/client/ui';
import { REMINDER_PAGE, ReminderResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { ReminderText, reminderText } from '../reminder-text';

interface ReminderLine {
  reminder: ReminderResponse;
  name: string;
  text: ReminderText;
}

type LoadState = 'loading' | 'loaded' | 'failed';

/**
 * "Erinnerungen": newest first, unread only by default; each line says what
 * is due, links to the client file and can be marked read (the bell's badge
 * follows at once). "Weitere laden" appends the next page.
 */
@Component({
  selector: 'ww-reminders-page',
  imports: [DatePipe, RouterLink, MatButton, MatCheckbox, MatProgressBar, TranslocoDirective],
  templateUrl: './reminders-page.html',
  styleUrl: './reminders-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RemindersPage {
  private readonly api = inject(RemindersApi);
  private readonly unread = inject(UnreadReminders);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly locale = activeLocale(this.transloco);
  protected readonly unreadOnly = signal(true);
  protected readonly state = signal<LoadState>('loading');
  protected readonly loadingMore = signal(false);
  protected readonly total = signal(0);
  private readonly reminders = signal<ReminderResponse[]>([]);
  protected readonly lines = computed<ReminderLine[]>(() => this.reminders().map((reminder) => ({ reminder, name: latinName(reminder), text: reminderText(reminder) })));
  protected readonly hasMore = computed(() => this.reminders().length < this.total());
  /** Ids being marked read (their button is disabled meanwhile). */
  protected readonly marking = signal<ReadonlySet<string>>(new Set());

  constructor() {
    void this.load();
  }

  protected setUnreadOnly(value: boolean): void {
    this.unreadOnly.set(value);
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      const page = await firstValueFrom(this.api.list({ unread: this.unreadOnly(), limit: REMINDER_PAGE.defaultLimit, offset: 0 }));
      this.reminders.set(page.items);
      this.total.set(page.total);
      this.state.set('loaded');
    } catch {
      this.state.set('failed');
    }
  }

  protected async loadMore(): Promise<void> {
    this.loadingMore.set(true);
    try {
      const page = await firstValueFrom(this.api.list({ unread: this.unreadOnly(), limit: REMINDER_PAGE.defaultLimit, offset: this.reminders().length }));
      const known = new Set(this.reminders().map((r) => r.id));
      this.reminders.update((list) => [...list, ...page.items.filter((r) => !known.has(r.id))]);
      this.total.set(page.total);
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async markRead(reminder: ReminderResponse): Promise<void> {
    this.marking.update((ids) => new Set([...ids, reminder.id]));
    try {
      await firstValueFrom(this.api.markRead(reminder.id));
      if (this.unreadOnly()) {
        this.reminders.update((list) => list.filter((r) => r.id !== reminder.id));
        this.total.update((n) => Math.max(0, n - 1));
      } else {
        const readAt = new Date().toISOString();
        this.reminders.update((list) => list.map((r) => (r.id === reminder.id ? { ...r, readAt } : r)));
      }
      this.snackBar.open(this.transloco.translate('reminders.markedRead'), undefined, { duration: 4000 });
      void this.unread.refresh();
    } catch {
      // The global error interceptor has said why.
    } finally {
      this.marking.update((ids) => new Set([...ids].filter((id) => id !== reminder.id)));
    }
  }
}
