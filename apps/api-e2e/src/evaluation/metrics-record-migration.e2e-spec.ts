import { MIGRATIONS } from '@wegweiser/api/database';
import { PERSON_COLUMNS } from '@wegweiser/api/evaluation';
import { QueryRunner } from 'typeorm';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { createMunicipality } from './metrics-dataset';

/**
 * Migration 1767300000000: records of clients erased before issue 19 get the new columns, filled with what they hold
 * (nothing at start, status from the kinds of job begun by month m, training begun within 36 months as ongoing, no
 * plan, observed from their quarter to the migration day); down and up again leave the table as the code expects.
 */
describe('evaluation record: migration of records made before issue 19', () => {
  let db: TestDatabase;
  let api: TestApp;
  const sql = <T extends object>(query: string, params: unknown[] = []) => adminQuery<T>(query, params, db.ownerUrl);
  const runner = () => ({ query: (query: string) => sql(query) }) as unknown as QueryRunner;
  const Migration = MIGRATIONS.find((m) => m.name === 'AddEvaluationRecordDefinitions1767300000000');
  if (!Migration) throw new Error('migration 1767300000000 not registered');
  const migration = new Migration();

  beforeAll(async () => {
    db = await createTestDatabase();
    // Starting the API migrates the database.
    api = await createTestApp(db, []);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('fills the new columns of old records, and down/up gives the columns the metrics read', async () => {
    const { municipalityId } = await createMunicipality(db.ownerUrl, 'ALT');
    await migration.down(runner());
    const old = (cohort: string, months: Record<string, number>) =>
      sql(
        `INSERT INTO evaluation_record (municipality_id, cohort_quarter, gender, age_band, region, ${Object.keys(months).join(', ')})
         VALUES ($1, $2, 'female', '25_34', 'middle_east', ${Object.keys(months).map((_, i) => `$${i + 3}`).join(', ')})`,
        [municipalityId, cohort, ...Object.values(months)],
      );
    await old('2020-01-01', { employment_months: 5, employment_mini_job_months: 5, employment_social_insurance_months: 20, apprenticeship_months: 10 });
    await old('2020-04-01', { employment_months: 30, employment_self_employed_months: 30, studies_months: 40 });
    await migration.up(runner());

    const columns = await sql<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'evaluation_record' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([...PERSON_COLUMNS]);
    const rows = await sql(
      `SELECT b1_preexisting, employment_preexisting, apprenticeship_preexisting, studies_preexisting,
              employment_status_12, employment_status_24, employment_status_36, apprenticeship_status_36, studies_status_36,
              observed_months, plan_months
         FROM evaluation_record ORDER BY cohort_quarter`,
    );
    const nothingAtStart = { b1_preexisting: false, employment_preexisting: false, apprenticeship_preexisting: false, studies_preexisting: false };
    expect(rows).toEqual([
      {
        ...nothingAtStart,
        employment_status_12: 'mini_job',
        employment_status_24: 'social_insurance',
        employment_status_36: 'social_insurance',
        apprenticeship_status_36: 'ongoing',
        studies_status_36: 'not_started',
        observed_months: 36,
        plan_months: null,
      },
      {
        ...nothingAtStart,
        employment_status_12: 'not_employed',
        employment_status_24: 'not_employed',
        employment_status_36: 'self_employed',
        apprenticeship_status_36: 'not_started',
        studies_status_36: 'not_started',
        observed_months: 36,
        plan_months: null,
      },
    ]);
    // The new columns refuse what the metrics cannot read.
    await expect(sql(`UPDATE evaluation_record SET employment_status_24 = 'employed'`)).rejects.toThrow(/check constraint/);
    await expect(sql(`UPDATE evaluation_record SET observed_months = 37`)).rejects.toThrow(/check constraint/);
    await expect(sql(`UPDATE evaluation_record SET studies_status_36 = NULL`)).rejects.toThrow(/null value/);
  });

  it('1767600000000: records with "divers" / "keine Angabe" get female or male (the same for the same row), and the column refuses anything else', async () => {
    const Assign = MIGRATIONS.find((m) => m.name === 'AssignEvaluationRecordGender1767600000000');
    if (!Assign) throw new Error('migration 1767600000000 not registered');
    const assign = new Assign();
    const { municipalityId } = await createMunicipality(db.ownerUrl, 'ALTZ');
    await sql(`DELETE FROM evaluation_record`);
    await assign.down(runner());
    const old = (gender: string, b1Months: number | null) =>
      sql(
        `INSERT INTO evaluation_record (municipality_id, cohort_quarter, gender, age_band, region, b1_months, observed_months,
                                        employment_status_12, employment_status_24, employment_status_36, apprenticeship_status_36, studies_status_36)
         VALUES ($1, '2021-01-01', $2, '25_34', 'middle_east', $3, 36, 'not_employed', 'not_employed', 'not_employed', 'not_started', 'not_started')`,
        [municipalityId, gender, b1Months],
      );
    await old('female', 3);
    await old('male', 3);
    for (let i = 0; i < 12; i++) await old(i % 2 ? 'diverse' : 'unspecified', i + 4);
    await old('diverse', 20);
    await old('diverse', 20);
    await assign.up(runner());
    const rows = await sql<{ gender: string; b1_months: number }>(`SELECT gender, b1_months FROM evaluation_record ORDER BY b1_months, gender`);
    expect(rows).toHaveLength(16);
    for (const row of rows) expect(['female', 'male']).toContain(row.gender);
    // Identical rows are assigned alike (the draw depends on the row only).
    const twins = rows.filter((r) => r.b1_months === 20);
    expect(twins[0]?.gender).toBe(twins[1]?.gender);
    // The rows entered as female and male keep their gender.
    expect(rows.filter((r) => r.b1_months === 3).map((r) => r.gender)).toEqual(['female', 'male']);
    await expect(sql(`UPDATE evaluation_record SET gender = 'diverse'`)).rejects.toThrow(/check constraint/);
  });
});
