import { createHash } from 'node:crypto';
import { adminQuery } from '../support/test-database';

/**
 * The fixed dataset of the metrics test (inserted as the owning role): an own
 * municipality "EVAL" with two cohorts of 2024 (Q1: a1–a12, Q2: b1–b10), one
 * client each just before and after them, and a client of another
 * municipality in Q1. Every figure the test expects is worked out by hand from
 * the comments here (months = whole months completed since support start).
 */
export interface Person {
  key: string;
  gender: 'female' | 'male' | 'diverse' | 'unspecified';
  born: string;
  country: string;
  start: string;
  closed?: 'moved_away' | 'no_contact' | 'declined';
  b1?: [string, 'B1' | 'B2' | 'C1'];
  /** The b1 outcome was there at support start ("bei Beginn vorhanden"). */
  b1AtStart?: boolean;
  /** The German language skill (certificate and date make it certified). */
  german?: {
    level: 'A2' | 'B1' | 'B2' | 'C1';
    certificate: string | null;
    certifiedOn: string | null;
  };
  jobs?: {
    on: string;
    kind: 'social_insurance' | 'mini_job' | 'self_employed';
    fullTime: boolean;
    matching: boolean;
    ended?: string;
    atStart?: boolean;
  }[];
  apprenticeship?: string;
  studies?: string;
  /** Apprenticeships / studies with their end (`completed`: with the qualification). */
  trainings?: {
    kind: 'apprenticeship' | 'studies';
    on: string;
    ended?: string;
    completed?: boolean;
    atStart?: boolean;
  }[];
  /** Responsible manager (user id): holds the case, and agrees its plans. */
  manager?: string;
  /** Days on which a version of the integration plan was agreed (needs `manager`). */
  plans?: string[];
  /** [rated on, health, social environment, employment quality] */
  ratings?: [string, number, number, number | null][];
  /** [field of action, state] */
  goals?: [string, string][];
}

