import { TenantTransactions } from '@wegweiser/api/database';
import {
  CohortOutcomes,
  EvaluationMetrics,
  EvaluationMetricsQuery,
  EvaluationMetricsService,
  EvaluationModule,
  EvaluationRecordService,
} from '@wegweiser/api/evaluation';
import { ClsService } from 'nestjs-cls';
import { createTestApp, TestApp } from '../support/test-app';
import {
  adminQuery,
  createTestDatabase,
  TestDatabase,
} from '../support/test-database';
import {
  createManager,
  createMunicipality,
  insertPerson,
  Person,
} from './metrics-dataset';

/** 2023-Q1 persons are observed past month 36 (start 2023-01-10 + 36 months = 2026-01-10). */
const O1 = '2026-06-30';
/** The life-table cohort (2023-Q3) observed for 17 to 20 months. */
const O2 = '2025-03-15';
/** Everyone observed for 36 months. */
const O3 = '2027-12-31';

const START = '2023-01-10';
const job = (
  on: string,
  kind: 'social_insurance' | 'mini_job' | 'self_employed',
  more: { ended?: string; atStart?: boolean } = {},
) => ({ on, kind, fullTime: true, matching: false, ...more });

/** Hand-built persons; the expected figures are worked out in the comments (months = whole months since the start). */
function people(m: { m1: string; m2: string; m3: string }): Person[] {
  const q1: Omit<Person, 'gender' | 'born' | 'country' | 'start'>[] = [
    // B1 (acceptance 4): a certified German skill counts, an uncertified one or one below B1 does not.
    {
      key: 'd1',
      german: {
        level: 'B1',
        certificate: 'telc Deutsch B1',
        certifiedOn: '2023-07-10',
      }, // 6
      manager: m.m1,
      plans: ['2023-03-01'], // 1: within 3 months
    },
    {
      key: 'd2',
      german: { level: 'B2', certificate: null, certifiedOn: '2023-05-01' },
    }, // a date, but no certificate
    {
      key: 'd3',
      german: {
        level: 'A2',
        certificate: 'telc Deutsch A2',
        certifiedOn: '2023-03-01',
      },
    },
    { key: 'd4', b1: ['2022-11-01', 'B1'], b1AtStart: true }, // bei Beginn
    {
      key: 'd5', // the certificate predates the start: bei Beginn, and the later outcome is no success either
      german: { level: 'B1', certificate: 'DTZ B1', certifiedOn: '2022-12-01' },
      b1: ['2023-05-01', 'B1'],
    },
    {
      key: 'd6', // the earlier of outcome (8) and certificate (3)
      b1: ['2023-09-10', 'B1'],
      german: {
        level: 'C1',
        certificate: 'Goethe C1',
        certifiedOn: '2023-04-10',
      },
    },
    { key: 'd7', b1: ['2026-07-15', 'B1'] }, // after O1: ignored
    { key: 'd8', b1: ['2022-12-15', 'B2'] }, // dated before the start, not marked: bei Beginn all the same
    // Employment: status on 2024-01-10 (12), 2025-01-10 (24), 2026-01-10 (36).
    {
      key: 'd9',
      jobs: [job('2023-02-01', 'self_employed', { ended: '2023-03-01' })],
    }, // 0; one month only
    {
      key: 'd10', // 4; paused, still an open case
      jobs: [job('2023-06-01', 'social_insurance')],
      manager: m.m1,
      plans: ['2023-04-10'], // exactly 3: agreed, not within 3 months
    },
    {
      key: 'd11', // 1; mini-job at 12, mini-job and social insurance at 24 and 36: social insurance, once
      jobs: [
        job('2023-03-01', 'mini_job'),
        job('2024-03-01', 'social_insurance'),
      ],
      manager: m.m2,
      plans: ['2023-04-09', '2023-10-01'], // 2: within 3 months; two versions, one person
    },
    {
      key: 'd12', // a job brought along (bei Beginn, and employed at every month) and a mini-job at 6
      jobs: [
        job('2022-06-01', 'social_insurance', { atStart: true }),
        job('2023-08-01', 'mini_job'),
      ],
    },
    {
      key: 'd13',
      jobs: [job('2022-12-01', 'social_insurance', { ended: '2023-01-31' })],
    }, // before the start: bei Beginn
    {
      key: 'd14',
      jobs: [job('2024-12-01', 'social_insurance', { ended: '2025-01-10' })],
    }, // 22; ended on day 24
    { key: 'd15', jobs: [job('2024-01-10', 'self_employed')] }, // 12: begun on day 12
    // Apprenticeship / studies on 2026-01-10 (36).
    {
      key: 'd16',
      trainings: [
        {
          kind: 'apprenticeship',
          on: '2023-09-01',
          ended: '2025-08-31',
          completed: true,
        },
      ], // completed
      manager: m.m2,
      plans: ['2026-07-01'], // after O1: not agreed
    },
    {
      key: 'd17',
      trainings: [{ kind: 'apprenticeship', on: '2024-09-01' }],
      closed: 'moved_away',
      manager: m.m3,
    }, // ongoing
    {
      key: 'd18', // broken off, then a new one: ongoing
      trainings: [
        {
          kind: 'apprenticeship',
          on: '2023-09-01',
          ended: '2024-02-28',
          completed: false,
        },
        { kind: 'apprenticeship', on: '2024-09-01' },
      ],
    },
    {
      key: 'd19',
      trainings: [
        {
          kind: 'studies',
          on: '2023-10-01',
          ended: '2025-09-30',
          completed: false,
        },
      ],
    }, // broken off
    { key: 'd20', trainings: [{ kind: 'studies', on: '2026-03-01' }] }, // 37: not started by 36
    {
      key: 'd21',
      trainings: [{ kind: 'apprenticeship', on: '2022-09-01', atStart: true }],
    }, // bei Beginn: not started
    {
      key: 'd22',
      trainings: [
        {
          kind: 'apprenticeship',
          on: '2023-05-01',
          ended: '2026-06-30',
          completed: true,
        },
      ],
    }, // ongoing at 36
    {
      key: 'd23',
      trainings: [
        {
          kind: 'studies',
          on: '2023-04-01',
          ended: '2026-01-10',
          completed: true,
        },
      ],
    }, // completed on day 36
    {
      key: 'd24',
      trainings: [
        {
          kind: 'apprenticeship',
          on: '2023-03-01',
          ended: '2023-12-31',
          completed: false,
        },
      ],
    }, // broken off
  ];
  const q3: Person[] = [
    // Life tables (2023-Q3), at O2 and O3.
    { key: 'l1', start: '2023-07-01', b1: ['2023-09-15', 'B1'] }, // B1 2; no job: censored 20 | 36
    {
      key: 'l2',
      start: '2023-07-01',
      b1: ['2023-09-01', 'B1'],
      jobs: [job('2024-07-01', 'social_insurance')],
    }, // B1 2; job 12
    {
      key: 'l3',
      start: '2023-08-20',
      b1: ['2023-01-01', 'B1'],
      b1AtStart: true,
      jobs: [job('2023-09-19', 'mini_job')],
    }, // B1 at start; job 0
    { key: 'l4', start: '2023-09-30', closed: 'no_contact' }, // closed: censored at 17 | 36 all the same
    { key: 'l5', start: '2023-07-15', b1: ['2025-04-01', 'B1'] }, // B1 at 20, after O2: censored 20 | event 20; job: censored
    {
      key: 'l6',
      start: '2023-09-01',
      german: {
        level: 'B1',
        certificate: 'telc Deutsch B1',
        certifiedOn: '2024-09-01',
      }, // 12
      jobs: [job('2025-03-15', 'self_employed')], // 18, on O2 itself
    },
  ].map(
    (p, i) =>
      ({
        gender: i % 2 ? 'male' : 'female',
        born: '1990-01-01',
        country: 'SY',
        ...p,
      }) as Person,
  );
  return [
    ...q1.map(
      (p, i) =>
        ({
          gender: i % 2 ? 'male' : 'female',
          born: '1990-01-01',
          country: 'SY',
          start: START,
          ...p,
        }) as Person,
    ),
    ...q3,
  ];
}

