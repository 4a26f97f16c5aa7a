import { TenantTransactions } from '@wegweiser/api/database';
import {
  ClientNotRecordedError,
  EvaluationMetrics,
  EvaluationMetricsQuery,
  EvaluationMetricsService,
  EvaluationModule,
  EvaluationRecordService,
  MeasureCounts,
  PERSON_COLUMNS,
} from '@wegweiser/api/evaluation';
import { ClsService } from 'nestjs-cls';
import { createTestApp, TestApp } from '../support/test-app';
import {
  adminQuery,
  createTestDatabase,
  TestDatabase,
} from '../support/test-database';
import {
  createMunicipality,
  insertJob,
  insertPerson,
  LATE_JOBS,
  PEOPLE,
  publishedGender,
} from './metrics-dataset';

/** The day the figures describe in this test: every cohort of the dataset is observed for 36 months. */
const OBSERVED_UNTIL = '2027-06-30';

/** within 12, 24, 36 months, reached at all */
const m = (
  within12: number,
  within24: number,
  within36: number,
  reached: number,
): MeasureCounts => ({ within12, within24, within36, reached });

const Q1_OUTCOMES = {
  b1: m(5, 6, 7, 7),
  employment: m(2, 4, 4, 5),
  employmentSocialInsurance: m(1, 2, 2, 2),
  employmentMiniJob: m(1, 2, 2, 2),
  employmentSelfEmployed: m(0, 0, 0, 1),
  employmentFullTime: m(0, 2, 2, 3),
  employmentPartTime: m(2, 3, 3, 3),
  employmentMatchingQualification: m(1, 2, 2, 2),
  apprenticeship: m(1, 1, 1, 1),
  studies: m(0, 1, 1, 1),
};
const Q2_OUTCOMES = {
  b1: m(3, 3, 4, 4),
  employment: m(1, 2, 2, 2),
  employmentSocialInsurance: m(0, 1, 1, 1),
  employmentMiniJob: m(1, 1, 1, 1),
  employmentSelfEmployed: m(0, 0, 0, 0),
  employmentFullTime: m(0, 1, 1, 1),
  employmentPartTime: m(1, 1, 1, 1),
  employmentMatchingQualification: m(0, 1, 1, 1),
  apprenticeship: m(0, 1, 1, 1),
  studies: m(0, 0, 1, 1),
};

/**
 * Issue 7, "Metrics" (acceptance 1 and 5 for the figures): on a fixed dataset
 * every figure equals the hand-computed value of metrics-dataset.ts, and
 * erasing clients after keeping their anonymous record changes none.
 */
