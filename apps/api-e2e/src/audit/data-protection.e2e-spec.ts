import { AuditService } from '@wegweiser/api/audit';
import {
  AuditChainStatusResponse,
  AuditPersonResponse,
  AuditTablePageResponse,
  AuditVerificationResponse,
  ClientAccessReportResponse,
  CSRF_HEADER,
  ErasureRequestOverviewResponse,
  SubjectAccessExportResponse,
} from '@wegweiser/shared/contracts';
import request from 'supertest';
import { completeTotpEnrolment } from '../support/second-factor';
import { csrfToken, demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

interface Named {
  id: string;
  email: string;
  name: string;
  team: string | null;
}

/**
 * The data-protection officer's API (issue 17): the audit table by case
 * number, person, action and period with names; its CSV export (audited);
 * the access report of one client file incl. another team's refused
 * attempt; the chain verification as a background job; the Art. 15/17
 * overviews; and nothing of another municipality.
 */
describe('Datenschutz API (/api/audit/...)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let dpo: SignedInAgent;
  let strangerDpo: SignedInAgent;
  let reader: Named;
  let outsider: Named;
  let client: { id: string; case_number: string };
  const server = () => api.app.getHttpServer();
  const post = (session: SignedInAgent, path: string, body: object) => session.agent.post(path).set(CSRF_HEADER, session.csrf).send(body);
  const get = (session: SignedInAgent, path: string) => session.agent.get(path).set(CSRF_HEADER, session.csrf);
  const search = async (body: object, session = dpo): Promise<AuditTablePageResponse> => (await post(session, '/api/audit/search', body).expect(200)).body;

  async function named(user: DemoUser): Promise<Named> {
    const [row] = await adminQuery<{ name: string; team: string | null }>(
      `SELECT u.first_name || ' ' || u.last_name AS name, t.name AS team FROM app_user u LEFT JOIN team t ON t.id = u.team_id WHERE u.id = $1`,
      [user.id],
      db.ownerUrl,
    );
    return { id: user.id, email: user.email, name: row?.name ?? '', team: row?.team ?? null };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    const dpoUser = pick(users, 'dpo');
    const readerUser = pick(users, 'manager', (u) => u.municipality_id === dpoUser.municipality_id);
    const outsiderUser = pick(users, 'manager', (u) => u.municipality_id === dpoUser.municipality_id && u.team_id !== readerUser.team_id);
    [reader, outsider] = [await named(readerUser), await named(outsiderUser)];
    [client] = await adminQuery<{ id: string; case_number: string }>(
      `SELECT id, case_number FROM client WHERE responsible_manager_id = $1 ORDER BY case_number LIMIT 1`,
      [reader.id],
      db.ownerUrl,
    );
    if (!client) throw new Error('no client of the reader');

    // The reads: the team's manager opens the file, a manager of another team is refused.
    const readerSession = await signIn(server(), reader.email);
    await get(readerSession, `/api/clients/${client.id}`).expect(200);
    const outsiderSession = await signIn(server(), outsider.email);
    const refused = await get(outsiderSession, `/api/clients/${client.id}`);
    expect([403, 404]).toContain(refused.status);

    dpo = await completeTotpEnrolment(await signIn(server(), dpoUser.email));
    strangerDpo = await completeTotpEnrolment(await signIn(server(), pick(users, 'dpo', (u) => u.municipality_id !== dpoUser.municipality_id).email));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('the access report lists the team manager’s read and the other team’s refused attempt, with names and teams', async () => {
    const report: ClientAccessReportResponse = (await post(dpo, '/api/audit/access-report', { caseNumber: client.case_number.toLowerCase() }).expect(200)).body;
    expect(report.caseNumber).toBe(client.case_number);
    expect(report.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personName: reader.name, teamName: reader.team, role: 'manager', action: 'read', outcome: 'success' }),
        expect.objectContaining({ personName: outsider.name, teamName: outsider.team, role: 'manager', outcome: 'denied' }),
      ]),
    );
    const text = JSON.stringify(report);
    expect(text).not.toContain(reader.email);
    expect(text).not.toContain(client.id);
  });

  it('an unknown case number is a 404; a malformed one a 400 naming the field', async () => {
    expect((await post(dpo, '/api/audit/access-report', { caseNumber: 'XX-1999-99999' }).expect(404)).body.code).toBe('notFound');
    const bad = await post(dpo, '/api/audit/access-report', { caseNumber: 'Ayşe Yılmaz' }).expect(400);
    expect(Object.keys(bad.body.errors)).toEqual(['caseNumber']);
  });

  it('searches by case number (incl. the refused attempt, stored with its client), by person and action, with names and case numbers', async () => {
    const byCase = await search({ caseNumber: client.case_number });
    expect(byCase.items.length).toBeGreaterThanOrEqual(2);
    expect(byCase.items.every((row) => row.caseNumber === client.case_number)).toBe(true);
    expect(byCase.items).toEqual(expect.arrayContaining([expect.objectContaining({ personName: reader.name, action: 'read', outcome: 'success' })]));
    expect(byCase.items).toEqual(expect.arrayContaining([expect.objectContaining({ personName: outsider.name, outcome: 'denied' })]));

    const byPerson = await search({ userId: outsider.id, action: 'denied' });
    expect(byPerson.items.length).toBeGreaterThanOrEqual(1);
    expect(byPerson.items.every((row) => row.userId === outsider.id && row.action === 'denied' && row.personName === outsider.name)).toBe(true);
    expect(await search({ caseNumber: 'XX-1999-99999' })).toEqual({ items: [], nextBefore: null });
  });

  it('filters by a period given with explicit offsets, and pages with a keyset cursor', async () => {
    const all = (await search({ limit: 200 })).items;
    const newest = all[0];
    if (!newest) throw new Error('no events');
    const at = new Date(newest.occurredAt);
    // The same instant written in German summer/winter time: the period is the one entered, whatever the server's zone.
    const local = (d: Date) => new Date(d.getTime() + 60 * 60_000).toISOString().replace('Z', '+01:00');
    expect((await search({ from: local(at), to: local(new Date(at.getTime() + 1)) })).items.map((r) => r.id)).toContain(newest.id);
    expect((await search({ from: '2999-01-01T00:00:00+01:00' })).items).toEqual([]);
    const first = await search({ limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(all.slice(0, 2).map((r) => r.id));
    const second = await search({ limit: 2, before: first.nextBefore });
    expect(second.items.map((r) => r.id)).toEqual(all.slice(2, 4).map((r) => r.id));
  });

  it.each([
    [{ from: '2026-01-01T00:00:00' }, 'from'],
    [{ action: 'view' }, 'action'],
    [{ userId: 'someone@example.org' }, 'userId'],
    [{ limit: 0 }, 'limit'],
    [{ name: 'Yılmaz' }, 'name'],
  ])('search answers %j with 400 naming the field', async (body, field) => {
    const response = await post(dpo, '/api/audit/search', body).expect(400);
    expect(Object.keys(response.body.errors)).toEqual([field]);
  });

  it('exports the filtered table as CSV with names and case numbers, and audits the export', async () => {
    const response = await post(dpo, '/api/audit/export', { caseNumber: client.case_number }).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-protokoll-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Zeitpunkt (UTC);Person;Rolle;Aktion;Ergebnis;Objekt;Aktenzeichen');
    expect(lines.slice(1).every((line) => line.endsWith(`;${client.case_number}`))).toBe(true);
    expect(lines).toEqual(expect.arrayContaining([expect.stringContaining(`;${reader.name};Integrationsmanager:in;Lesen;erfolgreich;`)]));
    expect(lines).toEqual(expect.arrayContaining([expect.stringContaining(`;${outsider.name};Integrationsmanager:in;`)]));
    expect(lines.length - 1).toBe((await search({ caseNumber: client.case_number })).items.length);

    const exports = await search({ action: 'export', limit: 5 });
    expect(exports.items[0]).toEqual(expect.objectContaining({ userId: dpo.session.me.id, role: 'dpo', entityType: 'audit_event', outcome: 'success' }));
  });

  it('lists the municipality’s accounts for the person filter: id, name, role, no e-mail, no other municipality', async () => {
    const people: AuditPersonResponse[] = (await get(dpo, '/api/audit/people').expect(200)).body;
    expect(people).toEqual(expect.arrayContaining([expect.objectContaining({ id: reader.id, name: reader.name, role: 'manager', active: true })]));
    const own = users.filter((u) => u.municipality_id === pick(users, 'dpo').municipality_id).map((u) => u.id);
    expect(people.map((p) => p.id).sort()).toEqual([...own].sort());
    expect(JSON.stringify(people)).not.toContain('@');
  });

  it('runs the chain verification as a background job and stores the result: intakt, then gebrochen at the edited event', async () => {
    const started: AuditVerificationResponse = (await post(dpo, '/api/audit/chain/verifications', {}).expect(202)).body;
    expect(['queued', 'running', 'done']).toContain(started.state);
    const done = await waitForVerification(started.id);
    expect(done).toEqual(expect.objectContaining({ state: 'done', progress: 100, intact: true, brokenEventId: null }));
    expect(done.checked).toBeGreaterThan(0);
    const status: AuditChainStatusResponse = (await get(dpo, '/api/audit/chain').expect(200)).body;
    expect(status.lastVerification?.id).toBe(started.id);
    expect(status.current).toBeNull();
    // The verification itself is on record.
    expect((await search({ action: 'create', limit: 5 })).items[0]).toEqual(expect.objectContaining({ entityType: 'audit_verification', role: 'dpo' }));

    const municipality = pick(users, 'dpo').municipality_id;
    const [target] = await adminQuery<{ id: string; action: string }>(
      `SELECT id::text AS id, action FROM audit_event WHERE municipality_id = $1 ORDER BY id OFFSET 3 LIMIT 1`,
      [municipality],
      db.ownerUrl,
    );
    const [elsewhere] = await adminQuery<{ id: string; action: string }>(
      `SELECT id::text AS id, action FROM audit_event WHERE municipality_id <> $1 ORDER BY id LIMIT 1`,
      [municipality],
      db.ownerUrl,
    );
    if (!target || !elsewhere) throw new Error('no events to edit');
    // Another municipality's broken chain is not this one's result.
    await adminQuery(`UPDATE audit_event SET action = 'export' WHERE id = $1`, [elsewhere.id], db.ownerUrl);
    try {
      const other = await waitForVerification((await post(dpo, '/api/audit/chain/verifications', {}).expect(202)).body.id);
      expect(other.intact).toBe(true);
      await adminQuery(`UPDATE audit_event SET action = 'export' WHERE id = $1`, [target.id], db.ownerUrl);
      const broken = await waitForVerification((await post(dpo, '/api/audit/chain/verifications', {}).expect(202)).body.id);
      expect(broken).toEqual(expect.objectContaining({ state: 'done', intact: false, brokenEventId: target.id, brokenReason: 'hashMismatch' }));
    } finally {
      await adminQuery(`UPDATE audit_event SET action = $2 WHERE id = $1`, [target.id, target.action], db.ownerUrl);
      await adminQuery(`UPDATE audit_event SET action = $2 WHERE id = $1`, [elsewhere.id, elsewhere.action], db.ownerUrl);
    }
  });

  async function waitForVerification(id: string): Promise<AuditVerificationResponse> {
    for (let i = 0; i < 120; i++) {
      const job: AuditVerificationResponse = (await get(dpo, `/api/audit/chain/verifications/${id}`).expect(200)).body;
      if (job.state === 'done' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('verification did not finish');
  }

  it('lists Art. 15 exports and Art. 17 requests of the municipality with case numbers and names', async () => {
    const municipality = pick(users, 'dpo').municipality_id;
    const lead = await named(pick(users, 'team_lead', (u) => u.municipality_id === municipality));
    await api.app.get(AuditService).record({
      municipalityId: municipality,
      userId: lead.id,
      role: 'team_lead',
      action: 'export',
      outcome: 'success',
      entityType: 'subject_access',
      entityId: client.id,
      clientId: client.id,
    });
    const exports: SubjectAccessExportResponse[] = (await get(dpo, '/api/audit/subject-access-exports').expect(200)).body;
    expect(exports[0]).toEqual(expect.objectContaining({ caseNumber: client.case_number, personName: lead.name, outcome: 'success' }));

    await adminQuery(`INSERT INTO erasure_request (municipality_id, client_id, reason, requested_by) VALUES ($1, $2, 'objection', $3)`, [municipality, client.id, lead.id], db.ownerUrl);
    const requests: ErasureRequestOverviewResponse[] = (await get(dpo, '/api/audit/erasure-requests').expect(200)).body;
    expect(requests).toEqual([expect.objectContaining({ caseNumber: client.case_number, reason: 'objection', state: 'pending', requestedBy: lead.name, confirmedBy: null })]);
  });

  it('shows another municipality’s officer nothing of this one', async () => {
    const theirs = await search({ limit: 200 }, strangerDpo);
    expect(theirs.items.some((row) => row.caseNumber === client.case_number || row.userId === reader.id)).toBe(false);
    expect(await search({ caseNumber: client.case_number }, strangerDpo)).toEqual({ items: [], nextBefore: null });
    await post(strangerDpo, '/api/audit/access-report', { caseNumber: client.case_number }).expect(404);
    const people: AuditPersonResponse[] = (await get(strangerDpo, '/api/audit/people').expect(200)).body;
    expect(people.map((p) => p.id)).not.toContain(reader.id);
    const status: AuditChainStatusResponse = (await get(strangerDpo, '/api/audit/chain').expect(200)).body;
    expect(status.lastVerification).toBeNull();
    const mine: AuditChainStatusResponse = (await get(dpo, '/api/audit/chain').expect(200)).body;
    await get(strangerDpo, `/api/audit/chain/verifications/${mine.lastVerification?.id}`).expect(404);
    expect((await get(strangerDpo, '/api/audit/erasure-requests').expect(200)).body).toEqual([]);
    expect((await get(strangerDpo, '/api/audit/subject-access-exports').expect(200)).body).toEqual([]);
  });

  it('refuses callers without a session (401) and every role but the dpo (403)', async () => {
    const anonymous = request.agent(server());
    const csrf = await csrfToken(anonymous);
    const refused = await anonymous.post('/api/audit/search').set(CSRF_HEADER, csrf).send({});
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 401, code: 'unauthorized' });
    const manager = await signIn(server(), reader.email);
    for (const [method, path] of [
      ['post', '/api/audit/search'],
      ['post', '/api/audit/export'],
      ['post', '/api/audit/access-report'],
      ['get', '/api/audit/people'],
      ['get', '/api/audit/chain'],
      ['post', '/api/audit/chain/verifications'],
    ] as const) {
      const response = await manager.agent[method](path).set(CSRF_HEADER, manager.csrf).send({ caseNumber: client.case_number });
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 403, code: 'forbidden' });
    }
  });
});
