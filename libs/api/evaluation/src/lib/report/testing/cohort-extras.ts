import { emptyCohortExtras, type CohortOutcomes } from '../../metrics/evaluation-metrics.types';

/**
 * Issue-19 figures of a cohort of `clients` where none of them happened (test data): nobody employed or in training
 * at any month, no plans, nothing at start. The exclusive status categories still add up to `clients`; the life
 * tables stay empty (accepted: no events, so no median).
 */
export function quietCohortExtras(clients: number): ReturnType<typeof emptyCohortExtras> {
  const extras = emptyCohortExtras();
  const notEmployed = () => ({ socialInsurance: 0, selfEmployed: 0, miniJob: 0, notEmployed: clients });
  const notStarted = () => ({ completed: 0, ongoing: 0, brokenOff: 0, notStarted: clients });
  const result: Pick<CohortOutcomes, 'employedAt' | 'trainingAt36'> = {
    employedAt: { month12: notEmployed(), month24: notEmployed(), month36: notEmployed() },
    trainingAt36: { apprenticeship: notStarted(), studies: notStarted() },
  };
  return { ...extras, ...result };
}
