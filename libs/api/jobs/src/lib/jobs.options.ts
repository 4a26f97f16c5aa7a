/** Injection token of the module's options. */
export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

export interface JobsOptions {
  /**
   * Connection of the owning role: pg-boss creates and migrates its schema
   * (`pgboss`) with it; the application role has no access to that schema.
   * Maintenance jobs that must see every municipality (e.g. retention) use it too.
   */
  ownerUrl: string;
}

/** pg-boss' own schema, created and migrated by pg-boss as the owning role. */
export const PG_BOSS_SCHEMA = 'pgboss';

/** `application_name` of pg-boss' connections (shutdown tests look for it). */
export const JOBS_APPLICATION_NAME = 'wegweiser-jobs';
