import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES } from '@wegweiser/shared/contracts';
import { PasswordProblem } from './password-policy';

/**
 * The same 400 the ValidationPipe sends for `@IsAcceptablePassword()`, for
 * checks made in a service (e.g. a password change, where the personal data
 * comes from the stored account): `{ code: 'validationFailed', errors: { newPassword: 'passwordTooCommon' } }`.
 */
export function passwordProblemException(field: string, problem: PasswordProblem): BadRequestException {
  return new BadRequestException({ code: ERROR_CODES.validationFailed, message: `Invalid fields: ${field}`, errors: { [field]: problem } });
}
