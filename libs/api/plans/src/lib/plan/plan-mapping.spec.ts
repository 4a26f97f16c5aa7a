import { GoalResponse, ReferralResponse } from '@wegweiser/shared/contracts';
import { toSnapshot } from './plan-mapping';

const goal: GoalResponse = {
  id: 'g1',
  fieldOfAction: 'language',
  target: 'Deutsch B1',
  targetLevel: 'B1',
  dueOn: '2027-06-30',
  state: 'open',
  stateChangedOn: '2026-03-01',
  version: 4,
  steps: [{ id: 's1', goalId: 'g1', description: 'Anmelden', assignee: 'client', dueOn: null, doneOn: null, version: 2 }],
};
const referral: ReferralResponse = {
  id: 'r1',
  goalId: 'g1',
  partnerId: 'p1',
  partnerName: 'Volkshochschule Musterstadt',
  partnerOfferId: 'o1',
  offerTitle: 'Integrationskurs',
  topic: 'language',
  state: 'sent',
  sentOn: '2026-03-02',
  stateChangedOn: '2026-03-02',
  version: 3,
};

describe('toSnapshot', () => {
  it('freezes ids, fields and states, without versions or names', () => {
    expect(toSnapshot([goal], [referral])).toEqual({
      goals: [
        {
          id: 'g1',
          fieldOfAction: 'language',
          target: 'Deutsch B1',
          targetLevel: 'B1',
          dueOn: '2027-06-30',
          state: 'open',
          stateChangedOn: '2026-03-01',
          steps: [{ id: 's1', description: 'Anmelden', assignee: 'client', dueOn: null, doneOn: null }],
        },
      ],
      referrals: [{ id: 'r1', goalId: 'g1', partnerId: 'p1', partnerOfferId: 'o1', state: 'sent', sentOn: '2026-03-02' }],
    });
  });

  it('does not change when only versions or partner names change', () => {
    const renamed = { ...referral, partnerName: 'VHS', version: 9 };
    expect(toSnapshot([{ ...goal, version: 7 }], [renamed])).toEqual(toSnapshot([goal], [referral]));
  });
});
