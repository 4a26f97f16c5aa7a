import { authErrorCode } from '@wegweiser/client/data-access';
import { errorMessageKey } from '../core/http/error-message-key';

/** Translation key for a failed sign-in step: `errors.invalidCredentials`, `errors.tooManyRequests`, ... */
export function authErrorKey(error: unknown): string {
  const code = authErrorCode(error);
  return code ? `errors.${code}` : errorMessageKey(error);
}
