import { ConsentResponse } from '@wegweiser/shared/contracts';
import { consentCheck, nextReferralStates, today } from './referral-rules';

function consent(overrides: Partial<ConsentResponse>): ConsentResponse {
  return {
    id: 'k-1',
    clientId: 'c-1',
    purpose: 'Vermittlung',
    recipientKind: 'partner',
    partnerId: 'p-1',
    partnerName: 'VHS',
    dataCategories: ['personal'],
    givenOn: '2026-01-01',
    validUntil: '2026-12-31',
    withdrawnOn: null,
    recordedAs: 'signed_paper',
    filedAt: null,
    valid: true,
    version: 1,
    ...overrides,
  };
}

describe('consentCheck', () => {
  it('finds a valid consent for the partner with its end', () => {
    expect(consentCheck([consent({})], 'p-1')).toEqual({ status: 'valid', validUntil: '2026-12-31' });
  });

  it('counts the longest-lasting valid consent, "until withdrawn" first', () => {
    expect(consentCheck([consent({ validUntil: '2026-06-30' }), consent({ id: 'k-2', validUntil: '2027-03-31' })], 'p-1')).toEqual({
      status: 'valid',
      validUntil: '2027-03-31',
    });
    expect(consentCheck([consent({}), consent({ id: 'k-2', validUntil: null })], 'p-1')).toEqual({ status: 'valid', validUntil: null });
  });

  it('ignores invalid consents, other partners and the evaluation', () => {
    const consents = [
      consent({ valid: false, withdrawnOn: '2026-02-01' }),
      consent({ id: 'k-2', partnerId: 'p-2', partnerName: 'Caritas' }),
      consent({ id: 'k-3', recipientKind: 'evaluation', partnerId: null, partnerName: null }),
    ];
    expect(consentCheck(consents, 'p-1')).toEqual({ status: 'missing' });
    expect(consentCheck([], 'p-1')).toEqual({ status: 'missing' });
  });
});

describe('nextReferralStates', () => {
  it('moves forward only', () => {
    expect(nextReferralStates('proposed')).toEqual(['sent', 'cancelled']);
    expect(nextReferralStates('sent')).toEqual(['accepted', 'declined', 'cancelled']);
    expect(nextReferralStates('accepted')).toEqual(['completed', 'cancelled']);
    expect(nextReferralStates('completed')).toEqual([]);
    expect(nextReferralStates('declined')).toEqual([]);
    expect(nextReferralStates('cancelled')).toEqual([]);
  });
});

describe('today', () => {
  it('is the local calendar day', () => {
    expect(today(new Date(2026, 2, 2, 23, 59))).toBe('2026-03-02');
  });
});
