import { planDecideRefusal, planSubmitRefusal } from './plan-review';

describe('plan review rules (shared by API and client)', () => {
  it('submits only an agreed plan that is not waiting or approved in that version', () => {
    expect(planSubmitRefusal(null, null)).toBe('planNotAgreed');
    expect(planSubmitRefusal(1, null)).toBeNull();
    expect(planSubmitRefusal(1, { state: 'submitted', agreementVersion: 1 })).toBe('planReviewPending');
    expect(planSubmitRefusal(2, { state: 'submitted', agreementVersion: 1 })).toBe('planReviewPending');
    expect(planSubmitRefusal(1, { state: 'returned', agreementVersion: 1 })).toBeNull();
    expect(planSubmitRefusal(2, { state: 'returned', agreementVersion: 1 })).toBeNull();
    expect(planSubmitRefusal(1, { state: 'approved', agreementVersion: 1 })).toBe('planAlreadyApproved');
    expect(planSubmitRefusal(2, { state: 'approved', agreementVersion: 1 })).toBeNull();
  });

  it('decides only a submitted review', () => {
    expect(planDecideRefusal(null)).toBe('planReviewNotSubmitted');
    expect(planDecideRefusal({ state: 'returned' })).toBe('planReviewNotSubmitted');
    expect(planDecideRefusal({ state: 'approved' })).toBe('planReviewNotSubmitted');
    expect(planDecideRefusal({ state: 'submitted' })).toBeNull();
  });
});
