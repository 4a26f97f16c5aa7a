import { toEvaluationMetrics } from './evaluation-metrics.mapping';
import { LifeTablesRow, OutcomesRow } from './evaluation-metrics.sql';
import {
  EMPLOYMENT_STATUSES,
  HEADLINE_MEASURES,
  OUTCOME_MEASURES,
  STATUS_MONTHS,
  TRAINING_KINDS,
  TRAINING_STATUSES,
} from './evaluation-person.sql';

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
  HEADLINE_MEASURES.forEach((measure, i) => {
    row[`${measure}_at_start`] = 20 + i;
  });
  STATUS_MONTHS.forEach((month, i) =>
    EMPLOYMENT_STATUSES.forEach((status, j) => {
      row[`employment_status_${month}_${status}`] = 30 + 10 * i + j;
    }),
  );
  TRAINING_KINDS.forEach((kind, i) =>
    TRAINING_STATUSES.forEach((status, j) => {
      row[`${kind}_status_36_${status}`] = 70 + 10 * i + j;
    }),
  );
  row['plans_agreed'] = 6;
  row['plans_agreed_within_3'] = 4;
  return row;
};

const lifeRow = (
  cohort: string,
  grp: string | null,
  measure: LifeTablesRow['measure'],
  month: number,
): LifeTablesRow => ({
  cohort,
  grp,
  measure,
  month,
  events: month + 1,
  censored: month + 2,
});

const noExtras = {
  lifeTables: [],
  caseload: { open_cases: 0, managers: 0 },
};

describe('evaluation rows → result', () => {
  const range = {
    firstCohort: '2024-01-01',
    lastCohort: '2024-04-01',
    granularity: 'quarter',
    breakdown: 'gender',
    k: 5,
    observedUntil: '2026-12-07',
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
      lifeTables: [
        lifeRow('2024-04-01', 'female', 'b1', 2),
        lifeRow('2024-04-01', 'female', 'b1', 7),
        lifeRow('2024-04-01', 'male', 'b1', 3),
        lifeRow('2024-04-01', 'female', 'employment', 36),
        lifeRow('2024-01-01', 'female', 'employment', 5),
      ],
      caseload: { open_cases: 140, managers: 3 },
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
    expect(result.observedUntil).toBe('2026-12-07');
    expect(result.caseload).toEqual({ openCases: 140, managers: 3 });
  });

  it('maps the issue 19 figures: at start, status tables, plans, and the life tables of its own cohort and group', () => {
    const result = toEvaluationMetrics(range, {
      outcomes: [outcomesRow('2024-04-01', 'female')],
      goals: [],
      softRatings: [],
      closures: [],
      lifeTables: [
        lifeRow('2024-04-01', 'female', 'b1', 2),
        lifeRow('2024-04-01', 'female', 'b1', 7),
        lifeRow('2024-04-01', 'male', 'b1', 3),
        lifeRow('2024-04-01', 'female', 'employment', 36),
        lifeRow('2024-01-01', 'female', 'employment', 5),
      ],
      caseload: { open_cases: 0, managers: 0 },
    });
    const [cohort] = result.cohorts;
    expect(cohort?.atStart).toEqual({
      b1: 20,
      employment: 21,
      apprenticeship: 22,
      studies: 23,
    });
    expect(cohort?.employedAt).toEqual({
      month12: {
        socialInsurance: 30,
        selfEmployed: 31,
        miniJob: 32,
        notEmployed: 33,
      },
      month24: {
        socialInsurance: 40,
        selfEmployed: 41,
        miniJob: 42,
        notEmployed: 43,
      },
      month36: {
        socialInsurance: 50,
        selfEmployed: 51,
        miniJob: 52,
        notEmployed: 53,
      },
    });
    expect(cohort?.trainingAt36).toEqual({
      apprenticeship: {
        completed: 70,
        ongoing: 71,
        brokenOff: 72,
        notStarted: 73,
      },
      studies: { completed: 80, ongoing: 81, brokenOff: 82, notStarted: 83 },
    });
    expect(cohort?.plans).toEqual({ agreed: 6, agreedWithin3Months: 4 });
    expect(cohort?.lifeTables).toEqual({
      b1: [
        { month: 2, events: 3, censored: 4 },
        { month: 7, events: 8, censored: 9 },
      ],
      employment: [{ month: 36, events: 37, censored: 38 }],
    });
  });

  it('fails loudly when a new count column is missing', () => {
    const row = outcomesRow('2024-01-01', null);
    delete row['employment_status_24_mini_job'];
    expect(() =>
      toEvaluationMetrics(range, {
        outcomes: [row],
        goals: [],
        softRatings: [],
        closures: [],
        ...noExtras,
      }),
    ).toThrow('employment_status_24_mini_job');
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
        ...noExtras,
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
        ...noExtras,
      }),
    ).toThrow('studies_reached');
  });
});
