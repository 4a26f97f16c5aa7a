import { Injectable, signal } from '@angular/core';

/** Minutes of a conversation until one was saved in this browser session. */
export const DEFAULT_DURATION_MINUTES = 45;

/**
 * What the conversation form remembers while the app runs (memory only, never
 * stored in the browser): the duration of the last saved conversation.
 */
@Injectable({ providedIn: 'root' })
export class ConversationDefaults {
  readonly lastDurationMinutes = signal(DEFAULT_DURATION_MINUTES);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of a local date (the value of `<input type="date">`). */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `HH:mm` of a local time, rounded down to `stepMinutes` (never in the future). */
export function localTimeRounded(date: Date, stepMinutes = 5): string {
  return `${pad(date.getHours())}:${pad(Math.floor(date.getMinutes() / stepMinutes) * stepMinutes)}`;
}

/** `HH:mm` of a local time (the value of `<input type="time">`). */
export function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** ISO 8601 (UTC) of a local date and time as entered, e.g. `2026-03-02` + `09:30`. */
export function toIsoDateTime(date: string, time: string): string {
  return new Date(`${date}T${time}`).toISOString();
}
