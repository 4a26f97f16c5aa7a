import { AbstractControl, ValidationErrors } from '@angular/forms';

/** The API's calendar day is Europe/Berlin's, whatever the device's time zone. */
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Germany as `YYYY-MM-DD` (the `max` of date pickers for things that happened; the API refuses later days). */
export function todayDate(now: Date = new Date()): string {
  return BERLIN_DAY.format(now);
}

/** Something that happened (reached, started, ended, rated, certified) cannot lie after today: `inFuture`, as the API says. */
export function notAfterToday(control: AbstractControl<string | null>): ValidationErrors | null {
  return control.value && control.value > todayDate() ? { inFuture: true } : null;
}
