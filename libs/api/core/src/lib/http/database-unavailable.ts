import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** Socket-level codes of Node (`connect ECONNREFUSED …`, a reset mid-query, DNS of the database host). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs meaning "the server cannot serve now": class 08 (connection
 * exception), 57P01 admin_shutdown (`pg_ctl stop -m fast`), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up / shutting down),
 * 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Messages of `pg` / `pg-pool` errors that carry no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect$/, // pool: connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];

/**
 * True if `error` means "PostgreSQL is not reachable right now" (server down,
 * restarting, connection lost or refused, pool timeout) rather than a fault
 * of the request or the code. Looks through TypeORM's `QueryFailedError`,
 * `cause` chains and `AggregateError` (Node's happy-eyeballs connect).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === 'string' && error instanceof Error && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // TypeORM releases a query runner whose connection broke mid-transaction; the request's next query then fails so
  // (through the runner, or through an entity manager bound to it).
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const nested: unknown[] = [];
  if (error instanceof QueryFailedError) nested.push(error.driverError);
  if (error instanceof Error && 'cause' in error) nested.push(error.cause);
  if (error instanceof AggregateError) nested.push(...error.errors);
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
