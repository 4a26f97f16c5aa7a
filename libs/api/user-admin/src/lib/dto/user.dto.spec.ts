import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@wegweiser/api/core';
import { CreateTeamDto } from './team.dto';
import { CreateUserDto, UpdateUserDto } from './user.dto';

type Outcome = { value: Record<string, unknown> } | { errors: Record<string, string> };

/** What the global ValidationPipe makes of a body: the transformed DTO, or the `errors` map of the 400. */
async function validate(metatype: new () => object, body: object): Promise<Outcome> {
  try {
    return { value: (await createValidationPipe().transform(body, { type: 'body', metatype })) as Record<string, unknown> };
  } catch (error) {
    return { errors: ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors };
  }
}

const team = '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f';
const valid = { email: ' Anna.Schmidt@MS.Wegweiser.example ', firstName: ' Anna ', lastName: 'Schmidt', role: 'manager', teamId: team };

describe('CreateUserDto', () => {
  it('lower-cases and trims the e-mail, trims names', async () => {
    expect(await validate(CreateUserDto, valid)).toEqual({
      value: expect.objectContaining({ email: 'anna.schmidt@ms.wegweiser.example', firstName: 'Anna', lastName: 'Schmidt', role: 'manager', teamId: team }),
    });
  });

  it.each([
    [{ ...valid, email: 'keine-adresse' }, { email: 'isEmail' }],
    [{ ...valid, firstName: '   ' }, { firstName: 'minLength' }],
    [{ ...valid, lastName: 'x'.repeat(201) }, { lastName: 'maxLength' }],
    [{ ...valid, role: 'superuser' }, { role: 'isIn' }],
    [{ ...valid, teamId: 'team-1' }, { teamId: 'isUuid' }],
    [{ ...valid, passwordHash: 'x' }, { passwordHash: 'unknownProperty' }],
  ])('refuses %o', async (body, errors) => {
    expect(await validate(CreateUserDto, body)).toEqual({ errors });
  });

  it('does not take a password or an id from the body', async () => {
    const outcome = await validate(CreateUserDto, { ...valid, password: 'Mein-eigenes-Passwort', id: team });
    expect(outcome).toEqual({ errors: { password: 'unknownProperty', id: 'unknownProperty' } });
  });
});

describe('UpdateUserDto', () => {
  it('accepts an empty body and keeps absent fields absent', async () => {
    const outcome = await validate(UpdateUserDto, {});
    expect(outcome).toEqual({ value: {} });
  });

  it('keeps teamId: null (remove the team) apart from an absent teamId', async () => {
    expect(await validate(UpdateUserDto, { role: 'evaluator', teamId: null })).toEqual({ value: { role: 'evaluator', teamId: null } });
  });

  it.each([
    [{ active: null }, { active: 'isBoolean' }],
    [{ active: 'false' }, { active: 'isBoolean' }],
    [{ role: null }, { role: 'isIn' }],
    [{ firstName: null }, { firstName: 'isString' }],
    [{ version: 0 }, { version: 'min' }],
    [{ email: 'neu@ms.wegweiser.example' }, { email: 'unknownProperty' }],
  ])('refuses %o', async (body, errors) => {
    expect(await validate(UpdateUserDto, body)).toEqual({ errors });
  });
});

describe('CreateTeamDto', () => {
  it('trims the name and refuses an empty one', async () => {
    expect(await validate(CreateTeamDto, { name: '  Team Nord ' })).toEqual({ value: { name: 'Team Nord' } });
    expect(await validate(CreateTeamDto, { name: ' ' })).toEqual({ errors: { name: 'minLength' } });
  });
});
