import { CSRF_HEADER, evaluationPeriod, type EvaluationQuarter, type EvaluationReportResponse, type EvaluationTableResponse } from '@wegweiser/shared/contracts';
import { demoUsers, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { createReportFixture, ReportFixture } from './report-fixture';
import { insertPerson, publishedGender, type Person } from './metrics-dataset';

/** The footnote of every table by gender (issue 19; the wording official statistics would use). */
const GENDER_ASSIGNMENT_NOTE =
  'Personen mit der Angabe divers oder ohne Angabe sind – wie in der amtlichen Statistik – per Zufall den Gruppen weiblich und männlich zugeordnet; nicht ausgewiesen, um sie zu schützen.';
const preview = (who: SignedInAgent, body: object) => who.agent.post('/api/evaluation/preview').set(CSRF_HEADER, who.csrf).send(body);
const tables = (report: EvaluationReportResponse) => report.sections.flatMap((s) => s.tables);
const table = (report: EvaluationReportResponse, id: string): EvaluationTableResponse => {
  const found = tables(report).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const row = (t: EvaluationTableResponse, label: string) => {
  const found = t.rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row ${label} in ${t.id}`);
  return found;
};
const column = (t: EvaluationTableResponse, label: string) => t.rows.map((r) => r.values[t.columnLabels.indexOf(label)]);

/** The quarter before the one `day` (YYYY-MM-DD) is in: the most recent complete quarter. */
function previousQuarter(day: string): { year: number; quarter: EvaluationQuarter } {
  const index = Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3) - 1;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as EvaluationQuarter };
}

/**
 * Issue 19: gender is published as weiblich / männlich only; "divers" and "keine Angabe" are assigned at random
 * (stable per person), as official statistics do, so that a small third group no longer takes the women's figures
 * into complementary suppression.
 */
describe('evaluation report: the women stay visible (issue 19)', () => {
  describe('a hand-made quarter: 15 women, 22 men, 3 divers / keine Angabe', () => {
    let f: ReportFixture;
    const ids: { id: string; gender: Person['gender'] }[] = [];

    beforeAll(async () => {
      f = await createReportFixture();
      const where = { municipalityId: f.municipalityId, teamId: f.teamId };
      const genders: Person['gender'][] = [
        ...Array<Person['gender']>(15).fill('female'),
        ...Array<Person['gender']>(22).fill('male'),
        'diverse',
        'diverse',
        'unspecified',
      ];
      for (const [i, gender] of genders.entries()) {
        // B1 for every second person in the first year, so that the outcome tables have cells above k.
        const b1: Person['b1'] = i % 2 ? ['2023-08-01', 'B1'] : undefined;
        const id = await insertPerson(f.db.ownerUrl, where, { key: `g${i}`, gender, born: '1990-01-01', country: 'SY', start: `2023-0${1 + (i % 3)}-10`, b1 });
        ids.push({ id, gender });
      }
    });

    afterAll(async () => {
      await f?.close();
    });

    it('publishes the women of 2023-Q1 by cohort and in every outcome table by gender, with the footnote', async () => {
      const report = (await preview(f.asEvaluator, { template: 'annualCouncil', ...evaluationPeriod('quarter', 2023, 1) }).expect(200)).body as EvaluationReportResponse;
      const women = ids.filter((p) => publishedGender(p.id, p.gender) === 'female').length;
      expect(women).toBeGreaterThanOrEqual(15);
      expect(women).toBeLessThanOrEqual(18);

      const byGender = table(report, 'cohorts.gender');
      expect(byGender.columnLabels).toEqual(['weiblich', 'männlich', 'Insgesamt']);
      expect(byGender.rows.map((r) => r.values)).toEqual([
        [women, 40 - women, 40],
        [women, 40 - women, 40],
      ]);
      expect(byGender.footnotes).toContain(GENDER_ASSIGNMENT_NOTE);

      const outcomeTables = tables(report).filter((t) => t.id.startsWith('breakdown.gender.') && t.kind === 'count');
      expect(outcomeTables.length).toBeGreaterThan(0);
      for (const t of outcomeTables) {
        expect({ id: t.id, rows: t.rows.map((r) => r.label) }).toEqual({ id: t.id, rows: ['weiblich', 'männlich', 'Insgesamt'] });
        expect({ id: t.id, women: row(t, 'weiblich').values.at(-1) }).toEqual({ id: t.id, women });
        expect(t.footnotes).toContain(GENDER_ASSIGNMENT_NOTE);
      }
      // Cells of the outcome rows may still be hidden by the usual rules (zeros in the later intervals need a
      // complement in each row); what a small third group did before, hide every figure of the women, is gone.
      expect(JSON.stringify(report)).not.toMatch(/divers \/ keine Angabe/);
    });
  });

  describe('acceptance 8: the one-quarter council report of the demo data', () => {
    let db: TestDatabase;
    let api: TestApp;
    let evaluator: SignedInAgent;

    beforeAll(async () => {
      db = await createTestDatabase();
      // As `npm start` loads it: the demo data with the default size and seed, anchored to today.
      api = await createTestApp(db, [], { DEMO_DATA: 'true', LOGIN_RATE_LIMIT_PER_IP: '1000' });
      evaluator = await signIn(api.app.getHttpServer(), pick(await demoUsers(db.ownerUrl), 'evaluator').email);
    }, 300_000);

    afterAll(async () => {
      await api?.close();
      await db?.drop();
    });

    const quarterReport = async (year: number, quarter: EvaluationQuarter) => {
      const report = (await preview(evaluator, { template: 'annualCouncil', ...evaluationPeriod('quarter', year, quarter) }).expect(200)).body as EvaluationReportResponse;
      return report;
    };

    /** The women's size is printed in the cohort table and in every outcome table by gender; returns the tables. */
    const expectWomenSizes = (report: EvaluationReportResponse) => {
      const byGender = table(report, 'cohorts.gender');
      expect(byGender.columnLabels).toEqual(['weiblich', 'männlich', 'Insgesamt']);
      const women = column(byGender, 'weiblich');
      expect(women.every((v) => v !== null && v >= report.k)).toBe(true);
      expect(byGender.rows.flatMap((r) => r.text)).not.toContain('·');
      const outcomeTables = tables(report).filter((t) => t.id.startsWith('breakdown.gender.') && t.kind === 'count');
      expect(outcomeTables.length).toBeGreaterThan(0);
      for (const t of outcomeTables) expect({ id: t.id, size: row(t, 'weiblich').values.at(-1) }).toEqual({ id: t.id, size: women[0] });
      return outcomeTables;
    };

    it('shows the women in the most recent complete quarter (cohort size by gender, group size in every outcome table)', async () => {
      const [today] = await adminQuery<{ day: string }>(`SELECT (now() AT TIME ZONE 'Europe/Berlin')::date::text AS day`, [], db.ownerUrl);
      const { year, quarter } = previousQuarter(today?.day ?? '');
      expectWomenSizes(await quarterReport(year, quarter));
    });

    it('shows the women a year earlier too, in the most recent quarter observable for 12 months', async () => {
      const [day] = await adminQuery<{ day: string }>(`SELECT ((now() AT TIME ZONE 'Europe/Berlin')::date - interval '12 months')::date::text AS day`, [], db.ownerUrl);
      // The quarter before the one a year ago: its last day plus 12 months has passed.
      const { year, quarter } = previousQuarter(day?.day ?? '');
      expectWomenSizes(await quarterReport(year, quarter));
    });
  });
});