export const PEOPLE: Person[] = [
  // Q1 2024
  {
    key: 'a1',
    gender: 'female',
    born: '1990-05-10',
    country: 'SY',
    start: '2024-01-15', // 33 → 25–34, Naher Osten
    b1: ['2025-01-14', 'B1'], // 11 months: within 12
    jobs: [
      {
        on: '2025-06-01',
        kind: 'social_insurance',
        fullTime: true,
        matching: true,
      },
    ], // 16
    ratings: [
      ['2024-02-01', 2, 3, null],
      ['2024-08-01', 3, 2, 4],
      ['2025-02-01', 4, 3, 3],
    ], // health ↑, social =, quality ↓
    goals: [
      ['language', 'achieved'],
      ['work', 'achieved'],
      ['work', 'not_achieved'],
      ['housing', 'open'],
    ],
  },
  {
    key: 'a2',
    gender: 'male',
    born: '2000-02-29',
    country: 'UA',
    start: '2024-01-15',
    closed: 'moved_away', // 23 → 18–24
    b1: ['2025-01-15', 'B1'], // exactly 12 months: not within 12, within 24
    ratings: [
      ['2024-03-01', 4, 4, null],
      ['2024-09-01', 3, 5, null],
    ], // health ↓, social ↑, quality: none
    goals: [
      ['language', 'achieved'],
      ['language', 'dropped'],
    ],
  },
  {
    key: 'a3',
    gender: 'female',
    born: '1980-03-01',
    country: 'AF',
    start: '2024-01-31', // 43 → 35–44
    b1: ['2024-02-29', 'B1'], // Jan 31 + 1 month = Feb 29: 1
    jobs: [
      { on: '2026-01-30', kind: 'mini_job', fullTime: false, matching: false },
    ], // 23: within 24
    ratings: [['2024-03-01', 1, 1, 1]], // one rating only: no change
    goals: [
      ['work', 'achieved'],
      ['work', 'achieved'],
    ],
  },
  {
    key: 'a4',
    gender: 'male',
    born: '1970-07-07',
    country: 'IQ',
    start: '2024-02-01', // 53 → 45+
    b1: ['2026-11-30', 'B2'], // 33: within 36 only
    // and a self-employment at 36 months (LATE_JOBS): not within 36
    ratings: [
      ['2024-03-01', 3, 3, 2],
      ['2025-03-01', 3, 2, 2],
    ], // health =, social ↓, quality =
    goals: [['health', 'not_achieved']],
  },
  {
    key: 'a5',
    gender: 'diverse',
    born: '2006-03-15',
    country: 'ER',
    start: '2024-02-10',
    closed: 'moved_away',
    apprenticeship: '2024-09-01',
  }, // 17 → unter 18; 6 months
  {
    key: 'a6',
    gender: 'female',
    born: '1995-01-01',
    country: 'TR',
    start: '2024-03-01',
    b1: ['2024-03-01', 'B1'],
  }, // 29; B1 on the start day: 0 months (before the start it would be "bei Beginn", see metrics-definitions)
  {
    key: 'a7',
    gender: 'male',
    born: '1985-12-31',
    country: 'VE',
    start: '2024-03-10',
    studies: '2025-10-01',
  }, // 38, Sonstige; 18 months
  {
    key: 'a8',
    gender: 'female',
    born: '1992-06-01',
    country: 'SO',
    start: '2024-03-20', // 31
    b1: ['2024-09-20', 'B1'], // 6
    jobs: [
      {
        on: '2024-12-19',
        kind: 'social_insurance',
        fullTime: false,
        matching: true,
      }, // 8: first employment, part time, matching
      {
        on: '2025-05-01',
        kind: 'social_insurance',
        fullTime: true,
        matching: false,
      }, // 13: first full time
    ],
  },
  {
    key: 'a9',
    gender: 'male',
    born: '1999-09-09',
    country: 'SY',
    start: '2024-03-31',
    closed: 'no_contact',
  }, // 24
  {
    key: 'a10',
    gender: 'female',
    born: '1960-01-01',
    country: 'UA',
    start: '2024-01-02',
    b1: ['2024-04-02', 'C1'],
  }, // 64; 3
  {
    key: 'a11',
    gender: 'male',
    born: '1988-08-08',
    country: 'RU',
    start: '2024-02-15',
    jobs: [
      { on: '2024-03-01', kind: 'mini_job', fullTime: false, matching: false },
    ],
  }, // 35; 0
  {
    key: 'a12',
    gender: 'unspecified',
    born: '1999-03-05',
    country: 'EG',
    start: '2024-03-05',
  }, // 25th birthday on the start: 25–34
  // Q2 2024
  {
    key: 'b1',
    gender: 'female',
    born: '1991-04-01',
    country: 'SY',
    start: '2024-04-01',
    b1: ['2024-10-01', 'B1'],
    ratings: [
      ['2024-05-01', 2, 2, null],
      ['2025-05-01', 5, 4, null],
    ],
  }, // 33; 6
  {
    key: 'b2',
    gender: 'male',
    born: '1994-05-05',
    country: 'AF',
    start: '2024-04-15',
    b1: ['2025-04-14', 'B1'],
    goals: [['social_participation', 'dropped']],
  }, // 29; 11
  {
    key: 'b3',
    gender: 'female',
    born: '1983-06-06',
    country: 'UA',
    start: '2024-05-01',
    b1: ['2024-06-15', 'C1'],
  }, // 40; 1
  {
    key: 'b4',
    gender: 'male',
    born: '2001-01-01',
    country: 'IQ',
    start: '2024-05-31',
    b1: ['2026-05-31', 'B1'],
  }, // 23; 24: not within 24
  {
    key: 'b5',
    gender: 'female',
    born: '1975-02-02',
    country: 'ER',
    start: '2024-06-30',
    jobs: [
      {
        on: '2025-06-30',
        kind: 'social_insurance',
        fullTime: true,
        matching: true,
      },
    ],
  }, // 49; 12
  {
    key: 'b6',
    gender: 'male',
    born: '1997-07-07',
    country: 'SY',
    start: '2024-06-01', // 26
    jobs: [
      { on: '2024-12-01', kind: 'mini_job', fullTime: false, matching: false },
    ], // 6
    apprenticeship: '2025-08-01', // 14
  },
  {
    key: 'b7',
    gender: 'female',
    born: '1989-09-09',
    country: 'UA',
    start: '2024-04-10',
    closed: 'declined',
  }, // 34
  {
    key: 'b8',
    gender: 'male',
    born: '1979-10-10',
    country: 'TR',
    start: '2024-04-20',
    studies: '2026-11-19',
  }, // 44; 31
  {
    key: 'b9',
    gender: 'diverse',
    born: '2004-12-12',
    country: 'SO',
    start: '2024-05-05',
  }, // 19
  {
    key: 'b10',
    gender: 'male',
    born: '1968-03-03',
    country: 'PK',
    start: '2024-06-10',
  }, // 56
  // Outside the quarters asked for (x2 is in the year 2024 too).
  {
    key: 'x1',
    gender: 'female',
    born: '1990-01-01',
    country: 'SY',
    start: '2023-12-31',
    b1: ['2024-01-15', 'B1'],
  },
  {
    key: 'x2',
    gender: 'male',
    born: '1990-01-01',
    country: 'SY',
    start: '2024-07-01',
    b1: ['2024-08-15', 'B1'],
  },
];

