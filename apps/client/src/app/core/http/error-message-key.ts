import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorCode, isApiErrorResponse } from '@wegweiser/client/data-access';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';

/**
 * Translation key for a failed request: `errors.<code>`, or a generic
 * fallback. A validation failure because of forbidden characters says so
 * (`errors.forbiddenCharacters`): the user cannot see what to fix otherwise.
 */
export function errorMessageKey(error: unknown): string {
  const code = apiErrorCode(error);
  if (code === ERROR_CODES.validationFailed && hasFieldError(error, VALIDATION_CODES.forbiddenCharacters)) {
    return `errors.${VALIDATION_CODES.forbiddenCharacters}`;
  }
  if (code) {
    return `errors.${code}`;
  }
  if (error instanceof HttpErrorResponse && error.status === 0) {
    return 'errors.network';
  }
  return 'errors.unknown';
}

function hasFieldError(error: unknown, fieldCode: string): boolean {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorResponse(error.error)) return false;
  return Object.values(error.error.errors ?? {}).includes(fieldCode);
}
