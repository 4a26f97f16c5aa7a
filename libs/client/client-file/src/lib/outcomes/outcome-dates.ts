import { AbstractControl, ValidationErrors } from '@angular/forms';
import { localDate } from '../conversation-form/conversation-defaults';

/** Today as `YYYY-MM-DD` (the `max` of date pickers for things that happened). */
export function todayDate(now: Date = new Date()): string {
  return localDate(now);
}

/** Something that happened (reached, started, ended, rated, certified) cannot lie after today: `inFuture`, as the API says. */
export function notAfterToday(control: AbstractControl<string | null>): ValidationErrors | null {
  return control.value && control.value > todayDate() ? { inFuture: true } : null;
}
