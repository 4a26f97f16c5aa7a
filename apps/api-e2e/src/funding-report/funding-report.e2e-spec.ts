import { pdfText } from '@wegweiser/shared/pdf-testing';
import { FundingReportResponse } from '@wegweiser/shared/contracts';
import type * as ReadExcelFile from 'read-excel-file/node' with { 'resolution-mode': 'import' };
import { completeTotpEnrolment } from '../support/second-factor';
import { signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { buildFundingWorld, FundingWorld } from './funding-dataset';

const { readSheet } = require('read-excel-file/node') as typeof ReadExcelFile;

const Q1 = 'from=2025-01-01&to=2025-03-31';

/**
 * Issue 19, acceptance 7: the Verwendungsnachweis of a hand-built quarter (funding-dataset.ts). Every expected number
 * below is counted by hand from the dataset's comments; the same numbers are read back from the XLSX and the PDF.
 * Columns: Anna Adler, Bernd Berg, "ohne Zuständigkeit", Insgesamt (Cem Celik has nobody at the period end).
 */
describe('funding report (Verwendungsnachweis)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let world: FundingWorld;
  let admin: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const audits = async () =>
    adminQuery<{ action: string; entity_id: string; user_id: string; client_id: string | null }>(
      `SELECT action, entity_id, user_id, client_id FROM audit_event WHERE entity_type = 'funding_report' AND outcome = 'success' ORDER BY id`,
      [],
      db.ownerUrl,
    );
  const download = (path: string) =>
    admin.agent
      .get(path)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    world = await buildFundingWorld(db.ownerUrl);
    admin = await completeTotpEnrolment(await signIn(server(), world.users.admin.email));
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('counts every figure of the quarter per manager at the period end, and the municipality in total', async () => {
    const report = (await admin.agent.get(`/api/funding-report?${Q1}`).expect(200)).body as FundingReportResponse;
    expect(report).toMatchObject({ from: '2025-01-01', to: '2025-03-31', municipalityName: 'Förderstadt' });
    expect(report.managers.map((m) => [m.kind, m.name])).toEqual([
      ['manager', 'Anna Adler'],
      ['manager', 'Bernd Berg'],
      ['unassigned', ''],
    ]);
    const [anna, bernd, none] = report.managers;
    const total = report.total;
    // Persons: Anna c1 new, c2 ongoing; Bernd c4 new, c3 and c7 ongoing, c3 and c4 closed; c8 unassigned, ongoing.
    expect([anna, bernd, none, total].map((c) => [c?.figures.personsNew, c?.figures.personsOngoing, c?.figures.personsClosed])).toEqual([
      [1, 1, 0],
      [1, 2, 2],
      [0, 1, 0],
      [2, 4, 2],
    ]);
    expect(bernd?.figures.closuresByReason).toEqual({ goals_reached: 1, moved_away: 1, window_ended: 0, no_contact: 0, declined: 0, other: 0 });
    expect(total.figures.closuresByReason.no_contact).toBe(0); // c5 closed in 2024
    // Conversations: Anna office 1 (01.01. 00:30 German time), phone 2, video 1; Bernd home visit 1, phone 1 (c7); c8 office 1.
    expect(anna?.figures.conversationsByForm).toEqual({ office: 1, phone: 2, video: 1, home_visit: 0 });
    expect(bernd?.figures.conversationsByForm).toEqual({ office: 0, phone: 1, video: 0, home_visit: 1 });
    expect(none?.figures.conversationsByForm).toEqual({ office: 1, phone: 0, video: 0, home_visit: 0 });
    expect(total.figures.conversationsByForm).toEqual({ office: 2, phone: 3, video: 1, home_visit: 1 });
    expect([anna, bernd, none, total].map((c) => c?.figures.conversations)).toEqual([4, 2, 1, 7]);
    // Plans: agreed c1 (Anna), c3 (Bernd); updated c2 (Anna), c7 twice (Bernd, once).
    expect([anna, bernd, none, total].map((c) => [c?.figures.plansAgreed, c?.figures.plansUpdated])).toEqual([
      [1, 1],
      [1, 1],
      [0, 0],
      [2, 2],
    ]);
    // Goals at the end of the period.
    expect(anna?.figures.goals.language).toEqual({ open: 0, in_progress: 1, achieved: 0, not_achieved: 0, dropped: 0 });
    expect(anna?.figures.goals.work).toEqual({ open: 1, in_progress: 0, achieved: 1, not_achieved: 0, dropped: 0 });
    expect(anna?.figures.goals.housing).toEqual({ open: 0, in_progress: 0, achieved: 0, not_achieved: 1, dropped: 1 });
    expect(bernd?.figures.goals.language).toEqual({ open: 0, in_progress: 0, achieved: 1, not_achieved: 0, dropped: 0 });
    expect(bernd?.figures.goals.health).toEqual({ open: 0, in_progress: 0, achieved: 0, not_achieved: 0, dropped: 0 });
    expect(none?.figures.goals.family.open).toBe(1);
    const totalGoals = Object.values(total.figures.goals).flatMap((states) => Object.values(states)).reduce((a, b) => a + b, 0);
    expect(totalGoals).toBe(7);
    // Referrals sent in the period by working group (Caritas is in two groups).
    const g = world.groups;
    expect(anna?.figures.referrals).toBe(3);
    expect(anna?.figures.referralsByWorkingGroup).toEqual({ [g['Sprache'] ?? '']: 2, [g['Beratung'] ?? '']: 1, [g['Arbeitsmarktintegration'] ?? '']: 0, [g['Rechtliche Grundlagen'] ?? '']: 0, none: 1 });
    expect(bernd?.figures.referralsByWorkingGroup).toMatchObject({ [g['Sprache'] ?? '']: 0, none: 1 });
    expect(total.figures.referrals).toBe(4);
    expect(total.figures.referralsByWorkingGroup).toMatchObject({ [g['Sprache'] ?? '']: 2, [g['Beratung'] ?? '']: 1, none: 2 });
    // Quality: plan within 3 months (c2 yes, c3 no, c7 yes, c8 no); reviewed in 6 months (c1, c2, c7 yes; c8 no).
    expect([anna, bernd, none, total].map((c) => c?.quality.planWithinThreeMonths)).toEqual([
      { numerator: 1, denominator: 1 },
      { numerator: 1, denominator: 2 },
      { numerator: 0, denominator: 1 },
      { numerator: 2, denominator: 4 },
    ]);
    expect([anna, bernd, none, total].map((c) => c?.quality.planReviewedSixMonths)).toEqual([
      { numerator: 2, denominator: 2 },
      { numerator: 1, denominator: 1 },
      { numerator: 0, denominator: 1 },
      { numerator: 3, denominator: 4 },
    ]);
    expect(total.quality.goalsAchieved).toMatchObject({
      work: { numerator: 1, denominator: 1 },
      housing: { numerator: 0, denominator: 1 },
      language: { numerator: 1, denominator: 1 },
      family: { numerator: 0, denominator: 0 },
    });
  });

  it('writes the same counts into the XLSX ("Auswertung Zeitraum", "Qualität") and names it by the quarter', async () => {
    const response = await download(`/api/funding-report/xlsx?${Q1}`).expect(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="verwendungsnachweis-2025-Q1.xlsx"');
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readSheet(response.body as Buffer, 'Auswertung Zeitraum');
    const header = sheet.find((r) => r[0] === 'Kennzahl');
    expect(header).toEqual(['Kennzahl', 'Anna Adler', 'Bernd Berg', 'ohne Zuständigkeit', 'Insgesamt']);
    const cells = (label: string) => sheet.find((r) => r[0] === label)?.slice(1);
    expect(cells('Beratene Personen insgesamt')).toEqual([2, 3, 1, 6]);
    expect(cells('davon neu aufgenommen (Beginn im Zeitraum)')).toEqual([1, 1, 0, 2]);
    expect(cells('Betreuung im Zeitraum abgeschlossen')).toEqual([0, 2, 0, 2]);
    expect(cells('Beratungsgespräche insgesamt')).toEqual([4, 2, 1, 7]);
    expect(cells('davon Telefon')).toEqual([2, 1, 0, 3]);
    expect(cells('davon Hausbesuch')).toEqual([0, 1, 0, 1]);
    expect(cells('Integrationspläne erstmals vereinbart')).toEqual([1, 1, 0, 2]);
    expect(cells('Integrationspläne fortgeschrieben (neue Fassung vereinbart)')).toEqual([1, 1, 0, 2]);
    expect(cells('Arbeit: offen')).toEqual([1, 0, 0, 1]);
    expect(cells('Wohnen: Ziele insgesamt')).toEqual([2, 0, 0, 2]);
    expect(cells('Arbeitskreis Sprache')).toEqual([2, 0, 0, 2]);
    expect(cells('ohne Arbeitskreis')).toEqual([1, 1, 0, 2]);
    expect(cells('verzogen')).toEqual([0, 1, 0, 1]);
    const quality = await readSheet(response.body as Buffer, 'Qualität');
    const at = quality.findIndex((r) => r[0] === 'Integrationsplan innerhalb von 3 Monaten nach Beginn vereinbart');
    expect(quality.slice(at + 1, at + 4).map((r) => r.slice(1))).toEqual([
      [1, 1, 0, 2],
      [1, 2, 1, 4],
      [100, 50, 0, 50],
    ]);
  });

  it('renders the Sachbericht PDF with the period, the staff-data notice and the key numbers', async () => {
    const response = await download(`/api/funding-report/pdf?${Q1}`).expect(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="verwendungsnachweis-2025-Q1.pdf"');
    const text = pdfText(response.body as Buffer);
    const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    expect(text).toContain('Zeitraum: 01.01.2025 bis 31.03.2025');
    expect(text).toContain('Kommune: Förderstadt');
    expect(text).toMatch(/Beschäftigtendaten/);
    expect(lines).toContain('Beratungsgespräche insgesamt 4 2 1 7');
    expect(lines).toContain('Beratene Personen insgesamt 2 3 1 6');
    expect(text.replace(/\s+/g, ' ')).toContain('2 von 4 (50 %)');
    expect(text).toContain('am letzten Tag des Zeitraums zuständig');
  });

  it('audits every run with the period only, and refuses bad periods with 400 without auditing', async () => {
    const before = await audits();
    expect(before.map((a) => [a.action, a.entity_id, a.user_id, a.client_id])).toEqual([
      ['read', '2025-01-01-2025-03-31', world.users.admin.id, null],
      ['export', '2025-01-01-2025-03-31', world.users.admin.id, null],
      ['export', '2025-01-01-2025-03-31', world.users.admin.id, null],
    ]);
    const bad = [
      ['from=2025-03-31&to=2025-01-01', { to: 'beforeFrom' }],
      ['from=2020-01-01&to=2025-12-31', { to: 'periodTooLong' }],
      ['from=2025-02-30&to=2025-03-31', { from: 'isCalendarDate' }],
      ['from=2025-01-01', { to: 'isCalendarDate' }],
      ['from=1999-01-01&to=1999-03-31', { from: 'tooEarly' }],
    ] as const;
    for (const [query, errors] of bad) {
      const response = await admin.agent.get(`/api/funding-report?${query}`).expect(400);
      expect(response.body.errors).toEqual(errors);
      await admin.agent.get(`/api/funding-report/xlsx?${query}`).expect(400);
    }
    await admin.agent.get(`/api/funding-report?${Q1}&managerId=x`).expect(400);
    expect(await audits()).toHaveLength(before.length);
  });

  it('answers 403 to the evaluator, a manager and the team lead, and a year is named by the year', async () => {
    for (const who of [world.users.evaluator, world.users.anna, world.users.teamLead]) {
      const signed = await signIn(server(), who.email);
      const session = signed.session.me.stage === 'totp_enrol' ? await completeTotpEnrolment(signed) : signed;
      for (const path of ['', '/xlsx', '/pdf']) {
        const response = await session.agent.get(`/api/funding-report${path}?${Q1}`).expect(403);
        expect(response.body.code).toBe('forbidden');
      }
    }
    const year = await download('/api/funding-report/xlsx?from=2025-01-01&to=2025-12-31').expect(200);
    expect(year.headers['content-disposition']).toBe('attachment; filename="verwendungsnachweis-2025.xlsx"');
  });
});