describe('evaluation metrics: SQL aggregates equal hand-computed figures', () => {
  let db: TestDatabase;
  let api: TestApp;
  let eval1: { municipalityId: string; teamId: string };
  let other: { municipalityId: string; teamId: string };
  const ids: Record<string, string> = {};
  const sql = <T extends object>(query: string, params: unknown[] = []) =>
    adminQuery<T>(query, params, db.ownerUrl);

  /** Runs work in a tenant transaction of `municipalityId` (as the API role, under row-level security). */
  const inTenant = <T>(municipalityId: string, work: () => Promise<T>) =>
    api.app
      .get(ClsService)
      .run(() =>
        api.app.get(TenantTransactions).withTenant(municipalityId, null, work),
      );
  const metrics = (
    query: Partial<EvaluationMetricsQuery> = {},
    municipalityId = eval1.municipalityId,
  ): Promise<EvaluationMetrics> =>
    inTenant(municipalityId, () =>
      api.app.get(EvaluationMetricsService).metrics({
        from: '2024-01-01',
        to: '2024-06-30',
        granularity: 'quarter',
        observedUntil: OBSERVED_UNTIL,
        ...query,
      }),
    );
  const recordForErasure = (clientId: string) =>
    inTenant(eval1.municipalityId, () =>
      api.app
        .get(EvaluationRecordService)
        .recordForErasure(clientId, OBSERVED_UNTIL),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [EvaluationModule]);
    eval1 = await createMunicipality(db.ownerUrl, 'EVAL');
    other = await createMunicipality(db.ownerUrl, 'ANDERE');
    for (const person of PEOPLE)
      ids[person.key] = await insertPerson(db.ownerUrl, eval1, person);
    for (const { key, job } of LATE_JOBS)
      await insertJob(db.ownerUrl, eval1.municipalityId, ids[key] ?? '', job);
    // Another municipality's client in Q1 with B1: never counted for EVAL.
    ids['y1'] = await insertPerson(db.ownerUrl, other, {
      key: 'y1',
      gender: 'female',
      born: '1990-01-01',
      country: 'SY',
      start: '2024-02-01',
      b1: ['2024-03-01', 'B1'],
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  describe('months from support start (evaluation_months)', () => {
    it.each([
      ['2024-01-15', '2025-01-14', 11],
      ['2024-01-15', '2025-01-15', 12],
      ['2024-01-31', '2024-02-28', 0],
      ['2024-01-31', '2024-02-29', 1],
      ['2024-02-29', '2025-02-28', 12],
      ['2024-03-01', '2023-12-01', 0],
      ['2024-06-30', '2025-06-29', 11],
    ])('from %s to %s: %i whole months', async (start, at, months) => {
      const [row] = await sql<{ months: number }>(
        `SELECT evaluation_months($1::date, $2::date) AS months`,
        [start, at],
      );
      expect(row?.months).toBe(months);
    });

    it('"< N months" is exactly "achieved before start + N months" for every pair of days over four years', async () => {
      const [row] = await sql<{ pairs: number; mismatches: number }>(`
        SELECT count(*)::int AS pairs,
               count(*) FILTER (WHERE (evaluation_months(s::date, a::date) < n) IS DISTINCT FROM (a::date < (s::date + make_interval(months => n))::date))::int AS mismatches
          FROM generate_series('2023-12-25'::date, '2024-03-05'::date, interval '1 day') s
          CROSS JOIN LATERAL generate_series(s, s + interval '40 months', interval '3 days') a
          CROSS JOIN (VALUES (1), (12), (24), (36)) AS w (n)`);
      expect(row?.pairs).toBeGreaterThan(100_000);
      expect(row?.mismatches).toBe(0);
    });
  });

  describe('cohort totals by quarter', () => {
    let result: EvaluationMetrics;
    beforeAll(async () => {
      result = await metrics();
    });

    it('counts the clients of Q1 and Q2 only (not the quarters around them, not another municipality)', () => {
      expect(result).toMatchObject({
        granularity: 'quarter',
        firstCohort: '2024-Q1',
        lastCohort: '2024-Q2',
        breakdown: null,
        k: 5,
      });
      expect(result.cohorts.map((c) => [c.cohort, c.group, c.clients])).toEqual(
        [
          ['2024-Q1', null, 12],
          ['2024-Q2', null, 10],
        ],
      );
    });

    it('outcomes within 12/24/36 months at their boundaries, by kind of employment, full/part time and matching', () => {
      expect(result.cohorts[0]?.outcomes).toEqual(Q1_OUTCOMES);
      expect(result.cohorts[1]?.outcomes).toEqual(Q2_OUTCOMES);
    });

    it('median months to B1 and to first employment over those who reached it (odd and even counts)', () => {
      expect(result.cohorts[0]?.medianMonths).toEqual({
        b1: 6,
        employment: 16,
      });
      expect(result.cohorts[1]?.medianMonths).toEqual({
        b1: 8.5,
        employment: 9,
      });
    });

    it('goals achieved / not achieved / dropped per field of action: distinct clients and goals', () => {
      expect(
        result.goals.map((g) => [
          g.cohort,
          g.fieldOfAction,
          g.state,
          g.clients,
          g.goals,
        ]),
      ).toEqual([
        ['2024-Q1', 'health', 'not_achieved', 1, 1],
        ['2024-Q1', 'language', 'achieved', 2, 2],
        ['2024-Q1', 'language', 'dropped', 1, 1],
        ['2024-Q1', 'work', 'achieved', 2, 3],
        ['2024-Q1', 'work', 'not_achieved', 1, 1],
        ['2024-Q2', 'social_participation', 'dropped', 1, 1],
      ]);
    });

    it('soft factors: first against latest rating of clients with at least two', () => {
      expect(
        result.softRatings.map((r) => [
          r.cohort,
          r.factor,
          r.improved,
          r.same,
          r.worse,
        ]),
      ).toEqual([
        ['2024-Q1', 'employmentQuality', 0, 1, 1],
        ['2024-Q1', 'health', 1, 1, 1],
        ['2024-Q1', 'socialEnvironment', 1, 1, 1],
        ['2024-Q2', 'health', 1, 0, 0],
        ['2024-Q2', 'socialEnvironment', 1, 0, 0],
      ]);
    });

    it('closed clients by reason (active ones are no closure)', () => {
      expect(
        result.closures.map((c) => [c.cohort, c.reason, c.clients]),
      ).toEqual([
        ['2024-Q1', 'moved_away', 2],
        ['2024-Q1', 'no_contact', 1],
        ['2024-Q2', 'declined', 1],
      ]);
    });
  });

  describe('observation day and the issue 19 figures of the dataset', () => {
    it('is today in Germany unless fixed, and ignores outcomes dated after it (a4 started a job on 2027-02-01)', async () => {
      const today = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Berlin',
      }).format(new Date());
      const byDefault = await metrics({ observedUntil: undefined });
      expect(byDefault.observedUntil).toBe(today);
      expect((await metrics()).observedUntil).toBe(OBSERVED_UNTIL);
      const [q1Before] = (await metrics({ observedUntil: '2027-01-31' }))
        .cohorts;
      const [q1After] = (await metrics({ observedUntil: '2027-02-01' }))
        .cohorts;
      expect(q1Before?.outcomes.employment.reached).toBe(4);
      expect(q1Before?.outcomes.employmentSelfEmployed.reached).toBe(0);
      expect(q1After?.outcomes.employment.reached).toBe(5);
      expect(q1After?.outcomes.employmentSelfEmployed.reached).toBe(1);
      // The day itself counts: b4's B1 of 2026-05-31 is there on 2026-05-31, not on 2026-05-30.
      const b1On = async (day: string) =>
        (await metrics({ observedUntil: day })).cohorts[1]?.outcomes.b1.reached;
      expect(await b1On('2026-05-30')).toBe(3);
      expect(await b1On('2026-05-31')).toBe(4);
    });

    it('refuses an observation day that is not a date', async () => {
      await expect(metrics({ observedUntil: '2027-02-30' })).rejects.toThrow(
        'observedUntil',
      );
    });

    it('in every breakdown, the status tables and each life table with those at start add up to the group', async () => {
      for (const breakdown of [null, 'gender', 'ageBand', 'region'] as const) {
        for (const observedUntil of [OBSERVED_UNTIL, '2025-03-31']) {
          const { cohorts } = await metrics({ breakdown, observedUntil });
          expect(cohorts.length).toBeGreaterThan(1);
          for (const c of cohorts) {
            const sum = (o: object) =>
              Object.values(o).reduce((a: number, b: number) => a + b, 0);
            for (const status of Object.values(c.employedAt))
              expect(sum(status)).toBe(c.clients);
            for (const status of Object.values(c.trainingAt36))
              expect(sum(status)).toBe(c.clients);
            for (const measure of ['b1', 'employment'] as const) {
              const rows = c.lifeTables[measure];
              expect(
                rows.reduce((a, r) => a + r.events + r.censored, 0) +
                  c.atStart[measure],
              ).toBe(c.clients);
              expect(rows.map((r) => r.month)).toEqual(
                [...rows.map((r) => r.month)].sort((a, b) => a - b),
              );
            }
          }
        }
      }
    });

    it('fully observed (36 months for everyone): nothing is censored before month 36, and the events are the first months', async () => {
      const [q1, q2] = (await metrics()).cohorts;
      // Q1 B1 months 11, 12, 1, 33, 0, 6, 3 (a1 a2 a3 a4 a6 a8 a10); the other 5 are censored at 36.
      expect(q1?.lifeTables.b1).toEqual([
        { month: 0, events: 1, censored: 0 },
        { month: 1, events: 1, censored: 0 },
        { month: 3, events: 1, censored: 0 },
        { month: 6, events: 1, censored: 0 },
        { month: 11, events: 1, censored: 0 },
        { month: 12, events: 1, censored: 0 },
        { month: 33, events: 1, censored: 0 },
        { month: 36, events: 0, censored: 5 },
      ]);
      // Q2 first employment b5 12, b6 6; a job at 36 months or later is no event (a4 in Q1: censored at 36).
      expect(q2?.lifeTables.employment).toEqual([
        { month: 6, events: 1, censored: 0 },
        { month: 12, events: 1, censored: 0 },
        { month: 36, events: 0, censored: 8 },
      ]);
      expect(q1?.lifeTables.employment.at(-1)).toEqual({
        month: 36,
        events: 0,
        censored: 8,
      });
    });
  });

  describe('breakdowns', () => {
    it('by gender: clients, B1 and medians per group; "divers" / "keine Angabe" assigned to female or male (issue 19)', async () => {
      // a5 (divers) and a12 (keine Angabe) in Q1, b9 (divers) in Q2: the bit of md5 of their ids (fixed by
      // municipality code and key, computed here without the SQL) sends a5 and b9 to male and a12 to female.
      expect(
        (['a5', 'a12', 'b9'] as const).map((key) =>
          publishedGender(
            ids[key] ?? '',
            PEOPLE.find((p) => p.key === key)?.gender ?? 'female',
          ),
        ),
      ).toEqual(['male', 'female', 'male']);
      const { cohorts } = await metrics({ breakdown: 'gender' });
      expect(
        cohorts.map((c) => [
          c.cohort,
          c.group,
          c.clients,
          c.outcomes.b1,
          c.medianMonths,
        ]),
      ).toEqual([
        ['2024-Q1', 'female', 6, m(5, 5, 5, 5), { b1: 3, employment: 16 }],
        ['2024-Q1', 'male', 6, m(0, 1, 2, 2), { b1: 22.5, employment: 18 }],
        ['2024-Q2', 'female', 4, m(2, 2, 2, 2), { b1: 3.5, employment: 12 }],
        ['2024-Q2', 'male', 6, m(1, 1, 2, 2), { b1: 17.5, employment: 6 }],
      ]);
    });

    it('the published gender is the same on every request and for every client as computed outside the SQL, and the groups add up to the cohort', async () => {
      const first = await metrics({ breakdown: 'gender' });
      expect(await metrics({ breakdown: 'gender' })).toEqual(first);
      const total = await metrics({});
      for (const row of total.cohorts) {
        const groups = first.cohorts.filter((c) => c.cohort === row.cohort);
        expect(groups.reduce((sum, c) => sum + c.clients, 0)).toBe(
          row.clients,
        );
      }
      const expected = { female: 0, male: 0 };
      for (const p of PEOPLE.filter((p) => p.start >= '2024-01-01' && p.start < '2024-07-01'))
        expected[publishedGender(ids[p.key] ?? '', p.gender)]++;
      expect({
        female: first.cohorts.filter((c) => c.group === 'female').reduce((sum, c) => sum + c.clients, 0),
        male: first.cohorts.filter((c) => c.group === 'male').reduce((sum, c) => sum + c.clients, 0),
      }).toEqual(expected);
    });

    it('by age band at support start (birthdays on the start day included)', async () => {
      const { cohorts } = await metrics({ breakdown: 'ageBand' });
      expect(cohorts.map((c) => [c.cohort, c.group, c.clients])).toEqual([
        ['2024-Q1', '18_24', 2],
        ['2024-Q1', '25_34', 4],
        ['2024-Q1', '35_44', 3],
        ['2024-Q1', '45_plus', 2],
        ['2024-Q1', 'under_18', 1],
        ['2024-Q2', '18_24', 2],
        ['2024-Q2', '25_34', 4],
        ['2024-Q2', '35_44', 2],
        ['2024-Q2', '45_plus', 2],
      ]);
    });

    it('by region of origin (grouped, never single countries)', async () => {
      const { cohorts, closures } = await metrics({ breakdown: 'region' });
      expect(
        cohorts.map((c) => [
          c.cohort,
          c.group,
          c.clients,
          c.outcomes.b1.reached,
        ]),
      ).toEqual([
        ['2024-Q1', 'eastern_europe', 3, 2],
        ['2024-Q1', 'middle_east', 4, 3],
        ['2024-Q1', 'north_africa', 1, 0],
        ['2024-Q1', 'other', 1, 0],
        ['2024-Q1', 'south_central_asia', 1, 1],
        ['2024-Q1', 'sub_saharan_africa', 2, 1],
        ['2024-Q2', 'eastern_europe', 2, 1],
        ['2024-Q2', 'middle_east', 4, 2],
        ['2024-Q2', 'south_central_asia', 2, 1],
        ['2024-Q2', 'sub_saharan_africa', 2, 0],
      ]);
      expect(
        closures.map((c) => [c.cohort, c.group, c.reason, c.clients]),
      ).toEqual([
        ['2024-Q1', 'eastern_europe', 'moved_away', 1],
        ['2024-Q1', 'middle_east', 'no_contact', 1],
        ['2024-Q1', 'sub_saharan_africa', 'moved_away', 1],
        ['2024-Q2', 'eastern_europe', 'declined', 1],
      ]);
    });

    it('by municipality: the own municipality only', async () => {
      const { cohorts } = await metrics({ breakdown: 'municipality' });
      expect(cohorts.map((c) => [c.cohort, c.group, c.clients])).toEqual([
        ['2024-Q1', 'EVAL', 12],
        ['2024-Q2', 'EVAL', 10],
      ]);
      const elsewhere = await metrics(
        { breakdown: 'municipality' },
        other.municipalityId,
      );
      expect(
        elsewhere.cohorts.map((c) => [
          c.cohort,
          c.group,
          c.clients,
          c.outcomes.b1.within12,
        ]),
      ).toEqual([['2024-Q1', 'ANDERE', 1, 1]]);
    });

    it('by year: the whole year of the period (Q1–Q3 of 2024), not 2023', async () => {
      const result = await metrics({ granularity: 'year' });
      expect(result).toMatchObject({ firstCohort: '2024', lastCohort: '2024' });
      expect(
        result.cohorts.map((c) => [c.cohort, c.clients, c.outcomes.b1]),
      ).toEqual([['2024', 23, m(9, 10, 12, 12)]]);
      expect(result.cohorts[0]?.medianMonths).toEqual({
        b1: 6,
        employment: 12,
      });
    });
  });

  describe('anonymous outcome record', () => {
    const queries: Partial<EvaluationMetricsQuery>[] = [
      {},
      { breakdown: 'gender' },
      { breakdown: 'ageBand' },
      { breakdown: 'region' },
      { breakdown: 'municipality' },
      { granularity: 'year' },
    ];
    let before: EvaluationMetrics[];

    beforeAll(async () => {
      before = [];
      for (const query of queries) before.push(await metrics(query));
    });

    it('holds the banded attributes, months, goals, rating changes and closure of the client, and nothing that identifies', async () => {
      await recordForErasure(ids['a1'] ?? '');
      const columns = await sql<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'evaluation_record' ORDER BY ordinal_position`,
      );
      expect(columns.map((c) => c.column_name)).toEqual([...PERSON_COLUMNS]);
      for (const { column_name } of columns.filter(
        (c) => c.column_name !== 'municipality_id',
      )) {
        expect(column_name).not.toMatch(
          /(^|_)(id|name|case|birth|born|phone|email|address|country|team|manager|note|at|on|date)(_|$)/,
        );
      }
      const rows = await sql(`SELECT * FROM evaluation_record`);
      expect(rows).toEqual([
        {
          municipality_id: eval1.municipalityId,
          cohort_quarter: expect.any(Date),
          gender: 'female',
          age_band: '25_34',
          region: 'middle_east',
          b1_months: 11,
          employment_months: 16,
          employment_social_insurance_months: 16,
          employment_mini_job_months: null,
          employment_self_employed_months: null,
          employment_full_time_months: 16,
          employment_part_time_months: null,
          employment_matching_months: 16,
          apprenticeship_months: null,
          studies_months: null,
          goals: {
            language: { achieved: 1 },
            work: { achieved: 1, not_achieved: 1 },
            housing: { open: 1 },
          },
          health_change: 1,
          social_environment_change: 0,
          employment_quality_change: -1,
          closure_reason: null,
          b1_preexisting: false,
          employment_preexisting: false,
          apprenticeship_preexisting: false,
          studies_preexisting: false,
          // a job from 2025-06-01 (start 2024-01-15): not at month 12, still at 24 and 36
          employment_status_12: 'not_employed',
          employment_status_24: 'social_insurance',
          employment_status_36: 'social_insurance',
          apprenticeship_status_36: 'not_started',
          studies_status_36: 'not_started',
          observed_months: 36,
          plan_months: null,
        },
      ]);
      const [quarter] = await sql<{ q: string }>(
        `SELECT cohort_quarter::text AS q FROM evaluation_record`,
      );
      expect(quarter?.q).toBe('2024-01-01');
    });

    it('the application role may add and read records, never change or remove them', async () => {
      const [grants] = await sql<Record<string, boolean>>(
        `SELECT has_table_privilege($1, 'evaluation_record', 'SELECT') AS read, has_table_privilege($1, 'evaluation_record', 'INSERT') AS add,
                has_table_privilege($1, 'evaluation_record', 'UPDATE') AS change, has_table_privilege($1, 'evaluation_record', 'DELETE') AS remove`,
        [db.appRole],
      );
      expect(grants).toEqual({
        read: true,
        add: true,
        change: false,
        remove: false,
      });
    });

    it('refuses a client it cannot see (unknown, or of another municipality) and stores nothing', async () => {
      const record = (clientId: string) =>
        inTenant(eval1.municipalityId, () =>
          api.app.get(EvaluationRecordService).recordForErasure(clientId),
        );
      await expect(record(ids['y1'] ?? '')).rejects.toBeInstanceOf(
        ClientNotRecordedError,
      );
      await expect(
        record('00000000-0000-4000-8000-000000000000'),
      ).rejects.toBeInstanceOf(ClientNotRecordedError);
      expect(await sql(`SELECT 1 FROM evaluation_record`)).toHaveLength(1);
    });

    it('erasing clients after recording them leaves every figure, breakdown and median unchanged', async () => {
      await recordForErasure(ids['a2'] ?? '');
      await recordForErasure(ids['b6'] ?? '');
      // a5 (divers) and a12 (keine Angabe): the record stores the published gender, the entered one is not kept.
      await recordForErasure(ids['a5'] ?? '');
      await recordForErasure(ids['a12'] ?? '');
      expect(
        (await sql<{ gender: string }>(`SELECT gender FROM evaluation_record ORDER BY gender`)).map((r) => r.gender),
      ).toEqual(['female', 'female', 'male', 'male', 'male']);
      const erased = [ids['a1'], ids['a2'], ids['b6'], ids['a5'], ids['a12']];
      // The erasure itself (issue 8) deletes the client; its case data goes with it (ON DELETE CASCADE).
      await sql(`DELETE FROM client WHERE id = ANY($1::uuid[])`, [erased]);
      for (const table of ['client', 'outcome', 'soft_rating', 'goal']) {
        const column = table === 'client' ? 'id' : 'client_id';
        expect(
          await sql(
            `SELECT 1 FROM ${table} WHERE ${column} = ANY($1::uuid[])`,
            [erased],
          ),
        ).toHaveLength(0);
      }
      expect(await sql(`SELECT 1 FROM evaluation_record`)).toHaveLength(5);

      const after: EvaluationMetrics[] = [];
      for (const query of queries) after.push(await metrics(query));
      expect(after).toEqual(before);
      expect(after[0]?.cohorts[0]?.outcomes).toEqual(Q1_OUTCOMES);
      expect(after[0]?.cohorts[1]?.outcomes).toEqual(Q2_OUTCOMES);
    });
  });
});
