import { BadRequestException } from '@nestjs/common';
import { assertValid, canMoveReferral, isConsentValid, levelsUpTo, notBefore, notInFuture, targetLevelRule, withinWindow } from './plan-rules';

const window = { supportStart: '2025-01-15', supportWindowEnd: '2028-01-15' };

function errorBody(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return (error as BadRequestException).getResponse();
  }
  return undefined;
}

describe('plan rules', () => {
  it('keeps dates inside the support window, both ends included', () => {
    expect(withinWindow('dueOn', '2028-01-15', window)).toEqual({});
    expect(withinWindow('dueOn', '2025-01-15', window)).toEqual({});
    expect(withinWindow('dueOn', '2028-01-16', window)).toEqual({ dueOn: 'outsideSupportWindow' });
    expect(withinWindow('dueOn', '2025-01-14', window)).toEqual({ dueOn: 'outsideSupportWindow' });
    expect(withinWindow('dueOn', null, window)).toEqual({});
  });

  it('answers outsideSupportWindow as the code when that is the only broken rule, validationFailed otherwise', () => {
    expect(errorBody(() => assertValid(withinWindow('dueOn', '2029-01-01', window)))).toEqual({
      code: 'outsideSupportWindow',
      message: expect.any(String),
      errors: { dueOn: 'outsideSupportWindow' },
    });
    expect(errorBody(() => assertValid(withinWindow('dueOn', '2029-01-01', window), targetLevelRule('language', null)))).toEqual(
      expect.objectContaining({ code: 'validationFailed', errors: { dueOn: 'outsideSupportWindow', targetLevel: 'requiredForLanguage' } }),
    );
    expect(() => assertValid({}, {})).not.toThrow();
  });

  it('asks a level of language goals only', () => {
    expect(targetLevelRule('language', 'B1')).toEqual({});
    expect(targetLevelRule('language', undefined)).toEqual({ targetLevel: 'requiredForLanguage' });
    expect(targetLevelRule('work', 'B1')).toEqual({ targetLevel: 'onlyForLanguage' });
    expect(targetLevelRule('work', null)).toEqual({});
  });

  it('refuses dates in the future and dates before their start', () => {
    expect(notInFuture('givenOn', '2026-05-02', '2026-05-01')).toEqual({ givenOn: 'inFuture' });
    expect(notInFuture('givenOn', '2026-05-01', '2026-05-01')).toEqual({});
    expect(notBefore('validUntil', '2026-04-30', '2026-05-01', 'beforeGivenOn')).toEqual({ validUntil: 'beforeGivenOn' });
    expect(notBefore('validUntil', undefined, '2026-05-01', 'beforeGivenOn')).toEqual({});
  });

  it.each([
    [{ givenOn: '2026-01-01', validUntil: null, withdrawnOn: null }, true],
    [{ givenOn: '2026-05-01', validUntil: '2026-05-01', withdrawnOn: null }, true],
    [{ givenOn: '2026-05-02', validUntil: null, withdrawnOn: null }, false],
    [{ givenOn: '2026-01-01', validUntil: '2026-04-30', withdrawnOn: null }, false],
    [{ givenOn: '2026-01-01', validUntil: null, withdrawnOn: '2026-05-01' }, false],
  ])('consent %o valid on 2026-05-01: %s', (consent, valid) => {
    expect(isConsentValid(consent, '2026-05-01')).toBe(valid);
  });

  it('moves referrals forward only', () => {
    expect(canMoveReferral('proposed', 'sent')).toBe(true);
    expect(canMoveReferral('sent', 'completed')).toBe(false);
    expect(canMoveReferral('accepted', 'completed')).toBe(true);
    expect(canMoveReferral('completed', 'cancelled')).toBe(false);
    expect(canMoveReferral('declined', 'sent')).toBe(false);
  });
});

describe('levelsUpTo', () => {
  it('is the reached level and every level below it', () => {
    expect(levelsUpTo('A1')).toEqual(['A1']);
    expect(levelsUpTo('B1')).toEqual(['A1', 'A2', 'B1']);
    expect(levelsUpTo('B2')).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(levelsUpTo('C2')).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
  });
});
