import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { RemindersApi } from './reminders-api';

/**
 * The unread count shared by the top bar's bell and the reminders page:
 * the page refreshes it after marking one read, so the badge follows at once.
 */
@Injectable({ providedIn: 'root' })
export class UnreadReminders {
  private readonly api = inject(RemindersApi);
  private readonly value = signal<number | null>(null);

  /** Null until the first answer. */
  readonly count = this.value.asReadonly();

  async refresh(): Promise<void> {
    try {
      this.value.set((await firstValueFrom(this.api.count())).unread);
    } catch {
      // Keep the last value; the next poll tries again.
    }
  }
}
