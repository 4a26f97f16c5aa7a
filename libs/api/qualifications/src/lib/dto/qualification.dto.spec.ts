import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@wegweiser/api/core';
import { LanguageParamsDto, PutLanguageSkillDto, UpdateQualificationsDto } from './qualification.dto';

type Outcome = { value: Record<string, unknown> } | { errors: Record<string, string> };

async function validate(metatype: new () => object, input: object, type: 'body' | 'param' = 'body'): Promise<Outcome> {
  try {
    return { value: (await createValidationPipe().transform(input, { type, metatype })) as Record<string, unknown> };
  } catch (error) {
    return { errors: ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors };
  }
}

describe('UpdateQualificationsDto', () => {
  it('takes a record with trimmed interests; absent fields stay absent (the service clears them)', async () => {
    expect(await validate(UpdateQualificationsDto, { version: 0, schoolYears: 0, interests: [' Musik ', 'Sport'] })).toEqual({
      value: expect.objectContaining({ version: 0, schoolYears: 0, interests: ['Musik', 'Sport'] }),
    });
  });

  it.each([
    [{ version: 0, schoolCountry: 'de' }, 'schoolCountry'],
    [{ version: 0, interests: ['a', ' a '] }, 'interests'],
    [{ version: 0, interests: Array.from({ length: 21 }, (_, i) => `i${i}`) }, 'interests'],
    [{ version: 0, recognitionState: 'granted' }, 'recognitionState'],
  ])('refuses %j naming %s', async (body, field) => {
    const outcome = await validate(UpdateQualificationsDto, body);
    expect('errors' in outcome && Object.keys(outcome.errors)).toEqual([field]);
  });
});

describe('PutLanguageSkillDto and LanguageParamsDto', () => {
  it('takes a level and optional German details', async () => {
    expect(await validate(PutLanguageSkillDto, { version: 0, level: 'A2', certificate: ' DTZ A2 ', certifiedOn: '2026-01-31' })).toEqual({
      value: expect.objectContaining({ level: 'A2', certificate: 'DTZ A2' }),
    });
  });

  it('refuses an unknown level, and a language code that is not ISO 639', async () => {
    expect(await validate(PutLanguageSkillDto, { version: 0, level: 'D1' })).toEqual({ errors: { level: 'isIn' } });
    expect(await validate(LanguageParamsDto, { clientId: '8f0c2f55-3c5e-4b8e-9d0c-0c1e2b3a4d5f', language: 'DE' }, 'param')).toEqual({ errors: { language: 'matches' } });
  });
});
