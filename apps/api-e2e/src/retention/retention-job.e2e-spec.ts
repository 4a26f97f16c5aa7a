import { RetentionRun } from '@wegweiser/api/retention';
import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { createReportFixture, ReportFixture } from '../evaluation/report-fixture';
import { SignedInAgent } from '../support/sessions';
import { CanaryClient, dumpData, insertCanary, occurrences, previewText, retentionActors, rowCounts } from './retention-fixture';

/**
 * Acceptance 1 (issue 8): with the clock past the end of support + the
 * period, the retention job erases the client's personal data everywhere,
 * the evaluation of their cohort stays byte-identical, a client one day
 * short or on legal hold is untouched, and a second run changes nothing.
 *
 * Policy: 24 months. "Today" of the run: 2028-01-11.
 * - canary: closed 2026-01-10 → due after 2028-01-10 → erased;
 * - short: closed 2026-01-11 → 2028-01-11 is not past → kept (one day short);
 * - held: closed 2025-06-01, on legal hold → kept;
 * - dataset a2, a5, a9, b7: closed 2025-12-01 → erased too (no canary: their figures must stay);
 * - every other client's window ends 2026-12-31 or later → kept.
 */
describe('retention job (acceptance 1)', () => {
  const today = '2028-01-11';
  let f: ReportFixture;
  let teamLead: SignedInAgent;
  let admin: SignedInAgent;
  let canary: CanaryClient;
  let short: CanaryClient;
  let held: CanaryClient;
  let municipalities: number;

  beforeAll(async () => {
    f = await createReportFixture();
    ({ teamLead, admin } = await retentionActors(f));
    canary = await insertCanary(f, { key: 'canary', latin: 'Quxzalberga', arabic: 'قزالبرغا', start: '2024-02-15', closedOn: '2026-01-10' });
    short = await insertCanary(f, { key: 'short', latin: 'Kurzvorfrista', arabic: 'كورزفورفريستا', start: '2024-02-20', closedOn: '2026-01-11' });
    municipalities = (await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM municipality`))[0]?.n ?? 0;
    held = await insertCanary(f, { key: 'held', latin: 'Haltefallowa', arabic: 'هالتيفالوا', start: '2024-03-01', closedOn: '2025-06-01' });
  });

  afterAll(async () => {
    await f?.close();
  });

  const snapshot = async (client: CanaryClient) =>
    f.sql(
      `SELECT to_jsonb(c) AS client, (SELECT jsonb_agg(to_jsonb(g) ORDER BY g.id) FROM goal g WHERE g.client_id = c.id) AS goals,
              (SELECT jsonb_agg(to_jsonb(s) ORDER BY s.id) FROM consent s WHERE s.client_id = c.id) AS consents,
              (SELECT jsonb_agg(to_jsonb(w) ORDER BY w.id) FROM work_experience w WHERE w.client_id = c.id) AS work,
              (SELECT jsonb_agg(to_jsonb(e) ORDER BY e.id) FROM support_event e WHERE e.client_id = c.id) AS history
         FROM client c WHERE c.id = $1`,
      [client.id],
    );

  it('erases exactly the due clients everywhere, keeps the figures, spares the short and the held, and a second run changes nothing', async () => {
    await admin.agent.put('/api/retention/policy').set(CSRF_HEADER, admin.csrf).send({ eraseAfterMonths: 24, auditRetentionMonths: 120 }).expect(200);
    await teamLead.agent.put(`/api/clients/${held.id}/legal-hold`).set(CSRF_HEADER, teamLead.csrf).send({ reason: 'Verfahren beim Verwaltungsgericht' }).expect(200);

    // The canaries are there before, so the searches below can find them.
    expect(Object.keys(await occurrences(f, canary.latin)).length).toBeGreaterThan(0);
    expect(Object.keys(await occurrences(f, canary.arabic)).length).toBeGreaterThan(0);
    const shortBefore = await snapshot(short);
    const heldBefore = await snapshot(held);
    const previewBefore = await previewText(f);
    const recordsBefore = (await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation_record`))[0]?.n;

    // The dry run lists case numbers only and changes nothing.
    const countsBeforeDryRun = await rowCounts(f);
    const dry = await admin.agent.get(`/api/retention/dry-run?today=${today}`).expect(200);
    expect(dry.body).toEqual({ today, caseNumbers: ['EV-2024-a2', 'EV-2024-a5', 'EV-2024-a9', 'EV-2024-b7', 'RT-canary'], onHold: 1 });
    expect(await rowCounts(f)).toEqual({ ...countsBeforeDryRun, audit_event: (countsBeforeDryRun['audit_event'] ?? 0) + 1 });

    // Two instances at once (pg-boss runs one, but overlapping runs must be safe): each client is erased exactly once.
    const first = await Promise.all([f.api.app.get(RetentionRun).run(today), f.api.app.get(RetentionRun).run(today)]);
    expect(first.map((r) => ({ ...r, erased: 0 }))).toEqual([
      { municipalities, erased: 0, onHold: 1 },
      { municipalities, erased: 0, onHold: 1 },
    ]);
    expect((first[0]?.erased ?? 0) + (first[1]?.erased ?? 0)).toBe(5);

    // Nothing of the canary in any table of any schema, nor in a data dump.
    expect(await occurrences(f, canary.latin)).toEqual({});
    expect(await occurrences(f, canary.arabic)).toEqual({});
    expect(await occurrences(f, canary.caseNumber)).toEqual({});
    const dump = await dumpData(f);
    expect(dump).not.toContain(canary.latin);
    expect(dump).not.toContain(canary.latin.toLowerCase());
    expect(dump).not.toContain(canary.arabic);
    expect(dump).not.toContain(canary.caseNumber);
    // ...while the kept clients' data is still in it (the dump is searchable).
    expect(dump).toContain(short.latin);
    expect(dump).toContain(held.arabic);

    // The one-day-short and the held client are untouched, row for row.
    expect(await snapshot(short)).toEqual(shortBefore);
    expect(await snapshot(held)).toEqual(heldBefore);

    // The anonymous records replace the erased clients: the cohort's figures are byte-identical.
    expect((await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation_record`))[0]?.n).toBe((recordsBefore ?? 0) + 5);
    expect(await previewText(f)).toBe(previewBefore);

    // The ledger and the audit trail keep the fact (former id, day), not the data.
    const erasedIds = [canary.id, f.ids['a2'], f.ids['a5'], f.ids['a9'], f.ids['b7']].sort();
    expect(await f.sql(`SELECT client_id, municipality_id, erased_on::text, reason FROM erasure_ledger ORDER BY client_id`)).toEqual(
      erasedIds.map((id) => ({ client_id: id, municipality_id: f.municipalityId, erased_on: today, reason: 'retention' })),
    );
    expect(
      await f.sql(`SELECT entity_id, client_id, user_id, role FROM audit_event WHERE action = 'delete' AND entity_type = 'client' ORDER BY entity_id`),
    ).toEqual(erasedIds.map((id) => ({ entity_id: id, client_id: id, user_id: null, role: null })));

    // A second run (again two at once) erases nothing more and changes no row.
    const countsAfterFirst = await rowCounts(f);
    const again = await Promise.all([f.api.app.get(RetentionRun).run(today), f.api.app.get(RetentionRun).run(today)]);
    expect(again).toEqual([
      { municipalities, erased: 0, onHold: 1 },
      { municipalities, erased: 0, onHold: 1 },
    ]);
    expect(await rowCounts(f)).toEqual(countsAfterFirst);
    expect(await previewText(f)).toBe(previewBefore);
  });

  it('lifting the legal hold lets the next run erase the held client; a day later the short one goes too', async () => {
    await teamLead.agent.delete(`/api/clients/${held.id}/legal-hold`).set(CSRF_HEADER, teamLead.csrf).expect(204);
    expect(await f.api.app.get(RetentionRun).run(today)).toEqual({ municipalities, erased: 1, onHold: 0 });
    expect(await occurrences(f, held.latin)).toEqual({});
    expect(await f.api.app.get(RetentionRun).run('2028-01-12')).toEqual({ municipalities, erased: 1, onHold: 0 });
    expect(await occurrences(f, short.arabic)).toEqual({});
  });

  it('refuses bad policy input (400) and changes nothing', async () => {
    for (const body of [{ eraseAfterMonths: 0, auditRetentionMonths: 120 }, { eraseAfterMonths: 12.5, auditRetentionMonths: 120 }, { eraseAfterMonths: 24 }, { eraseAfterMonths: 24, auditRetentionMonths: 6 }]) {
      await admin.agent.put('/api/retention/policy').set(CSRF_HEADER, admin.csrf).send(body).expect(400);
    }
    expect((await admin.agent.get('/api/retention/policy').expect(200)).body).toEqual({ eraseAfterMonths: 24, auditRetentionMonths: 120, custom: true });
    await admin.agent.get('/api/retention/dry-run?today=2028-02-30').expect(400);
    await teamLead.agent.put(`/api/clients/${short.id}/legal-hold`).set(CSRF_HEADER, teamLead.csrf).send({ reason: '   ' }).expect(400);
  });
});
