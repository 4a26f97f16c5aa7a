import { SET_TENANT_SQL, TenantTransactions } from '@wegweiser/api/database';
import {
  EvaluationMetricsService,
  EvaluationModule,
  EvaluationRecordService,
  livePersonsSql,
  MetricsByBreakdown,
  PersonSource,
  readModelPersonsSql,
} from '@wegweiser/api/evaluation';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
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
  PEOPLE,
  Person,
} from './metrics-dataset';

/**
 * Issue 20, acceptance 2: the evaluation read model (`evaluation_row`, kept by triggers in the writer's
 * transaction) gives the same persons and the same figures as the live computation over the case tables, on a
 * dataset with every kind of outcome, after every kind of change. Each change is made as the application role in
 * a tenant transaction (as the API writes) and must change the live figures, so that an equality after it is not
 * an equality of two unchanged things.
 */

/** Observation days: inside the cohorts' first year, in the middle, today-ish, and past everyone's month 36. */
const OBSERVED = ['2024-06-30', '2025-03-15', '2026-06-30', '2027-12-31'];
const QUERY = {
  from: '2024-01-01',
  to: '2024-12-31',
  granularity: 'quarter' as const,
};

/** More persons beside PEOPLE: trainings completed and broken off, things there at start, jobs that end. */
const MORE: Person[] = [
  {
    key: 'r1',
    gender: 'unspecified',
    born: '2003-03-03',
    country: 'SY',
    start: '2024-02-01',
    trainings: [
      {
        kind: 'apprenticeship',
        on: '2024-08-01',
        ended: '2025-01-31',
        completed: false,
      },
      {
        kind: 'apprenticeship',
        on: '2025-08-01',
        ended: '2026-07-31',
        completed: true,
      },
    ],
    jobs: [
      {
        on: '2024-03-01',
        kind: 'mini_job',
        fullTime: false,
        matching: false,
        ended: '2025-02-28',
      },
      {
        on: '2023-05-01',
        kind: 'self_employed',
        fullTime: true,
        matching: true,
        atStart: true,
        ended: '2024-04-30',
      },
    ],
    german: { level: 'B2', certificate: 'telc B2', certifiedOn: '2025-02-01' },
    ratings: [
      ['2024-03-01', 2, 2, 2],
      ['2025-03-01', 3, 1, 2],
    ],
    goals: [
      ['education', 'in_progress'],
      ['work', 'open'],
    ],
  },
  {
    key: 'r2',
    gender: 'female',
    born: '1985-11-11',
    country: 'ER',
    start: '2024-05-15',
    closed: 'declined',
    trainings: [
      {
        kind: 'studies',
        on: '2024-10-01',
        ended: '2025-09-30',
        completed: false,
      },
    ],
    b1: ['2024-01-10', 'B1'],
    b1AtStart: true,
    jobs: [
      {
        on: '2025-10-01',
        kind: 'social_insurance',
        fullTime: true,
        matching: false,
      },
    ],
  },
];

