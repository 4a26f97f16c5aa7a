import { toEvaluationMetrics } from './evaluation-metrics.mapping';
import { OutcomesRow } from './evaluation-metrics.sql';
import { OUTCOME_MEASURES } from './evaluation-person.sql';

const outcomesRow = (cohort: string, grp: string | null): OutcomesRow => {
  const row: OutcomesRow = {
    cohort,
    grp,
    clients: 9,
    b1_median_months: 8.5,
    employment_median_months: null,
  };
  OUTCOME_MEASURES.forEach((measure, i) => {
    row[`${measure}_within_12`] = i;
    row[`${measure}_within_24`] = i + 1;
    row[`${measure}_within_36`] = i + 2;
    row[`${measure}_reached`] = i + 3;
  });
  return row;
};

describe('evaluation rows → result', () => {
  const range = {
    firstCohort: '2024-01-01',
    lastCohort: '2024-04-01',
    granularity: 'quarter',
    breakdown: 'gender',
    k: 5,
  } as const;

  it('labels cohorts, names measures and factors in camelCase and keeps every count', () => {
    const result = toEvaluationMetrics(range, {
      outcomes: [outcomesRow('2024-04-01', 'female')],
      goals: [
        {
          cohort: '2024-01-01',
          grp: 'male',
          field_of_action: 'work',
          state: 'achieved',
          clients: 2,
          goals: 3,
        },
      ],
      softRatings: [
        {
          cohort: '2024-01-01',
          grp: null,
          factor: 'social_environment',
          improved: 1,
          same: 2,
          worse: 3,
        },
      ],
      closures: [
        {
          cohort: '2024-01-01',
          grp: null,
          closure_reason: 'moved_away',
          clients: 4,
        },
      ],
    });
    expect(result).toMatchObject({
      granularity: 'quarter',
      firstCohort: '2024-Q1',
      lastCohort: '2024-Q2',
      breakdown: 'gender',
      k: 5,
    });
    const [cohort] = result.cohorts;
    expect(cohort).toMatchObject({
      cohort: '2024-Q2',
      group: 'female',
      clients: 9,
      medianMonths: { b1: 8.5, employment: null },
    });
    expect(cohort?.outcomes.b1).toEqual({
      within12: 0,
      within24: 1,
      within36: 2,
      reached: 3,
    });
    expect(cohort?.outcomes.employmentSocialInsurance).toEqual({
      within12: 2,
      within24: 3,
      within36: 4,
      reached: 5,
    });
    expect(cohort?.outcomes.employmentMatchingQualification).toEqual({
      within12: 7,
      within24: 8,
      within36: 9,
      reached: 10,
    });
    expect(cohort?.outcomes.studies).toEqual({
      within12: 9,
      within24: 10,
      within36: 11,
      reached: 12,
    });
    expect(Object.keys(cohort?.outcomes ?? {})).toHaveLength(
      OUTCOME_MEASURES.length,
    );
    expect(result.goals).toEqual([
      {
        cohort: '2024-Q1',
        group: 'male',
        fieldOfAction: 'work',
        state: 'achieved',
        clients: 2,
        goals: 3,
      },
    ]);
    expect(result.softRatings).toEqual([
      {
        cohort: '2024-Q1',
        group: null,
        factor: 'socialEnvironment',
        improved: 1,
        same: 2,
        worse: 3,
      },
    ]);
    expect(result.closures).toEqual([
      { cohort: '2024-Q1', group: null, reason: 'moved_away', clients: 4 },
    ]);
  });

  it('labels year cohorts by the year', () => {
    const result = toEvaluationMetrics(
      {
        ...range,
        granularity: 'year',
        firstCohort: '2023-01-01',
        lastCohort: '2024-01-01',
      },
      {
        outcomes: [outcomesRow('2024-01-01', null)],
        goals: [],
        softRatings: [],
        closures: [],
      },
    );
    expect(result.cohorts[0]?.cohort).toBe('2024');
    expect([result.firstCohort, result.lastCohort]).toEqual(['2023', '2024']);
  });

  it('fails loudly when a count column is missing (SQL and mapping out of step)', () => {
    const row = outcomesRow('2024-01-01', null);
    delete row['studies_reached'];
    expect(() =>
      toEvaluationMetrics(range, {
        outcomes: [row],
        goals: [],
        softRatings: [],
        closures: [],
      }),
    ).toThrow('studies_reached');
  });
});
