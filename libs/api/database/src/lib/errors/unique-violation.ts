import { QueryFailedError } from 'typeorm';

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
