import type {
  CohortOutcomes,
  EmploymentStatusCounts,
  TrainingStatusCounts,
} from '../../metrics/evaluation-metrics.types';

type CohortExtras = Pick<CohortOutcomes, 'atStart' | 'employedAt' | 'trainingAt36' | 'lifeTables' | 'plans'>;

/** The issue-19 figures with nothing counted (test data). */
function emptyCohortExtras(): CohortExtras {
  const status = (): EmploymentStatusCounts => ({ socialInsurance: 0, selfEmployed: 0, miniJob: 0, notEmployed: 0 });
  const training = (): TrainingStatusCounts => ({ completed: 0, ongoing: 0, brokenOff: 0, notStarted: 0 });
  return {
    atStart: { b1: 0, employment: 0, apprenticeship: 0, studies: 0 },
    employedAt: { month12: status(), month24: status(), month36: status() },
    trainingAt36: { apprenticeship: training(), studies: training() },
    lifeTables: { b1: [], employment: [] },
    plans: { agreed: 0, agreedWithin3Months: 0 },
  };
}

/**
 * Issue-19 figures of a cohort of `clients` where none of them happened (test data): nobody employed or in training
 * at any month, no plans, nothing at start. The exclusive status categories still add up to `clients`; the life
 * tables stay empty (accepted: no events, so no median).
 */
export function quietCohortExtras(clients: number): CohortExtras {
  const extras = emptyCohortExtras();
  const notEmployed = () => ({ socialInsurance: 0, selfEmployed: 0, miniJob: 0, notEmployed: clients });
  const notStarted = () => ({ completed: 0, ongoing: 0, brokenOff: 0, notStarted: clients });
  const result: Pick<CohortOutcomes, 'employedAt' | 'trainingAt36'> = {
    employedAt: { month12: notEmployed(), month24: notEmployed(), month36: notEmployed() },
    trainingAt36: { apprenticeship: notStarted(), studies: notStarted() },
  };
  return { ...extras, ...result };
}
