import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@wegweiser/api/core';
import { CreateConversationDto, UpdateConversationDto } from './conversation.dto';

type Outcome = { value: Record<string, unknown> } | { errors: Record<string, string> };

/** What the global ValidationPipe makes of a body: the DTO, or the `errors` map of the 400. */
async function validate(metatype: new () => object, input: object): Promise<Outcome> {
  try {
    return { value: (await createValidationPipe().transform(input, { type: 'body', metatype })) as Record<string, unknown> };
  } catch (error) {
    return { errors: ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors };
  }
}

const valid = {
  heldAt: '2026-03-02T09:30:00+01:00',
  durationMinutes: 600,
  form: 'home_visit',
  interpreter: 'family',
  language: 'ti',
  topics: [],
  note: '  Hausbesuch.  ',
};

describe('CreateConversationDto', () => {
  it('takes a conversation (trimmed note, no topics, no agreements)', async () => {
    expect(await validate(CreateConversationDto, valid)).toEqual({ value: expect.objectContaining({ note: 'Hausbesuch.', durationMinutes: 600 }) });
  });

  it.each([
    [{ heldAt: '2026-03-02 09:30:00Z' }, { heldAt: 'matches' }],
    [{ heldAt: '2026-03-02T09:30:00' }, { heldAt: 'matches' }],
    [{ durationMinutes: 601 }, { durationMinutes: 'max' }],
    [{ durationMinutes: 0 }, { durationMinutes: 'min' }],
    [{ topics: ['language', 'language'] }, { topics: 'arrayUnique' }],
    [{ note: ' ' }, { note: 'minLength' }],
    [{ nextAppointmentAt: '2026-03-32T10:00:00Z' }, { nextAppointmentAt: 'isIso8601' }],
    [{ staffId: 'x' }, { staffId: 'unknownProperty' }],
  ])('refuses %j naming the field', async (change, errors) => {
    expect(await validate(CreateConversationDto, { ...valid, ...change })).toEqual({ errors });
  });
});

describe('UpdateConversationDto', () => {
  it('takes a partial change; null clears agreements and the next appointment', async () => {
    expect(await validate(UpdateConversationDto, { version: 3, agreements: null, nextAppointmentAt: null })).toEqual({
      value: expect.objectContaining({ version: 3, agreements: null, nextAppointmentAt: null }),
    });
  });

  it.each([
    [{ note: 'x' }, 'version'],
    [{ version: 1, note: null }, 'note'],
    [{ version: 1, form: null }, 'form'],
    [{ version: 1, topics: null }, 'topics'],
  ])('refuses %j naming %s', async (body, field) => {
    const outcome = await validate(UpdateConversationDto, body);
    expect('errors' in outcome && Object.keys(outcome.errors)).toEqual([field]);
  });
});
