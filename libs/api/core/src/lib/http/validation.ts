import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';
import { TextCheckingValidationPipe } from './text-fields';

/**
 * Context marking a constraint whose message is itself the field code
 * (`registerDecorator({ ..., options: { context: MESSAGE_IS_CODE } })`): the
 * client then receives the specific code (`passwordTooCommon`) instead of the
 * constraint's name (`acceptablePassword`).
 */
export const MESSAGE_IS_CODE = { code: true } as const;

/**
 * Flattens class-validator errors to `{ 'address.street': 'isString' }`: the
 * code is the constraint's name, or its message for constraints marked with
 * `MESSAGE_IS_CODE`.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraint = Object.keys(error.constraints ?? {})[0];
    if (constraint) {
      result[field] = constraint === 'whitelistValidation' ? VALIDATION_CODES.unknownProperty : codeOf(error, constraint);
    }
    Object.assign(result, toFieldErrors(error.children ?? [], field));
  }
  return result;
}

function codeOf(error: ValidationError, constraint: string): string {
  const context: unknown = error.contexts?.[constraint];
  const message = error.constraints?.[constraint];
  const messageIsCode = typeof context === 'object' && context !== null && (context as { code?: unknown }).code === true;
  return messageIsCode && message ? message : constraint;
}

/** The global pipe: strip nothing silently — unknown properties are refused, and so are forbidden characters (text-fields.ts). */
export function createValidationPipe(): ValidationPipe {
  return new TextCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fields = toFieldErrors(errors);
      const unknown = Object.entries(fields)
        .filter(([, code]) => code === VALIDATION_CODES.unknownProperty)
        .map(([field]) => field);
      const message = unknown.length
        ? `Unknown properties: ${unknown.join(', ')}`
        : `Invalid fields: ${Object.keys(fields).join(', ')}`;
      return new BadRequestException({ code: ERROR_CODES.validationFailed, message, errors: fields });
    },
  });
}
