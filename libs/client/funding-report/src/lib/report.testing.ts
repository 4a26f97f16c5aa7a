import { CLOSURE_REASONS, CONVERSATION_FORMS, FIELDS_OF_ACTION, FundingReportColumn, GOAL_STATES } from '@wegweiser/shared/contracts';

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** A report column with every count 0 (specs only). */
export function emptyColumn(kind: FundingReportColumn['kind'], name: string, managerId: string | null): FundingReportColumn {
  return {
    managerId,
    name,
    kind,
    figures: {
      personsNew: 0,
      personsOngoing: 0,
      personsClosed: 0,
      conversations: 0,
      conversationsByForm: zeros(CONVERSATION_FORMS),
      plansAgreed: 0,
      plansUpdated: 0,
      goals: Object.fromEntries(FIELDS_OF_ACTION.map((f) => [f, zeros(GOAL_STATES)])) as FundingReportColumn['figures']['goals'],
      referrals: 0,
      referralsByWorkingGroup: {},
      closuresByReason: zeros(CLOSURE_REASONS),
    },
    quality: {
      planWithinThreeMonths: { numerator: 0, denominator: 0 },
      planReviewedSixMonths: { numerator: 0, denominator: 0 },
      goalsAchieved: Object.fromEntries(FIELDS_OF_ACTION.map((f) => [f, { numerator: 0, denominator: 0 }])) as FundingReportColumn['quality']['goalsAchieved'],
    },
  };
}
