import { TenantTransactions } from '@wegweiser/api/database';
import { EvaluationRecordService } from '@wegweiser/api/evaluation';
import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { pdfText } from '@wegweiser/shared/pdf-testing';
import { ClsService } from 'nestjs-cls';
import { createReportFixture, DATASET_REQUEST, download, finishedReport, ReportFixture } from './report-fixture';

/** Names in Latin and original script, phones and e-mail addresses given to clients of the dataset. */
const PEOPLE_DATA = [
  { key: 'a1', first: 'Yasmin', last: 'Haddad', firstOriginal: 'ياسمين', lastOriginal: 'حداد', phone: '+49 176 5550101' },
  { key: 'a3', first: 'Farida', last: 'Rahimi', firstOriginal: 'فریده', lastOriginal: 'رحیمی', phone: '0711 5550103' },
  { key: 'a8', first: 'Hodan', last: 'Warsame', firstOriginal: null, lastOriginal: null, phone: '+49 151 5550108' },
  { key: 'b1', first: 'Samira', last: 'Khoury', firstOriginal: 'سميرة', lastOriginal: 'خوري', phone: '+49 160 5550201' },
  { key: 'b3', first: 'Olena', last: 'Kovalenko', firstOriginal: 'Олена', lastOriginal: 'Коваленко', phone: '0621 5550203' },
  { key: 'b6', first: 'Tarek', last: 'Mansour', firstOriginal: 'طارق', lastOriginal: 'منصور', phone: '+49 172 5550206' },
];
const CANARY = 'Kanarienvogel-Notiz-7731: Therapie nach Fluchttrauma';

const reversed = (text: string) => [...text].reverse().join('');
const germanDate = (iso: string) => iso.split('-').reverse().join('.');

/** Issue 7 acceptance 3 (no personal data in the report files) and 5 (erasure leaves older cohorts' reports as they were). */
describe('evaluation report: privacy', () => {
  let f: ReportFixture;
  const inTenant = <T>(run: () => Promise<T>) => f.api.app.get(ClsService).run(() => f.api.app.get(TenantTransactions).withTenant(f.municipalityId, null, run));

  beforeAll(async () => {
    f = await createReportFixture();
    for (const p of PEOPLE_DATA) {
      await f.sql(`UPDATE client SET first_name = $2, last_name = $3, first_name_original = $4, last_name_original = $5, phone = $6, email = $7 WHERE id = $1`, [
        f.ids[p.key],
        p.first,
        p.last,
        p.firstOriginal,
        p.lastOriginal,
        p.phone,
        `${p.first.toLowerCase()}.${p.last.toLowerCase()}@mail.example`,
      ]);
    }
    // A conversation note (encrypted at rest), written as the responsible manager.
    await f.asManager.agent
      .post(`/api/clients/${f.ids['a1']}/conversations`)
      .set(CSRF_HEADER, f.asManager.csrf)
      .send({
        heldAt: '2024-03-05T09:30:00+01:00',
        durationMinutes: 45,
        form: 'office',
        interpreter: 'professional',
        language: 'ar',
        topics: ['health'],
        note: CANARY,
        agreements: `${CANARY} (Vereinbarung)`,
        nextAppointmentAt: null,
      })
      .expect(201);
  });

  afterAll(async () => {
    await f?.close();
  });

  it('the PDF (as pdfjs reads it), the CSV and the JSON contain no name, case number, birth date, phone, e-mail or note', async () => {
    const clients = await f.sql<{ case_number: string; date_of_birth: string; first_name: string; last_name: string }>(
      `SELECT case_number, date_of_birth::text AS date_of_birth, first_name, last_name FROM client WHERE municipality_id = $1`,
      [f.municipalityId],
    );
    expect(clients).toHaveLength(24);
    const forbidden = [
      ...PEOPLE_DATA.flatMap((p) => [p.first, p.last, p.phone, p.phone.replace(/\s/g, ''), `${p.first.toLowerCase()}.${p.last.toLowerCase()}@mail.example`]),
      ...PEOPLE_DATA.flatMap((p) => [p.firstOriginal, p.lastOriginal].filter((n): n is string => !!n).flatMap((n) => [n, reversed(n)])),
      ...clients.flatMap((c) => [c.case_number, c.date_of_birth, germanDate(c.date_of_birth)]),
      'Testperson',
      'Kanarienvogel',
      '7731',
      'Fluchttrauma',
    ];
    for (const template of ['annualCouncil', 'cohortState'] as const) {
      const job = await finishedReport(f.asEvaluator, { ...DATASET_REQUEST, template });
      const pdf = (await download(f.asEvaluator, job.id, 'pdf').expect(200)).body as Buffer;
      const text = pdfText(pdf);
      // The text layer is there (a report of figures, not an image): the cohort labels and the title can be read.
      expect(text).toContain('2024-Q1');
      expect(text).toMatch(/Integrationsmanagement/);
      const csv = ((await download(f.asEvaluator, job.id, 'csv').expect(200)).body as Buffer).toString('utf8');
      const json = ((await download(f.asEvaluator, job.id, 'json').expect(200)).body as Buffer).toString('utf8');
      for (const [name, content] of [
        ['pdf', text],
        ['csv', csv],
        ['json', json],
      ] as const) {
        const found = forbidden.filter((needle) => content.includes(needle));
        expect({ template, file: name, found }).toEqual({ template, file: name, found: [] });
      }
    }
  });

  it('erasing clients (anonymous record, then delete) leaves the report of their older cohorts byte-identical', async () => {
    const older = DATASET_REQUEST;
    // Only closed cases are ever erased (retention runs after the closure): close them first, so the report's
    // current-state figure (open cases per manager today) is the same before and after the erasure.
    const erased = ['a1', 'a8', 'b6'].map((key) => f.ids[key] ?? '');
    await f.sql(
      `UPDATE client SET support_state = 'closed', closed_on = '2025-12-01', closure_reason = 'moved_away' WHERE id = ANY($1::uuid[]) AND support_state <> 'closed'`,
      [erased],
    );
    const before = await finishedReport(f.asEvaluator, older);
    const beforeJson = (await download(f.asEvaluator, before.id, 'json').expect(200)).body as Buffer;
    const beforeCsv = (await download(f.asEvaluator, before.id, 'csv').expect(200)).body as Buffer;

    // What the erasure (issue 8) does: keep the anonymous record in the tenant transaction, then delete the client.
    for (const id of erased) await inTenant(() => f.api.app.get(EvaluationRecordService).recordForErasure(id));
    await f.sql(`DELETE FROM client WHERE id = ANY($1::uuid[])`, [erased]);
    expect(await f.sql(`SELECT 1 FROM client WHERE id = ANY($1::uuid[])`, [erased])).toEqual([]);
    expect(await f.sql(`SELECT 1 FROM evaluation_record`)).toHaveLength(3);

    const after = await finishedReport(f.asEvaluator, older);
    const afterJson = (await download(f.asEvaluator, after.id, 'json').expect(200)).body as Buffer;
    const afterCsv = (await download(f.asEvaluator, after.id, 'csv').expect(200)).body as Buffer;
    expect(afterJson.toString('utf8')).toBe(beforeJson.toString('utf8'));
    expect(afterJson.equals(beforeJson)).toBe(true);
    expect(afterCsv.equals(beforeCsv)).toBe(true);
    // The finished report of before the erasure is still served as it was.
    expect(((await download(f.asEvaluator, before.id, 'json').expect(200)).body as Buffer).equals(beforeJson)).toBe(true);
  });
});