/**
 * Outcomes dated after every real "today" of the test runs (after 2026-12-07): only the metrics test adds them, with a
 * fixed `observedUntil`, so that the report tests (observed until the real today) never depend on the day they run.
 */
export const LATE_JOBS: {
  key: string;
  job: NonNullable<Person['jobs']>[number];
}[] = [
  // a4 (start 2024-02-01): 36 months, not within 36
  {
    key: 'a4',
    job: {
      on: '2027-02-01',
      kind: 'self_employed',
      fullTime: true,
      matching: false,
    },
  },
];

/** Inserts a municipality with one team and returns their ids. */
export async function createMunicipality(
  ownerUrl: string,
  code: string,
): Promise<{ municipalityId: string; teamId: string }> {
  const [m] = await adminQuery<{ id: string }>(
    `INSERT INTO municipality (code, name) VALUES ($1, $2) RETURNING id`,
    [code, `Testkommune ${code}`],
    ownerUrl,
  );
  const [t] = await adminQuery<{ id: string }>(
    `INSERT INTO team (municipality_id, name) VALUES ($1, 'Team Evaluation') RETURNING id`,
    [m?.id],
    ownerUrl,
  );
  if (!m || !t) throw new Error('municipality not created');
  return { municipalityId: m.id, teamId: t.id };
}

/** Inserts a manager of the municipality's team; returns the user id. */
export async function createManager(
  ownerUrl: string,
  where: { municipalityId: string; teamId: string },
  email: string,
): Promise<string> {
  const [row] = await adminQuery<{ id: string }>(
    `INSERT INTO app_user (municipality_id, team_id, email, first_name, last_name, role, password_hash) VALUES ($1, $2, $3, 'Test', 'Manager', 'manager', 'x') RETURNING id`,
    [where.municipalityId, where.teamId, email],
    ownerUrl,
  );
  if (!row) throw new Error('manager not created');
  return row.id;
}

/** Inserts one employment outcome of a client. */
export async function insertJob(
  ownerUrl: string,
  municipalityId: string,
  clientId: string,
  job: NonNullable<Person['jobs']>[number],
): Promise<void> {
  await adminQuery(
    `INSERT INTO outcome (municipality_id, client_id, kind, achieved_on, ended_on, present_at_start, employment_kind, full_time, matches_qualification)
     VALUES ($1, $2, 'employment', $3, $4, $5, $6, $7, $8)`,
    [
      municipalityId,
      clientId,
      job.on,
      job.ended ?? null,
      job.atStart ?? false,
      job.kind,
      job.fullTime,
      job.matching,
    ],
    ownerUrl,
  );
}

/**
 * The client id of a dataset person: fixed by the municipality's code and the person's key (`$1` municipality id,
 * `$3` case number `EV-2024-<key>`), so that the published gender of "divers" / "keine Angabe" persons (a bit of md5
 * of the id) is the same in every run and hand figures can be written down.
 */
const DATASET_CLIENT_ID_SQL = `md5('metrics-dataset:' || (SELECT code FROM municipality WHERE id = $1) || ':' || $3)::uuid`;

