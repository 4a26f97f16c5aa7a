import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorCode } from '@wegweiser/client/data-access';

/** Translation key for a failed request: `errors.<code>`, or a generic fallback. */
export function errorMessageKey(error: unknown): string {
  const code = apiErrorCode(error);
  if (code) {
    return `errors.${code}`;
  }
  if (error instanceof HttpErrorResponse && error.status === 0) {
    return 'errors.network';
  }
  return 'errors.unknown';
}
