import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { RemindersApi, TodayApi, UnreadReminders, saveDownload } from '@wegweiser/client/data-access';
import { activeLocale, latinName } from '@wegweiser/client/ui';
import { ReminderResponse, TodayAppointment, TodayResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { appointmentDate, appointmentDay, appointmentTime, civilDate } from '../berlin-time';

type LoadState = 'loading' | 'loaded' | 'failed';

/** How many unread reminders the page lists (all of them: "Alle Erinnerungen"). */
export const TODAY_REMINDER_LINES = 5;

interface AppointmentLine {
  appointment: TodayAppointment;
  name: string;
  day: string;
  time: string;
}

/**
 * "Heute", the manager's start page: appointments today and in the next 7
 * days (each as an .ics file for the office calendar), agreed steps due or
 * overdue, unread reminders and clients without contact for N weeks; every
 * line links into the client file.
 */
@Component({
  selector: 'ww-today-page',
  imports: [NgTemplateOutlet, RouterLink, MatButton, MatProgressBar, TranslocoDirective],
  templateUrl: './today-page.html',
  styleUrl: './today-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TodayPage {
  private readonly api = inject(TodayApi);
  private readonly reminderApi = inject(RemindersApi);
  private readonly unread = inject(UnreadReminders);
  private readonly transloco = inject(TranslocoService);

  protected readonly locale = activeLocale(this.transloco);
  protected readonly state = signal<LoadState>('loading');
  protected readonly data = signal<TodayResponse | null>(null);
  protected readonly reminders = signal<ReminderResponse[]>([]);
  protected readonly unreadTotal = signal(0);
  /** The conversation whose calendar file failed to download (the message shows next to its button). */
  protected readonly icsFailed = signal<string | null>(null);
  protected readonly name = latinName;

  protected readonly appointments = computed(() => {
    const data = this.data();
    const locale = this.locale();
    if (!data) return { today: [], later: [] };
    const lines: AppointmentLine[] = data.appointments.items.map((appointment) => ({
      appointment,
      name: latinName(appointment),
      day: appointmentDay(appointment.appointmentAt, locale),
      time: appointmentTime(appointment.appointmentAt, locale),
    }));
    return {
      today: lines.filter((line) => appointmentDate(line.appointment.appointmentAt) === data.today),
      later: lines.filter((line) => appointmentDate(line.appointment.appointmentAt) !== data.today),
    };
  });

  constructor() {
    void this.load();
  }

  protected date(isoDate: string): string {
    return civilDate(isoDate, this.locale());
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      const [today, reminders] = await Promise.all([
        firstValueFrom(this.api.today()),
        firstValueFrom(this.reminderApi.list({ unread: true, limit: TODAY_REMINDER_LINES, offset: 0 })),
      ]);
      this.data.set(today);
      this.reminders.set(reminders.items);
      this.unreadTotal.set(reminders.total);
      this.state.set('loaded');
      // The bell shows the same number as this page.
      void this.unread.refresh();
    } catch {
      this.state.set('failed');
    }
  }

  protected async downloadIcs(appointment: TodayAppointment): Promise<void> {
    this.icsFailed.set(null);
    try {
      saveDownload(await firstValueFrom(this.api.appointmentIcs(appointment.conversationId)), 'wegweiser-termin.ics');
    } catch {
      this.icsFailed.set(appointment.conversationId);
    }
  }
}
