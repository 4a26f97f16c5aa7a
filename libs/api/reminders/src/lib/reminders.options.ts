/** Injection token of the module's options. */
export const REMINDERS_OPTIONS = Symbol('REMINDERS_OPTIONS');

export interface RemindersOptions {
  /**
   * Connection of the owning role: the generator lists the municipalities
   * with it. Reminders themselves are written as the application role, under
   * row-level security. (The daily job runs on @wegweiser/api/jobs.)
   */
  ownerUrl: string;
}
