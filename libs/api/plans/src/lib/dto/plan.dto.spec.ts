import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@wegweiser/api/core';
import { CreateConsentDto } from './consent.dto';
import { CreateGoalDto, DeleteGoalQueryDto, UpdateGoalDto, UpdateGoalStepDto } from './plan.dto';

type Outcome = { value: Record<string, unknown> } | { errors: Record<string, string> };

/** What the global ValidationPipe makes of a body or query: the transformed DTO, or the `errors` map of the 400. */
async function validate(metatype: new () => object, value: object, type: 'body' | 'query' = 'body'): Promise<Outcome> {
  try {
    return { value: (await createValidationPipe().transform(value, { type, metatype })) as Record<string, unknown> };
  } catch (error) {
    return { errors: ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors };
  }
}

describe('plan DTOs', () => {
  it('trims a goal target and keeps absent fields absent', async () => {
    expect(await validate(CreateGoalDto, { fieldOfAction: 'work', target: '  Arbeit  ', dueOn: '2027-01-31' })).toEqual({
      value: { fieldOfAction: 'work', target: 'Arbeit', dueOn: '2027-01-31' },
    });
    expect(await validate(UpdateGoalDto, { version: 3 })).toEqual({ value: { version: 3 } });
  });

  it('reports the type before the range: a version that is no number is isInt, a small one min', async () => {
    expect(await validate(UpdateGoalDto, { version: 'drei' })).toEqual({ errors: { version: 'isInt' } });
    expect(await validate(UpdateGoalDto, { version: 0 })).toEqual({ errors: { version: 'min' } });
    expect(await validate(DeleteGoalQueryDto, { version: '3' }, 'query')).toEqual({ value: { version: 3 } });
  });

  it('keeps null apart from absent where null means "clear"', async () => {
    expect(await validate(UpdateGoalStepDto, { version: 1, doneOn: null })).toEqual({ value: { version: 1, doneOn: null } });
    expect(await validate(UpdateGoalDto, { version: 1, dueOn: null })).toEqual({ errors: { dueOn: 'isCalendarDate' } });
  });

  it('checks consent categories one by one and refuses unknown properties', async () => {
    const consent = { purpose: 'Vermittlung', recipientKind: 'evaluation', dataCategories: ['plan', 'trauma'], givenOn: '2026-03-01', recordedAs: 'electronic' };
    expect(await validate(CreateConsentDto, consent)).toEqual({ errors: { dataCategories: 'isIn' } });
    expect(await validate(CreateConsentDto, { ...consent, dataCategories: ['plan'], note: 'frei' })).toEqual({ errors: { note: 'unknownProperty' } });
  });
});
