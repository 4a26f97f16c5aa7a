import { HttpErrorResponse } from '@angular/common/http';
import { AUTH_ERROR_CODES } from '@wegweiser/shared/contracts';
import { isApiErrorResponse } from '../http/api-error';

export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[keyof typeof AUTH_ERROR_CODES];

const authCodes: ReadonlySet<string> = new Set(Object.values(AUTH_ERROR_CODES));

/** The auth-specific error code of a failed sign-in step (e.g. `invalidCredentials`), if any. */
export function authErrorCode(error: unknown): AuthErrorCode | undefined {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorResponse(error.error)) {
    return undefined;
  }
  const code = error.error.code;
  return authCodes.has(code) ? (code as AuthErrorCode) : undefined;
}