describe('evaluation read model equals the live computation (issue 20, acceptance 2)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let place: { municipalityId: string; teamId: string };
  let managers: string[];
  const ids: Record<string, string> = {};
  const owner = <T extends object>(query: string, params: unknown[] = []) =>
    adminQuery<T>(query, params, db.ownerUrl);
  const inTenant = <T>(work: () => Promise<T>) =>
    api.app
      .get(ClsService)
      .run(() =>
        api.app
          .get(TenantTransactions)
          .withTenant(place.municipalityId, null, work),
      );
  /** A write as the application role in the tenant's transaction. */
  const write = (query: string, params: unknown[] = []) =>
    inTenant(() =>
      api.app
        .get<TransactionHost<TransactionalAdapterTypeOrm>>(TransactionHost)
        .tx.query(query, params),
    );
  const persons = (sql: string, observedUntil: string) =>
    inTenant(async () => {
      const rows: Record<string, unknown>[] = await api.app
        .get<TransactionHost<TransactionalAdapterTypeOrm>>(TransactionHost)
        .tx.query(`SELECT * FROM (${sql}) p ORDER BY client_id`, [
          observedUntil,
        ]);
      return rows;
    });
  const figures = (
    source: PersonSource,
    observedUntil: string,
  ): Promise<MetricsByBreakdown> =>
    inTenant(() =>
      api.app
        .get(EvaluationMetricsService)
        .metricsByBreakdown(
          { ...QUERY, observedUntil },
          ['gender', 'ageBand', 'region'],
          source,
        ),
    );
  /** Every observation day: the same persons row by row, and the same figures (totals and breakdowns). */
  const expectSame = async () => {
    for (const day of OBSERVED) {
      const live = await persons(livePersonsSql('$1::date'), day);
      expect(live.length).toBeGreaterThan(20);
      expect(await persons(readModelPersonsSql('$1::date'), day)).toEqual(live);
      expect(await figures('readModel', day)).toEqual(
        await figures('live', day),
      );
    }
  };
  /** Runs `change`, checks that it changed the live figures of some observation day, and that both still agree. */
  const afterChange = async (change: () => Promise<unknown>) => {
    const before = await Promise.all(
      OBSERVED.map((day) => figures('live', day)),
    );
    await change();
    const after = await Promise.all(
      OBSERVED.map((day) => figures('live', day)),
    );
    expect(after).not.toEqual(before);
    await expectSame();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [EvaluationModule]);
    place = await createMunicipality(db.ownerUrl, 'LESE');
    managers = [
      await createManager(db.ownerUrl, place, 'm1.lese@lese.example'),
      await createManager(db.ownerUrl, place, 'm2.lese@lese.example'),
    ];
    for (const person of [...PEOPLE, ...MORE])
      ids[person.key] = await insertPerson(db.ownerUrl, place, {
        ...person,
        manager: managers[0],
        plans:
          person.key === 'a1' ? ['2024-03-01', '2024-09-01'] : person.plans,
      });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('holds one row per live client, and agrees on the dataset as inserted', async () => {
    const [{ rows }] = await owner<{ rows: number }>(
      `SELECT count(*)::int AS rows FROM evaluation_row e JOIN client c ON c.id = e.client_id`,
    );
    const [{ clients }] = await owner<{ clients: number }>(
      `SELECT count(*)::int AS clients FROM client`,
    );
    expect(rows).toBe(clients);
    await expectSame();
  });

  it('an outcome added', () =>
    afterChange(() =>
      write(
        `INSERT INTO outcome (municipality_id, client_id, kind, achieved_on, employment_kind, full_time, matches_qualification)
         VALUES ($1, $2, 'employment', '2024-11-01', 'social_insurance', true, true)`,
        [place.municipalityId, ids['a9']],
      ),
    ));

  it('an outcome corrected (its date and its end)', () =>
    afterChange(() =>
      write(
        `UPDATE outcome SET achieved_on = '2024-07-01', ended_on = '2025-05-31' WHERE client_id = $1 AND kind = 'employment' AND achieved_on = '2024-12-19'`,
        [ids['a8']],
      ),
    ));

  it('an outcome deleted', () =>
    afterChange(() =>
      write(`DELETE FROM outcome WHERE client_id = $1 AND kind = 'b1'`, [
        ids['a10'],
      ]),
    ));

  it('a goal state changed', () =>
    afterChange(() =>
      write(
        `UPDATE goal SET state = 'achieved', state_changed_on = '2025-07-01' WHERE client_id = $1 AND field_of_action = 'housing'`,
        [ids['a1']],
      ),
    ));

  it('a certificate, a rating and an agreed plan added', () =>
    afterChange(async () => {
      await write(
        `INSERT INTO language_skill (municipality_id, client_id, language, level, certificate, certified_on) VALUES ($1, $2, 'de', 'B1', 'DTZ B1', '2024-09-01')`,
        [place.municipalityId, ids['b9']],
      );
      await write(
        `INSERT INTO soft_rating (municipality_id, client_id, rated_on, health, social_environment, employment_quality) VALUES ($1, $2, '2025-01-01', 1, 5, null)`,
        [place.municipalityId, ids['a3']],
      );
      await write(
        `INSERT INTO plan_agreement (municipality_id, client_id, version, agreed_on, agreed_by, snapshot) VALUES ($1, $2, 1, '2024-06-01', $3, '{"goals": [], "referrals": []}')`,
        [place.municipalityId, ids['b10'], managers[0]],
      );
    }));

  it('a client reassigned to another manager (no figure of the cohorts changes, the caseload does not either)', async () => {
    const before = await figures('live', OBSERVED[2] ?? '');
    await write(`UPDATE client SET responsible_manager_id = $2 WHERE id = $1`, [
      ids['b1'],
      managers[1],
    ]);
    const after = await figures('live', OBSERVED[2] ?? '');
    expect(after.total.caseload.managers).toBe(
      before.total.caseload.managers + 1,
    );
    await expectSame();
  });

  it('a closed case reopened', () =>
    afterChange(() =>
      write(
        `UPDATE client SET support_state = 'active', closure_reason = NULL, closed_on = NULL WHERE id = $1`,
        [ids['a2']],
      ),
    ));

  it('the support start corrected (cohort, age and every month move)', () =>
    afterChange(() =>
      write(`UPDATE client SET support_start = '2024-04-02' WHERE id = $1`, [
        ids['a11'],
      ]),
    ));

  it('a client erased: the row goes with the client, the anonymous record takes its place', async () => {
    const day = OBSERVED[2] ?? '';
    await inTenant(() =>
      api.app
        .get(EvaluationRecordService)
        .recordForErasure(ids['r1'] ?? '', day),
    );
    await write(`DELETE FROM client WHERE id = $1`, [ids['r1']]);
    expect(
      await owner(`SELECT 1 FROM evaluation_row WHERE client_id = $1`, [
        ids['r1'],
      ]),
    ).toEqual([]);
    expect(await figures('readModel', day)).toEqual(await figures('live', day));
    await expectSame();
  });

  it('two writers of one client at once: the second waits for the first, and the row has both', async () => {
    const connect = async () => {
      const client = new Client({ connectionString: db.appUrl });
      await client.connect();
      await client.query('BEGIN');
      await client.query(SET_TENANT_SQL, [place.municipalityId, '']);
      return client;
    };
    const first = await connect();
    const second = await connect();
    const job = (on: string) =>
      `INSERT INTO outcome (municipality_id, client_id, kind, achieved_on, employment_kind, full_time, matches_qualification)
       VALUES ('${place.municipalityId}', '${ids['b10']}', 'employment', '${on}', 'mini_job', false, false)`;
    const b1 = `INSERT INTO outcome (municipality_id, client_id, kind, achieved_on, level) VALUES ('${place.municipalityId}', '${ids['b10']}', 'b1', '2025-01-20', 'B1')`;
    try {
      await first.query(job('2024-09-01'));
      let secondDone = false;
      const secondWrite = second.query(b1).then(() => (secondDone = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondDone).toBe(false); // waits for the first writer's row lock
      await first.query('COMMIT');
      await secondWrite;
      await second.query('COMMIT');
    } finally {
      await first.end();
      await second.end();
    }
    const [row] = await owner<{ employment_on: string; b1_outcome_on: string }>(
      `SELECT employment_on::text, b1_outcome_on::text FROM evaluation_row WHERE client_id = $1`,
      [ids['b10']],
    );
    expect(row).toEqual({
      employment_on: '2024-09-01',
      b1_outcome_on: '2025-01-20',
    });
    await expectSame();
  });
});
