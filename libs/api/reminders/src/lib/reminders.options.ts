/** Injection token of the module's options. */
export const REMINDERS_OPTIONS = Symbol('REMINDERS_OPTIONS');

export interface RemindersOptions {
  /**
   * Connection of the owning role: pg-boss creates and migrates its schema
   * (`pgboss`) with it, and the generator lists the municipalities. Reminders
   * themselves are written as the application role, under row-level security.
   */
  ownerUrl: string;
}
