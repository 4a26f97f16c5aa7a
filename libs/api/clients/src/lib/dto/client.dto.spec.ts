import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@wegweiser/api/core';
import { DecideExtensionDto, RequestExtensionDto } from '../support/dto/support.dto';
import { ClientListQueryDto } from './client-list.dto';
import { CreateClientDto, UpdateClientDto } from './client.dto';

type Outcome = { value: Record<string, unknown> } | { errors: Record<string, string> };

/** What the global ValidationPipe makes of input: the transformed DTO, or the `errors` map of the 400. */
async function validate(metatype: new () => object, input: object, type: 'body' | 'query' = 'body'): Promise<Outcome> {
  try {
    return { value: (await createValidationPipe().transform(input, { type, metatype })) as Record<string, unknown> };
  } catch (error) {
    return { errors: ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors };
  }
}

const valid = {
  firstName: ' Jörg ',
  lastName: 'Müller',
  firstNameOriginal: null,
  lastNameOriginal: 'Мюллер',
  dateOfBirth: '1990-04-01',
  gender: 'male',
  countryOfOrigin: 'UA',
  nationalities: ['UA'],
  languagesSpoken: ['uk', 'ru', 'de'],
  residenceStatus: 'temporary_protection',
  residenceValidUntil: '2027-03-04',
  arrivalDate: '2022-03-15',
  housing: 'private_flat',
  householdMembers: 3,
  phone: '+49 251 123-4567',
  email: ' Joerg.Mueller@Example.org ',
  address: 'Hauptstraße 1, 48143 Münster',
  supportStart: '2022-04-01',
};

describe('CreateClientDto', () => {
  it('takes a complete client, trimmed, e-mail lower-cased', async () => {
    expect(await validate(CreateClientDto, valid)).toEqual({ value: expect.objectContaining({ firstName: 'Jörg', email: 'joerg.mueller@example.org' }) });
  });

  it.each([
    ['firstName', '  ', 'minLength'],
    ['firstName', null, 'isString'],
    ['lastName', 'x'.repeat(201), 'maxLength'],
    ['dateOfBirth', '1990-02-30', 'isCalendarDate'],
    ['dateOfBirth', '01.04.1990', 'isCalendarDate'],
    ['gender', 'm', 'isIn'],
    ['countryOfOrigin', 'ua', 'matches'],
    ['countryOfOrigin', 'XX', 'isISO31661Alpha2'],
    ['nationalities', ['UA', 'UA'], 'arrayUnique'],
    ['nationalities', 'UA', 'isArray'],
    ['languagesSpoken', ['Ukrainian'], 'matches'],
    ['residenceStatus', 'tourist', 'isIn'],
    ['householdMembers', 0, 'min'],
    ['householdMembers', '3', 'isInt'],
    ['phone', 'call me', 'matches'],
    ['email', 'nope', 'isEmail'],
    ['supportStart', null, 'isCalendarDate'],
    ['responsibleManagerId', 'someone', 'isUuid'],
    ['caseNumber', 'ES-2026-00001', 'unknownProperty'],
  ])('refuses %s = %j (%s)', async (field, value, code) => {
    expect(await validate(CreateClientDto, { ...valid, [field]: value })).toEqual({ errors: { [field]: code } });
  });
});

describe('UpdateClientDto', () => {
  it('needs the version; required fields may be left out but not cleared', async () => {
    expect(await validate(UpdateClientDto, { firstName: 'A' })).toEqual({ errors: { version: 'isInt' } });
    expect(await validate(UpdateClientDto, { version: 1, dateOfBirth: null })).toEqual({ errors: { dateOfBirth: 'isCalendarDate' } });
    expect(await validate(UpdateClientDto, { version: 1, phone: null, residenceStatus: null })).toEqual({ value: expect.objectContaining({ phone: null }) });
    expect(await validate(UpdateClientDto, { version: 1, supportStart: '2026-01-01' })).toEqual({ errors: { supportStart: 'unknownProperty' } });
  });
});

describe('ClientListQueryDto', () => {
  it('converts the page size and refuses unknown filters', async () => {
    expect(await validate(ClientListQueryDto, { pageSize: '20', state: 'paused' }, 'query')).toEqual({ value: expect.objectContaining({ pageSize: 20 }) });
    expect(await validate(ClientListQueryDto, { pageSize: '201' }, 'query')).toEqual({ errors: { pageSize: 'max' } });
    expect(await validate(ClientListQueryDto, { fieldOfAction: 'sports' }, 'query')).toEqual({ errors: { fieldOfAction: 'isIn' } });
    expect(await validate(ClientListQueryDto, { teamId: 'x' }, 'query')).toEqual({ errors: { teamId: 'unknownProperty' } });
  });
});

describe('extension DTOs', () => {
  it('needs a justification of 20 to 2000 characters', async () => {
    expect(await validate(RequestExtensionDto, { requestedUntil: '2029-01-01', justification: 'zu kurz' })).toEqual({ errors: { justification: 'minLength' } });
    expect(await validate(RequestExtensionDto, { requestedUntil: '2029-01-01', justification: 'x'.repeat(2001) })).toEqual({ errors: { justification: 'maxLength' } });
    expect(await validate(DecideExtensionDto, { version: 1, comment: 'ok' })).toEqual({ value: expect.objectContaining({ version: 1 }) });
  });
});
