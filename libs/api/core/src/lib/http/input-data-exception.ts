/**
 * PostgreSQL data exceptions (class 22) that a value taken from the request
 * causes, which validation let through: a NUL character or broken encoding
 * (22021, 22P05), a number outside the column's range (22003), a malformed
 * literal (22P02) or date/time (22007, 22008). The statement failed, so
 * nothing was stored: the caller gets a 400, not a 500.
 */
const INPUT_DATA_EXCEPTIONS = new Set([
  '22021',
  '22P05',
  '22003',
  '22P02',
  '22007',
  '22008',
]);

/** A database error (TypeORM's QueryFailedError or pg's DatabaseError: both carry `code` and `severity`) caused by a request value. */
export function isInputDataException(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  const { code, severity } = exception as {
    code?: unknown;
    severity?: unknown;
  };
  return (
    typeof code === 'string' &&
    typeof severity === 'string' &&
    INPUT_DATA_EXCEPTIONS.has(code)
  );
}