const at = (month: number, events: number, censored: number) => ({
  month,
  events,
  censored,
});

/** Issue 19, acceptance 4 and the definitions behind the key figures, on a hand-built cohort. */
describe('evaluation metrics: the definitions of issue 19 (hand-built cohorts)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let def: { municipalityId: string; teamId: string };
  const ids: Record<string, string> = {};
  const sql = <T extends object>(query: string, params: unknown[] = []) =>
    adminQuery<T>(query, params, db.ownerUrl);
  const inTenant = <T>(work: () => Promise<T>) =>
    api.app
      .get(ClsService)
      .run(() =>
        api.app
          .get(TenantTransactions)
          .withTenant(def.municipalityId, null, work),
      );
  const metrics = (
    query: Partial<EvaluationMetricsQuery>,
  ): Promise<EvaluationMetrics> =>
    inTenant(() =>
      api.app
        .get(EvaluationMetricsService)
        .metrics({
          from: '2023-01-01',
          to: '2023-03-31',
          granularity: 'quarter',
          ...query,
        }),
    );
  const q1 = async (observedUntil = O1): Promise<CohortOutcomes> => {
    const [cohort, ...more] = (await metrics({ observedUntil })).cohorts;
    if (!cohort || more.length) throw new Error('one cohort expected');
    return cohort;
  };
  const q3 = async (observedUntil: string): Promise<CohortOutcomes> => {
    const [cohort] = (
      await metrics({ from: '2023-07-01', to: '2023-09-30', observedUntil })
    ).cohorts;
    if (!cohort) throw new Error('no cohort');
    return cohort;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [EvaluationModule]);
    def = await createMunicipality(db.ownerUrl, 'DEF');
    const managers = {
      m1: await createManager(db.ownerUrl, def, 'm1.def@def.example'),
      m2: await createManager(db.ownerUrl, def, 'm2.def@def.example'),
      m3: await createManager(db.ownerUrl, def, 'm3.def@def.example'),
    };
    for (const person of people(managers))
      ids[person.key] = await insertPerson(db.ownerUrl, def, person);
    await sql(
      `UPDATE client SET support_state = 'paused', paused_on = '2024-02-01' WHERE id = $1`,
      [ids['d10']],
    );
    // Another municipality's open case with its manager: never in DEF's caseload.
    const other = await createMunicipality(db.ownerUrl, 'ANDERE');
    const otherManager = await createManager(
      db.ownerUrl,
      other,
      'm.andere@andere.example',
    );
    await insertPerson(db.ownerUrl, other, {
      key: 'y1',
      gender: 'female',
      born: '1990-01-01',
      country: 'SY',
      start: START,
      manager: otherManager,
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('B1 from a certified German skill counts (the earlier of skill and outcome); uncertified or below B1 does not', async () => {
    const cohort = await q1();
    expect(cohort.clients).toBe(24);
    // d1 (6) and d6 (3); d2 uncertified, d3 A2, d7 after the observation day.
    expect(cohort.outcomes.b1).toEqual({
      within12: 2,
      within24: 2,
      within36: 2,
      reached: 2,
    });
    expect(cohort.medianMonths.b1).toBe(4.5);
  });

  it('B1 there at the start (marked, dated before it, or certified before it) is "bei Beginn vorhanden", never a success', async () => {
    const cohort = await q1();
    expect(cohort.atStart).toEqual({
      b1: 3,
      employment: 2,
      apprenticeship: 1,
      studies: 0,
    });
    // Observed until the day before d6's certificate: no B1 during support yet; those at start are there already.
    const earlier = await q1('2023-04-09');
    expect(earlier.outcomes.b1.reached).toBe(0);
    expect(earlier.atStart.b1).toBe(3);
  });

  it('employment: first reached only during support; a job brought along is at start (and the person may also reach one)', async () => {
    const { outcomes } = await q1();
    // d9 0, d10 4, d11 1, d12 6, d14 22, d15 12 (not within 12); d13's job before the start is no success.
    expect(outcomes.employment).toEqual({
      within12: 4,
      within24: 6,
      within36: 6,
      reached: 6,
    });
    expect(outcomes.employmentSelfEmployed).toEqual({
      within12: 1,
      within24: 2,
      within36: 2,
      reached: 2,
    });
    expect(outcomes.employmentSocialInsurance).toEqual({
      within12: 1,
      within24: 3,
      within36: 3,
      reached: 3,
    });
    expect(outcomes.employmentMiniJob).toEqual({
      within12: 2,
      within24: 2,
      within36: 2,
      reached: 2,
    });
  });

  it('employment status at 12 / 24 / 36 months: the one-month self-employment is not employed at 24; one category per person', async () => {
    const { employedAt } = await q1();
    // 12: d10 d12 social insurance, d15 self-employed (begun on the day), d11 mini-job.
    expect(employedAt.month12).toEqual({
      socialInsurance: 2,
      selfEmployed: 1,
      miniJob: 1,
      notEmployed: 20,
    });
    // 24: d10 d11 (mini-job and social insurance: once) d12; d15; d9 (ended 2023) and d14 (ended on the day) are not employed.
    expect(employedAt.month24).toEqual({
      socialInsurance: 3,
      selfEmployed: 1,
      miniJob: 0,
      notEmployed: 20,
    });
    expect(employedAt.month36).toEqual({
      socialInsurance: 3,
      selfEmployed: 1,
      miniJob: 0,
      notEmployed: 20,
    });
  });

  it('apprenticeship and studies at month 36: completed > ongoing > broken off > not started (begun during support)', async () => {
    const { trainingAt36, outcomes } = await q1();
    // completed d16; ongoing d17, d18 (after breaking one off), d22 (completes after 36); broken off d24; d21 at start.
    expect(trainingAt36.apprenticeship).toEqual({
      completed: 1,
      ongoing: 3,
      brokenOff: 1,
      notStarted: 19,
    });
    // completed d23 (on day 36); broken off d19; d20 begins after month 36.
    expect(trainingAt36.studies).toEqual({
      completed: 1,
      ongoing: 0,
      brokenOff: 1,
      notStarted: 22,
    });
    // d23 at 2, d19 at 8, d20 at 37.
    expect(outcomes.studies).toEqual({
      within12: 2,
      within24: 2,
      within36: 2,
      reached: 3,
    });
    // Observed until 2024-08-31: an end dated later is not known yet (d16 still runs), d17's and d18's second
    // apprenticeship (from 2024-09-01) not begun; d18 (broken off in 2024) and d24 are broken off.
    const early = await q1('2024-08-31');
    expect(early.trainingAt36.apprenticeship).toEqual({
      completed: 0,
      ongoing: 2,
      brokenOff: 2,
      notStarted: 20,
    });
  });

  it('plans: agreed at all (first version) and within 3 months of the start; a plan after the observation day is not', async () => {
    expect((await q1()).plans).toEqual({ agreed: 3, agreedWithin3Months: 2 });
    expect((await q1('2023-04-09')).plans).toEqual({
      agreed: 2,
      agreedWithin3Months: 2,
    });
  });

  it('caseload: open cases (active or paused) held by a manager, and the managers holding them, of the own municipality', async () => {
    const result = await metrics({ observedUntil: O1 });
    // d1 d10 (paused) held by m1, d11 d16 by m2; m3 holds only d17, closed; unassigned cases and ANDERE do not count.
    expect(result.caseload).toEqual({ openCases: 4, managers: 2 });
    expect(result.observedUntil).toBe(O1);
  });

  it('life tables (observed until 2025-03-15): events in their month, censoring at the observation end, not at closure', async () => {
    const cohort = await q3(O2);
    expect(cohort.clients).toBe(6);
    expect(cohort.atStart.b1).toBe(1);
    // l1 l2 at 2, l6 at 12; l4 (closed) censored at 17, l5 (its B1 after the day) at 20; l3 at start is left out.
    expect(cohort.lifeTables.b1).toEqual([
      at(2, 2, 0),
      at(12, 1, 0),
      at(17, 0, 1),
      at(20, 0, 1),
    ]);
    // l3 at 0, l2 at 12, l6 at 18 (on the day itself); l4 censored at 17, l1 and l5 at 20.
    expect(cohort.lifeTables.employment).toEqual([
      at(0, 1, 0),
      at(12, 1, 0),
      at(17, 0, 1),
      at(18, 1, 0),
      at(20, 0, 2),
    ]);
  });

  it('life tables fully observed: nobody is censored before month 36', async () => {
    const cohort = await q3(O3);
    expect(cohort.lifeTables.b1).toEqual([
      at(2, 2, 0),
      at(12, 1, 0),
      at(20, 1, 0),
      at(36, 0, 1),
    ]);
    expect(cohort.lifeTables.employment).toEqual([
      at(0, 1, 0),
      at(12, 1, 0),
      at(18, 1, 0),
      at(36, 0, 3),
    ]);
  });

  describe('erasure', () => {
    const erased = [
      'd1',
      'd4',
      'd5',
      'd9',
      'd11',
      'd12',
      'd14',
      'd16',
      'd18',
      'd19',
      'd20',
      'd22',
      'd23',
      'l1',
      'l3',
      'l4',
      'l5',
      'l6',
    ];
    const queries = (
      observedUntil: string,
    ): Partial<EvaluationMetricsQuery>[] => [
      { observedUntil },
      { observedUntil, breakdown: 'gender' },
      { observedUntil, from: '2023-07-01', to: '2023-09-30' },
      {
        observedUntil,
        from: '2023-07-01',
        to: '2023-09-30',
        breakdown: 'gender',
      },
      { observedUntil, granularity: 'year', to: '2023-12-31' },
    ];
    let before: EvaluationMetrics[];
    let laterBefore: CohortOutcomes;

    beforeAll(async () => {
      before = [];
      for (const query of queries(O2)) before.push(await metrics(query));
      laterBefore = await q3(O3);
      for (const key of erased)
        await inTenant(() =>
          api.app
            .get(EvaluationRecordService)
            .recordForErasure(ids[key] ?? '', O2),
        );
      await sql(`DELETE FROM client WHERE id = ANY($1::uuid[])`, [
        erased.map((key) => ids[key]),
      ]);
    });

    it('keeps every new figure of the day of the erasure: at start, status, training, life tables, plans', async () => {
      expect(await sql(`SELECT 1 FROM evaluation_record`)).toHaveLength(
        erased.length,
      );
      const after: EvaluationMetrics[] = [];
      for (const query of queries(O2)) after.push(await metrics(query));
      // The caseload is no cohort figure: erased clients are no longer cases (below).
      const cohortFigures = (m: EvaluationMetrics) => ({
        ...m,
        caseload: null,
      });
      expect(after.map(cohortFigures)).toEqual(before.map(cohortFigures));
      // The new figures are really there (not all zero).
      const [q1After] = after[0]?.cohorts ?? [];
      expect(q1After?.atStart).toEqual({
        b1: 3,
        employment: 2,
        apprenticeship: 1,
        studies: 0,
      });
      expect(q1After?.plans).toEqual({ agreed: 3, agreedWithin3Months: 2 });
      expect(q1After?.employedAt.month24.notEmployed).toBeLessThan(24);
      expect(q1After?.trainingAt36.apprenticeship.ongoing).toBeGreaterThan(0);
      expect(after[2]?.cohorts[0]?.lifeTables.b1).toEqual([
        at(2, 2, 0),
        at(12, 1, 0),
        at(17, 0, 1),
        at(20, 0, 1),
      ]);
      // d1, d11 and d16 were open cases held by m1 and m2: d10 (m1) is left.
      expect(before[0]?.caseload).toEqual({ openCases: 4, managers: 2 });
      expect(after[0]?.caseload).toEqual({ openCases: 1, managers: 1 });
    });

    it('an erased person leaves the observation at the erasure: l5 stays censored at 20, its later B1 is unknown', async () => {
      const later = await q3(O3);
      expect(laterBefore.lifeTables.b1).toEqual([
        at(2, 2, 0),
        at(12, 1, 0),
        at(20, 1, 0),
        at(36, 0, 1),
      ]);
      // l1 l3 l4 l5 l6 are records of 2025-03-15; l2 is still observed.
      expect(later.lifeTables.b1).toEqual([
        at(2, 2, 0),
        at(12, 1, 0),
        at(17, 0, 1),
        at(20, 0, 1),
      ]);
      expect(later.lifeTables.employment).toEqual([
        at(0, 1, 0),
        at(12, 1, 0),
        at(17, 0, 1),
        at(18, 1, 0),
        at(20, 0, 2),
      ]);
    });
  });
});
