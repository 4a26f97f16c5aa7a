import { recipientRule, sentOnRule } from './plan-rules';

describe('referral and consent field rules', () => {
  it('takes sentOn only with the move to sent, and not in the future', () => {
    expect(sentOnRule('sent', undefined, '2026-05-01')).toEqual({});
    expect(sentOnRule('sent', '2026-05-01', '2026-05-01')).toEqual({});
    expect(sentOnRule('sent', '2026-05-02', '2026-05-01')).toEqual({ sentOn: 'inFuture' });
    expect(sentOnRule('proposed', '2026-05-01', '2026-05-01')).toEqual({ sentOn: 'onlyWhenSent' });
    expect(sentOnRule(undefined, '2026-05-01', '2026-05-01')).toEqual({ sentOn: 'onlyWhenSent' });
  });

  it('names a partner for partner consents only', () => {
    expect(recipientRule({ recipientKind: 'partner', partnerId: 'p1' })).toEqual({});
    expect(recipientRule({ recipientKind: 'partner' })).toEqual({ partnerId: 'requiredForPartner' });
    expect(recipientRule({ recipientKind: 'evaluation', partnerId: 'p1' })).toEqual({ partnerId: 'onlyForPartner' });
    expect(recipientRule({ recipientKind: 'evaluation' })).toEqual({});
  });
});
