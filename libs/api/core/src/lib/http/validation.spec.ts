import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsString, registerDecorator, ValidateNested, ValidationArguments } from 'class-validator';
import { createValidationPipe, MESSAGE_IS_CODE } from './validation';

/** A constraint that reports its own code through the message, as the password rule does. */
function IsEven(marked: boolean) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isEven',
      target: target.constructor,
      propertyName,
      options: marked ? { context: MESSAGE_IS_CODE } : {},
      validator: {
        validate: (value: unknown) => typeof value === 'number' && value % 2 === 0,
        defaultMessage: (args?: ValidationArguments) => (typeof args?.value === 'number' ? 'numberIsOdd' : 'notANumber'),
      },
    });
}

class AddressDto {
  @IsString()
  street!: string;
}

class SampleDto {
  @IsInt()
  count!: number;

  @IsEven(true)
  marked!: number;

  @IsEven(false)
  unmarked!: number;

  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

async function fieldErrors(body: object): Promise<Record<string, string>> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: SampleDto });
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    const response = (error as BadRequestException).getResponse() as { code: string; errors: Record<string, string> };
    expect(response.code).toBe(ERROR_CODES.validationFailed);
    return response.errors;
  }
  return {};
}

describe('createValidationPipe', () => {
  const valid = { count: 1, marked: 2, unmarked: 4, address: { street: 'Hauptstraße 1' } };

  it('accepts a valid body', async () => {
    expect(await fieldErrors(valid)).toEqual({});
  });

  it('reports the constraint name as the field code, with dotted paths for nested fields', async () => {
    expect(await fieldErrors({ ...valid, count: 'one', address: { street: 5 } })).toEqual({ count: 'isInt', 'address.street': 'isString' });
  });

  it('reports unknown properties', async () => {
    expect(await fieldErrors({ ...valid, admin: true })).toEqual({ admin: VALIDATION_CODES.unknownProperty });
  });

  it('reports the message as the code for constraints marked MESSAGE_IS_CODE', async () => {
    expect(await fieldErrors({ ...valid, marked: 3 })).toEqual({ marked: 'numberIsOdd' });
    expect(await fieldErrors({ ...valid, marked: 'x' })).toEqual({ marked: 'notANumber' });
  });

  it('keeps the constraint name for unmarked constraints', async () => {
    expect(await fieldErrors({ ...valid, unmarked: 3 })).toEqual({ unmarked: 'isEven' });
  });
});
