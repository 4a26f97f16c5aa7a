import { HttpContextToken, HttpErrorResponse } from '@angular/common/http';
import { ApiErrorResponse, ERROR_CODES, ErrorCode, VALIDATION_CODES } from '@wegweiser/shared/contracts';

/**
 * Set on a request whose caller shows failures itself (e.g. a status card),
 * so the global HTTP error interceptor does not show a second message.
 */
export const HANDLES_ERRORS_LOCALLY = new HttpContextToken<boolean>(() => false);

const knownCodes: ReadonlySet<string> = new Set(Object.values(ERROR_CODES));

export function isErrorCode(code: string): code is ErrorCode {
  return knownCodes.has(code);
}

/** Whether a response body has the API's one error shape. */
export function isApiErrorResponse(body: unknown): body is ApiErrorResponse {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const candidate = body as Partial<Record<keyof ApiErrorResponse, unknown>>;
  return (
    typeof candidate.statusCode === 'number' &&
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string'
  );
}

/** The stable error code of a failed API call, if the API sent a known one. */
export function apiErrorCode(error: unknown): ErrorCode | undefined {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorResponse(error.error)) {
    return undefined;
  }
  return isErrorCode(error.error.code) ? error.error.code : undefined;
}

/** Whether a failed call was refused because a field holds invisible or control characters (field code `forbiddenCharacters`). */
export function refusedForbiddenCharacters(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorResponse(error.error)) return false;
  return Object.values(error.error.errors ?? {}).includes(VALIDATION_CODES.forbiddenCharacters);
}
