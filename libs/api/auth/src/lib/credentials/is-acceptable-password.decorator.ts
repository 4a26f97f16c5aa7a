import { MESSAGE_IS_CODE } from '@wegweiser/api/core';
import { VALIDATION_CODES } from '@wegweiser/shared/contracts';
import { registerDecorator, ValidationArguments, ValidationOptions, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { PasswordContext, PasswordPolicy, PasswordProblem } from './password-policy';

/** The constraint's name; the client never sees it — it receives the specific `PasswordProblem`. */
export const ACCEPTABLE_PASSWORD_CONSTRAINT = 'acceptablePassword';

/** Picks the account's personal data from the validated object (e.g. its `email`). */
export type PersonalDataOf<T extends object> = (dto: T) => PasswordContext;

/**
 * Runs `PasswordPolicy` in class-validator. The message is the specific code
 * (`passwordTooShort`, `passwordTooCommon`, ...; `invalid` for a non-string), and
 * the constraint is marked `MESSAGE_IS_CODE`, so the global ValidationPipe
 * answers `{ errors: { password: 'passwordTooCommon' } }`.
 */
@ValidatorConstraint({ name: ACCEPTABLE_PASSWORD_CONSTRAINT, async: false })
export class AcceptablePasswordConstraint implements ValidatorConstraintInterface {
  // class-validator instantiates constraints itself (no Nest DI); the policy is stateless.
  private readonly policy = new PasswordPolicy();

  validate(value: unknown, args: ValidationArguments): boolean {
    return this.problem(value, args) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return this.problem(args.value, args) ?? VALIDATION_CODES.invalid;
  }

  private problem(value: unknown, args: ValidationArguments): PasswordProblem | typeof VALIDATION_CODES.invalid | null {
    if (typeof value !== 'string') return VALIDATION_CODES.invalid;
    const [personalDataOf] = args.constraints as [PersonalDataOf<object> | undefined];
    return this.policy.check(value, personalDataOf?.(args.object));
  }
}

/**
 * The password follows the policy. Pass `personalDataOf` when the same body
 * carries the account's e-mail or name (registration, reset by e-mail); when the
 * account is the signed-in user, check in the service with `PasswordPolicy`
 * instead, with the stored data as context.
 *
 * @example
 * class RegisterDto {
 *   @IsEmail() email!: string;
 *   @IsAcceptablePassword<RegisterDto>((dto) => ({ email: dto.email })) password!: string;
 * }
 */
export function IsAcceptablePassword<T extends object = object>(
  personalDataOf?: PersonalDataOf<T>,
  validationOptions: ValidationOptions = {},
): (target: object, propertyName: string) => void {
  return (target, propertyName) =>
    registerDecorator({
      name: ACCEPTABLE_PASSWORD_CONSTRAINT,
      target: target.constructor,
      propertyName,
      constraints: [personalDataOf],
      options: { ...validationOptions, context: { ...(validationOptions.context as object | undefined), ...MESSAGE_IS_CODE } },
      validator: AcceptablePasswordConstraint,
    });
}
