/**
 * The API's calendar day is Europe/Berlin, and the browser runs in that zone too (playwright.config.ts). A spec that
 * computed "today" in UTC was a day behind between midnight in Berlin and midnight UTC.
 */
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` in Berlin, `days` days from now (negative: in the past). */
export function berlinDay(days = 0): string {
  return BERLIN_DAY.format(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
}
