import { QueryFailedError } from 'typeorm';

/** Names of the unique constraints this feature reports as 409 (see the migrations). */
export const UNIQUE_CONSTRAINTS = {
  userEmail: 'app_user_email_unique',
  teamName: 'team_municipality_id_name_key',
  municipalityCode: 'municipality_code_key',
} as const;

/**
 * True if `error` is PostgreSQL's unique violation (23505) of `constraint`,
 * raised through TypeORM (`QueryFailedError`) or directly by `pg`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause: unknown = error instanceof QueryFailedError ? error.driverError : error;
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, constraint: violated } = cause as { code?: unknown; constraint?: unknown };
  return code === '23505' && violated === constraint;
}
