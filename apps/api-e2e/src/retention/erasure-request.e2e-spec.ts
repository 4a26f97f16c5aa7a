import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readErasureLedgerFile } from '@wegweiser/api/backup';
import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { createReportFixture, ReportFixture } from '../evaluation/report-fixture';
import { signIn, SignedInAgent } from '../support/sessions';
import { CanaryClient, dumpData, insertCanary, occurrences, previewText, retentionActors, rowCounts } from './retention-fixture';

/**
 * Acceptance 2 (issue 8): an Art. 17 request of a team lead erases nothing
 * until an administrator confirms it (four eyes); after the confirmation the
 * result is that of the retention job; the audit trail shows both steps with
 * ids only.
 */
describe('erasure on request, Art. 17 (acceptance 2)', () => {
  let f: ReportFixture;
  let teamLead: SignedInAgent;
  let teamLeadId: string;
  let admin: SignedInAgent;
  let adminId: string;
  let canary: CanaryClient;
  // The ledger's copy outside the database (read by `erasures:replay` after a restore), written after the commit.
  const ledgerDir = mkdtempSync(join(tmpdir(), 'ww-ledger-'));
  const ledgerFile = join(ledgerDir, 'erasure-ledger.jsonl');
  const previousLedgerFile = process.env['ERASURE_LEDGER_FILE'];

  beforeAll(async () => {
    process.env['ERASURE_LEDGER_FILE'] = ledgerFile;
    f = await createReportFixture();
    ({ teamLead, teamLeadId, admin, adminId } = await retentionActors(f));
    // Active, in the middle of support: nowhere near the retention period.
    canary = await insertCanary(f, { key: 'request', latin: 'Vergessenwerda', arabic: 'فرغيسنفيردا', start: '2024-05-02', closedOn: null });
  });

  afterAll(async () => {
    await f?.close();
    if (previousLedgerFile === undefined) delete process.env['ERASURE_LEDGER_FILE'];
    else process.env['ERASURE_LEDGER_FILE'] = previousLedgerFile;
    rmSync(ledgerDir, { recursive: true, force: true });
  });

  const requestErasure = (who: SignedInAgent, clientId: string, body: object) =>
    who.agent.post(`/api/clients/${clientId}/erasure-requests`).set(CSRF_HEADER, who.csrf).send(body);
  const confirm = (who: SignedInAgent, id: string) => who.agent.post(`/api/erasure-requests/${id}/confirm`).set(CSRF_HEADER, who.csrf).send({});

  it('refuses bad input and other roles, and changes nothing', async () => {
    const before = await rowCounts(f);
    const [{ last } = { last: '0' }] = await f.sql<{ last: string }>(`SELECT coalesce(max(id), 0)::text AS last FROM audit_event`);
    await requestErasure(teamLead, canary.id, { reason: 'weil ich es will' }).expect(400);
    await requestErasure(teamLead, canary.id, {}).expect(400);
    await requestErasure(teamLead, canary.id, { reason: 'objection', note: canary.latin }).expect(400);
    await requestErasure(f.asManager, canary.id, { reason: 'objection' }).expect(403);
    await requestErasure(admin, canary.id, { reason: 'objection' }).expect(403);
    await requestErasure(teamLead, '00000000-0000-4000-8000-000000000000', { reason: 'objection' }).expect(404);
    const after = await rowCounts(f);
    expect({ ...after, audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
    // Only refusals were audited (ids only).
    expect(await f.sql(`SELECT DISTINCT outcome FROM audit_event WHERE id > $1::bigint`, [last])).toEqual([{ outcome: 'denied' }]);
  });

  it('a request alone erases nothing; only the administrator’s confirmation does, with the same result as retention', async () => {
    const previewBefore = await previewText(f);
    const created = await requestErasure(teamLead, canary.id, { reason: 'consent_withdrawn' }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      clientId: canary.id,
      caseNumber: canary.caseNumber,
      reason: 'consent_withdrawn',
      state: 'pending',
      requestedAt: expect.any(String),
      confirmedAt: null,
    });
    const requestId = created.body.id as string;
    // A second request for the same client while one is pending: 409.
    expect((await requestErasure(teamLead, canary.id, { reason: 'objection' }).expect(409)).body.code).toBe('erasureRequestPending');

    // Refused without the administrator: the team lead (who asked) and the manager cannot confirm; the data is all there.
    expect((await confirm(teamLead, requestId).expect(403)).body.code).toBe('forbidden');
    await confirm(f.asManager, requestId).expect(403);
    expect(Object.keys(await occurrences(f, canary.latin)).length).toBeGreaterThan(0);
    expect(await f.sql(`SELECT 1 FROM client WHERE id = $1`, [canary.id])).toHaveLength(1);
    expect(await readErasureLedgerFile(ledgerFile)).toEqual([]);

    const pending = await admin.agent.get('/api/erasure-requests?state=pending').expect(200);
    expect(pending.body).toEqual([created.body]);
    await admin.agent.get('/api/erasure-requests?state=maybe').expect(400);

    const confirmed = await confirm(admin, requestId).expect(200);
    expect(confirmed.body).toEqual({ ...created.body, caseNumber: null, state: 'confirmed', confirmedAt: expect.any(String) });
    expect(await f.sql(`SELECT requested_by, confirmed_by FROM erasure_request WHERE id = $1`, [requestId])).toEqual([{ requested_by: teamLeadId, confirmed_by: adminId }]);

    // As with the retention job: nothing of the client anywhere, figures byte-identical, a ledger row.
    expect(await occurrences(f, canary.latin)).toEqual({});
    expect(await occurrences(f, canary.arabic)).toEqual({});
    expect(await occurrences(f, canary.caseNumber)).toEqual({});
    const dump = await dumpData(f);
    expect(dump).not.toContain(canary.latin);
    expect(dump).not.toContain(canary.latin.toLowerCase());
    expect(dump).not.toContain(canary.arabic);
    expect(dump).not.toContain(canary.caseNumber);
    expect(dump).toContain('Kohorte a1');
    expect(await previewText(f)).toBe(previewBefore);
    expect(await f.sql(`SELECT client_id, reason FROM erasure_ledger`)).toEqual([{ client_id: canary.id, reason: 'request' }]);

    // The audit trail: the request (team lead), the confirmation and the deletion (administrator) — ids only.
    const audit = await f.sql(
      `SELECT user_id, role, action, entity_type, entity_id, client_id, outcome FROM audit_event
        WHERE client_id = $1 AND outcome = 'success' AND action IN ('create', 'update', 'delete') ORDER BY id`,
      [canary.id],
    );
    expect(audit).toEqual([
      { user_id: teamLeadId, role: 'team_lead', action: 'create', entity_type: 'erasure_request', entity_id: requestId, client_id: canary.id, outcome: 'success' },
      { user_id: adminId, role: 'admin', action: 'delete', entity_type: 'client', entity_id: canary.id, client_id: canary.id, outcome: 'success' },
      { user_id: adminId, role: 'admin', action: 'update', entity_type: 'erasure_request', entity_id: requestId, client_id: canary.id, outcome: 'success' },
    ]);

    // Confirmed once: a second confirmation is refused and changes nothing.
    const counts = await rowCounts(f);
    expect((await confirm(admin, requestId).expect(409)).body.code).toBe('erasureRequestNotPending');
    expect(await rowCounts(f)).toEqual(counts);

    // The committed erasure is also in the ledger file outside the database, once, ids only.
    expect(await readErasureLedgerFile(ledgerFile)).toEqual([{ clientId: canary.id, municipalityId: f.municipalityId, erasedAt: expect.any(String), reason: 'request' }]);
    const fileText = readFileSync(ledgerFile, 'utf8');
    expect(fileText).not.toContain(canary.latin);
    expect(fileText).not.toContain(canary.arabic);
  });

  it('a legal hold blocks the request', async () => {
    const client = await insertCanary(f, { key: 'hold', latin: 'Sperrvermerka', arabic: 'شبيرفيرميركا', start: '2024-05-03', closedOn: null });
    await teamLead.agent.put(`/api/clients/${client.id}/legal-hold`).set(CSRF_HEADER, teamLead.csrf).send({ reason: 'Aufbewahrungspflicht' }).expect(200);
    expect((await requestErasure(teamLead, client.id, { reason: 'objection' }).expect(409)).body.code).toBe('legalHold');
    expect(await f.sql(`SELECT 1 FROM erasure_request WHERE client_id = $1`, [client.id])).toEqual([]);
  });

  it('a team lead of another team reaches no client of this one (404, nothing stored)', async () => {
    const [team] = await f.sql<{ id: string }>(`INSERT INTO team (municipality_id, name) VALUES ($1, 'Team Nord') RETURNING id`, [f.municipalityId]);
    await f.sql(`INSERT INTO app_user (municipality_id, team_id, email, first_name, last_name, role, password_hash) SELECT municipality_id, $1, 'olaf.nord@eval.example', 'Test', 'Konto', 'team_lead', password_hash FROM app_user WHERE email = 'lea.leitung@eval.example'`, [team?.id]);
    const other = await signIn(f.api.app.getHttpServer(), 'olaf.nord@eval.example');
    const client = f.ids['b3'] ?? '';
    await requestErasure(other, client, { reason: 'objection' }).expect(404);
    await other.agent.put(`/api/clients/${client}/legal-hold`).set(CSRF_HEADER, other.csrf).send({ reason: 'x' }).expect(404);
    expect(await f.sql(`SELECT 1 FROM erasure_request WHERE client_id = $1 UNION ALL SELECT 1 FROM legal_hold WHERE client_id = $1`, [client])).toEqual([]);
  });
});
