import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorCode, refusedForbiddenCharacters } from '@wegweiser/client/data-access';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';

/**
 * Translation key for a failed request: `errors.<code>`, or a generic
 * fallback. A validation failure because of forbidden characters says so
 * (`errors.forbiddenCharacters`): the user cannot see what to fix otherwise.
 */
export function errorMessageKey(error: unknown): string {
  const code = apiErrorCode(error);
  if (code === ERROR_CODES.validationFailed && refusedForbiddenCharacters(error)) {
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
