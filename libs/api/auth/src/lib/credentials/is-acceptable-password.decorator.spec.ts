import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@wegweiser/api/core';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';
import { IsEmail, IsString } from 'class-validator';
import { IsAcceptablePassword } from './is-acceptable-password.decorator';
import { PASSWORD_PROBLEMS } from './password-policy';

class SetPasswordDto {
  @IsAcceptablePassword()
  password!: string;
}

class RegisterDto {
  @IsEmail()
  email!: string;

  @IsString()
  lastName!: string;

  @IsAcceptablePassword<RegisterDto>((dto) => ({ email: dto.email, lastName: dto.lastName }))
  password!: string;
}

/** The `errors` map the API answers with (via the global ValidationPipe), or null if the body passes. */
async function fieldErrors(metatype: new () => object, body: object): Promise<Record<string, string> | null> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return null;
  } catch (error) {
    const response = (error as BadRequestException).getResponse() as { code: string; errors: Record<string, string> };
    expect(response.code).toBe(ERROR_CODES.validationFailed);
    return response.errors;
  }
}

describe('@IsAcceptablePassword()', () => {
  it('passes an acceptable password', async () => {
    expect(await fieldErrors(SetPasswordDto, { password: 'tanzende-giraffe-im-rathaus' })).toBeNull();
  });

  it.each([
    ['a short password', 'short', PASSWORD_PROBLEMS.passwordTooShort],
    ['a 136-character password', 'x'.repeat(64) + 'Kx8#qLm2!vRw'.repeat(6), PASSWORD_PROBLEMS.passwordTooLong],
    ['"Password123!"', 'Password123!', PASSWORD_PROBLEMS.passwordTooCommon],
  ])('reports %s as the specific code, not the constraint name', async (_, password, code) => {
    expect(await fieldErrors(SetPasswordDto, { password })).toEqual({ password: code });
  });

  it('reports a non-string as invalid', async () => {
    expect(await fieldErrors(SetPasswordDto, { password: 123456789012 })).toEqual({ password: VALIDATION_CODES.invalid });
    expect(await fieldErrors(SetPasswordDto, {})).toEqual({ password: VALIDATION_CODES.invalid });
  });

  it('checks personal data picked from the same body', async () => {
    const body = { email: 'jonas.becker@stadt.de', lastName: 'Becker', password: 'Jonas tanzt Tango im Rathaus' };
    expect(await fieldErrors(RegisterDto, body)).toEqual({ password: PASSWORD_PROBLEMS.passwordContainsPersonalData });
    expect(await fieldErrors(RegisterDto, { ...body, password: 'Ein Bäcker tanzt Tango im Rathaus' })).toBeNull();
  });
});