/**
 * The published gender of a client (issue 19), computed here independently of the SQL: female and male stay,
 * "divers" and "keine Angabe" go to female when the first byte of md5 of the client id (text) is even, else male.
 */
export function publishedGender(clientId: string, gender: Person['gender']): 'female' | 'male' {
  if (gender === 'female' || gender === 'male') return gender;
  return createHash('md5').update(clientId).digest()[0] % 2 === 0 ? 'female' : 'male';
}

/** Inserts one person with outcomes, ratings and goals; returns the client id. */
export async function insertPerson(
  ownerUrl: string,
  where: { municipalityId: string; teamId: string },
  p: Person,
): Promise<string> {
  const sql = <T extends object>(query: string, params: unknown[]) =>
    adminQuery<T>(query, params, ownerUrl);
  const m = where.municipalityId;
  const [client] = await sql<{ id: string }>(
    `INSERT INTO client (id, municipality_id, team_id, case_number, first_name, last_name, date_of_birth, gender, country_of_origin, support_start,
                         support_window_end, support_state, closed_on, closure_reason)
     VALUES (${DATASET_CLIENT_ID_SQL}, $1, $2, $3, 'Testperson', $4, $5, $6, $7, $8, ($8::date + interval '36 months')::date, $9, $10, $11) RETURNING id`,
    [
      m,
      where.teamId,
      `EV-2024-${p.key}`,
      `Kohorte ${p.key}`,
      p.born,
      p.gender,
      p.country,
      p.start,
      p.closed ? 'closed' : 'active',
      p.closed ? '2025-12-01' : null,
      p.closed ?? null,
    ],
  );
  const id = client?.id;
  if (!id) throw new Error(`client ${p.key} not created`);
  if (p.manager)
    await sql(`UPDATE client SET responsible_manager_id = $2 WHERE id = $1`, [
      id,
      p.manager,
    ]);
  const outcome = (
    kind: string,
    on: string,
    extra: {
      level?: string;
      atStart?: boolean;
      ended?: string;
      completed?: boolean;
    } = {},
  ) =>
    sql(
      `INSERT INTO outcome (municipality_id, client_id, kind, achieved_on, level, present_at_start, ended_on, completed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        m,
        id,
        kind,
        on,
        extra.level ?? null,
        extra.atStart ?? false,
        extra.ended ?? null,
        extra.completed ?? null,
      ],
    );
  if (p.b1)
    await outcome('b1', p.b1[0], { level: p.b1[1], atStart: p.b1AtStart });
  for (const job of p.jobs ?? []) await insertJob(ownerUrl, m, id, job);
  if (p.apprenticeship) await outcome('apprenticeship', p.apprenticeship);
  if (p.studies) await outcome('studies', p.studies);
  for (const t of p.trainings ?? []) await outcome(t.kind, t.on, t);
  if (p.german)
    await sql(
      `INSERT INTO language_skill (municipality_id, client_id, language, level, certificate, certified_on) VALUES ($1, $2, 'de', $3, $4, $5)`,
      [m, id, p.german.level, p.german.certificate, p.german.certifiedOn],
    );
  for (const [version, agreedOn] of (p.plans ?? []).entries())
    await sql(
      `INSERT INTO plan_agreement (municipality_id, client_id, version, agreed_on, agreed_by, snapshot) VALUES ($1, $2, $3, $4, $5, '{"goals": [], "referrals": []}')`,
      [m, id, version + 1, agreedOn, p.manager],
    );
  for (const [on, health, social, quality] of p.ratings ?? []) {
    await sql(
      `INSERT INTO soft_rating (municipality_id, client_id, rated_on, health, social_environment, employment_quality) VALUES ($1, $2, $3, $4, $5, $6)`,
      [m, id, on, health, social, quality],
    );
  }
  for (const [field, state] of p.goals ?? []) {
    await sql(
      `INSERT INTO goal (municipality_id, client_id, field_of_action, target, target_level, due_on, state, state_changed_on)
       VALUES ($1, $2, $3, 'Testziel', $4, '2025-06-30', $5, '2025-06-30')`,
      [m, id, field, field === 'language' ? 'B1' : null, state],
    );
  }
  return id;
}
