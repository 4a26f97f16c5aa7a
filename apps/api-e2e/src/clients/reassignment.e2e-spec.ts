import {
  ClientAssignmentsResponse,
  ClientFileResponse,
  ClientPageResponse,
  ClientResponse,
  CSRF_HEADER,
  ReassignClientsResponse,
  TeamManagersResponse,
  TimelineResponse,
} from '@wegweiser/shared/contracts';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const REASON = 'Elternzeit von Frau Neumann ab März; Übergabe im Teamgespräch am 2. März.';

interface ClientRow {
  id: string;
  case_number: string;
  version: number;
  responsible_manager_id: string | null;
}

interface Staff extends DemoUser {
  first_name: string;
  last_name: string;
}

/** Reassignment within a team (issue 6, acceptance 2 and the reassignment half of 3), against real PostgreSQL with demo data. */
describe('clients: reassignment by the team lead', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let lead: DemoUser;
  /** Managers of the lead's team (A): the two of the demo data (most clients first), Tamara Dritte (none yet), the inactive Ina Vierte. */
  let managersA: Staff[];
  let managerB: DemoUser;
  let leadB: DemoUser;
  const sessions = new Map<string, SignedInAgent>();
  const server = () => api.app.getHttpServer();
  const query = <T extends object>(sql: string, params: unknown[] = []) => adminQuery<T>(sql, params, db.ownerUrl);
  const as = async (user: DemoUser): Promise<SignedInAgent> => {
    const cached = sessions.get(user.id);
    if (cached) return cached;
    const signed = await signIn(server(), user.email);
    sessions.set(user.id, signed);
    return signed;
  };
  const reassign = async (who: DemoUser, body: object) => {
    const { agent, csrf } = await as(who);
    return agent.post('/api/clients/reassign').set(CSRF_HEADER, csrf).send(body);
  };
  /** Active clients of a manager, in case-number order, skipping `offset`. */
  const clientsOf = (managerId: string, count: number, offset = 0) =>
    query<ClientRow>(
      `SELECT id, case_number, version, responsible_manager_id FROM client WHERE responsible_manager_id = $1 AND support_state = 'active' ORDER BY case_number OFFSET $2 LIMIT $3`,
      [managerId, offset, count],
    );
  /** What a refused reassignment must leave untouched. */
  const fingerprint = async () => ({
    clients: await query('SELECT id, responsible_manager_id, version FROM client ORDER BY id'),
    history: await query('SELECT count(*)::int AS n FROM client_assignment'),
  });
  const fullName = (u: Staff) => `${u.first_name} ${u.last_name}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    lead = pick(users, 'team_lead');
    // The demo teams have two managers: add a third (no clients yet) and an inactive fourth to team A.
    const [template] = await query<{ id: string }>(`SELECT id FROM app_user WHERE team_id = $1 AND role = 'manager' ORDER BY email LIMIT 1`, [lead.team_id]);
    for (const [email, firstName, lastName, active] of [
      ['tamara.dritte@reassign.example', 'Tamara', 'Dritte', true],
      ['ina.vierte@reassign.example', 'Ina', 'Vierte', false],
    ] as const) {
      await query(
        `INSERT INTO app_user SELECT (jsonb_populate_record(NULL::app_user, to_jsonb(u) || jsonb_build_object('id', gen_random_uuid(), 'email', $2::text, 'first_name', $3::text, 'last_name', $4::text, 'active', $5::boolean))).* FROM app_user u WHERE u.id = $1`,
        [template?.id, email, firstName, lastName, active],
      );
    }
    const staffOfA = await query<Staff & { active: boolean }>(
      `SELECT id, email, role, municipality_id, team_id, first_name, last_name, active FROM app_user WHERE team_id = $1 AND role = 'manager'
        ORDER BY (SELECT count(*) FROM client c WHERE c.responsible_manager_id = app_user.id) DESC, email`,
      [lead.team_id],
    );
    managersA = [...staffOfA.filter((m) => m.active), ...staffOfA.filter((m) => !m.active)];
    if (managersA.length !== 4 || managersA[2]?.last_name !== 'Dritte') throw new Error('team A should have two demo managers, Tamara Dritte and the inactive Ina Vierte');
    managerB = pick(users, 'manager', (u) => u.municipality_id === lead.municipality_id && u.team_id !== lead.team_id);
    leadB = pick(users, 'team_lead', (u) => u.team_id === managerB.team_id);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('moves three clients of two managers to a third: new manager sees and writes them, the old one reads but gets 404 on writes; timeline, audit and history show it', async () => {
    const [from1, from2, to] = managersA as [Staff, Staff, Staff];
    const moved = [...(await clientsOf(from1.id, 2)), ...(await clientsOf(from2.id, 1))];
    expect(moved).toHaveLength(3);
    const ids = moved.map((c) => c.id);

    const response = await reassign(lead, { clientIds: ids, toManagerId: to.id, reason: `  ${REASON}  ` });
    expect(response.status).toBe(200);
    const body = response.body as ReassignClientsResponse;
    expect(body.items.map((c) => [c.id, c.responsibleManagerId, c.version])).toEqual(moved.map((c) => [c.id, to.id, c.version + 1]));

    // The new manager finds each in their caseload and may change it.
    const asTo = await as(to);
    for (const client of moved) {
      const page = (await asTo.agent.get(`/api/clients?managerId=${to.id}&q=${client.case_number}`).expect(200)).body as ClientPageResponse;
      expect(page.items.map((c) => [c.id, c.canEdit])).toEqual([[client.id, true]]);
    }
    await asTo.agent.patch(`/api/clients/${ids[0]}`).set(CSRF_HEADER, asTo.csrf).send({ version: moved[0]!.version + 1, phone: '+49 251 555-0199' }).expect(200);

    // The previous manager: no longer in their caseload, still readable per team rules, every write 404 (audited as denied).
    const asFrom = await as(from1);
    const deniedBefore = await query(`SELECT 1 FROM audit_event WHERE action = 'denied' AND user_id = $1 AND client_id = $2`, [from1.id, ids[1]]);
    const mine = (await asFrom.agent.get(`/api/clients?managerId=${from1.id}&q=${moved[1]!.case_number}`).expect(200)).body as ClientPageResponse;
    expect(mine.total).toBe(0);
    const read = (await asFrom.agent.get(`/api/clients/${ids[1]}`).expect(200)).body as ClientResponse;
    expect(read.responsibleManagerId).toBe(to.id);
    const file = (await asFrom.agent.get(`/api/clients/${ids[1]}/file`).expect(200)).body as ClientFileResponse;
    expect(file.access).toEqual({ canEdit: false, refusal: 'notOwnCaseload' });
    const patch = await asFrom.agent.patch(`/api/clients/${ids[1]}`).set(CSRF_HEADER, asFrom.csrf).send({ version: read.version, lastName: 'Übernommen' });
    expect({ status: patch.status, code: patch.body.code }).toEqual({ status: 404, code: 'notFound' });
    const conversation = await asFrom.agent
      .post(`/api/clients/${ids[1]}/conversations`)
      .set(CSRF_HEADER, asFrom.csrf)
      .send({ heldAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 30, form: 'phone', interpreter: 'none', language: 'de', topics: [], note: 'Noch ein Anruf.' });
    expect({ status: conversation.status, code: conversation.body.code }).toEqual({ status: 404, code: 'notFound' });
    const deniedAfter = await query(`SELECT 1 FROM audit_event WHERE action = 'denied' AND user_id = $1 AND client_id = $2`, [from1.id, ids[1]]);
    expect(deniedAfter.length - deniedBefore.length).toBe(2);
    expect(await query('SELECT last_name FROM client WHERE id = $1', [ids[1]])).toEqual([{ last_name: read.lastName }]);

    // Timeline: the change with both names, never the reason.
    for (const client of moved) {
      const timeline = (await asFrom.agent.get(`/api/clients/${client.id}/timeline`).expect(200)).body as TimelineResponse;
      const events = timeline.items.filter((e) => e.kind === 'reassigned');
      const from = managersA.find((m) => m.id === client.responsible_manager_id) as Staff;
      expect(events.map((e) => e.details)).toEqual([{ fromManager: fullName(from), toManager: fullName(to) }]);
      expect(JSON.stringify(timeline)).not.toContain('Elternzeit');
    }

    // Audit: one update row per client by the lead; history rows as stored.
    const audited = await query<{ client_id: string }>(
      `SELECT client_id FROM audit_event WHERE action = 'update' AND outcome = 'success' AND entity_type = 'client_assignment' AND user_id = $1 ORDER BY client_id`,
      [lead.id],
    );
    expect(audited.map((r) => r.client_id)).toEqual([...ids].sort());
    const stored = await query(
      `SELECT client_id, from_manager_id, to_manager_id, reason, assigned_by FROM client_assignment WHERE client_id = ANY($1::uuid[]) ORDER BY client_id`,
      [ids],
    );
    expect(stored).toEqual(
      [...moved].sort((a, b) => a.id.localeCompare(b.id)).map((c) => ({ client_id: c.id, from_manager_id: c.responsible_manager_id, to_manager_id: to.id, reason: REASON, assigned_by: lead.id })),
    );

    // History: readable by the team (the previous manager too), from/to/reason/by; the read is audited.
    const history = (await asFrom.agent.get(`/api/clients/${ids[2]}/assignments`).expect(200)).body as ClientAssignmentsResponse;
    expect(history.items).toEqual([
      {
        id: expect.any(String),
        fromManager: { id: from2.id, firstName: from2.first_name, lastName: from2.last_name },
        toManager: { id: to.id, firstName: to.first_name, lastName: to.last_name },
        reason: REASON,
        assignedBy: { id: lead.id, firstName: expect.any(String), lastName: expect.any(String) },
        assignedAt: expect.any(String),
      },
    ]);
    expect(await query(`SELECT 1 FROM audit_event WHERE action = 'read' AND entity_type = 'client_assignment' AND user_id = $1 AND client_id = $2`, [from1.id, ids[2]])).toHaveLength(1);
  });

  it('keeps the whole history, newest first, and refuses a target already responsible (400, nothing changes)', async () => {
    const [first, second] = managersA as [Staff, Staff];
    const [client] = await clientsOf(first.id, 1, 5);
    if (!client) throw new Error('no client');
    await reassign(lead, { clientIds: [client.id], toManagerId: second.id, reason: 'Krankheit' }).then((r) => expect(r.status).toBe(200));
    const before = await fingerprint();
    const again = await reassign(lead, { clientIds: [client.id], toManagerId: second.id, reason: 'Noch einmal' });
    expect({ status: again.status, errors: again.body.errors }).toEqual({ status: 400, errors: { toManagerId: 'alreadyResponsible' } });
    expect(await fingerprint()).toEqual(before);
    await reassign(lead, { clientIds: [client.id], toManagerId: first.id, reason: 'Rückkehr aus der Krankheit' }).then((r) => expect(r.status).toBe(200));

    const { agent } = await as(lead);
    const history = (await agent.get(`/api/clients/${client.id}/assignments`).expect(200)).body as ClientAssignmentsResponse;
    expect(history.items.map((a) => [a.fromManager?.id, a.toManager.id, a.reason])).toEqual([
      [second.id, first.id, 'Rückkehr aus der Krankheit'],
      [first.id, second.id, 'Krankheit'],
    ]);
    const [{ version }] = (await query<{ version: number }>('SELECT version FROM client WHERE id = $1', [client.id])) as [{ version: number }];
    expect(version).toBe(client.version + 2);
  });

  it('a manager cannot reassign or list the team’s managers (403), nothing changes', async () => {
    const [own, target] = managersA as [Staff, Staff];
    const [client] = await clientsOf(own.id, 1, 8);
    const before = await fingerprint();
    const response = await reassign(own, { clientIds: [client?.id], toManagerId: target.id, reason: 'Tausch' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'forbidden' });
    await (await as(own)).agent.get('/api/teams/mine/managers').expect(403);
    expect(await fingerprint()).toEqual(before);
  });

  it('a team lead of team A gets 404 for a team-B client, alone or among team-A clients; nothing changes; the attempt is audited as denied', async () => {
    const [foreign] = await clientsOf(managerB.id, 1);
    const [own] = await clientsOf(managersA[0]!.id, 1, 10);
    if (!foreign || !own) throw new Error('no clients');
    const before = await fingerprint();
    for (const clientIds of [[foreign.id], [own.id, foreign.id]]) {
      const response = await reassign(lead, { clientIds, toManagerId: managersA[1]!.id, reason: 'Versuch' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'notFound' });
    }
    expect(await fingerprint()).toEqual(before);
    expect(await query(`SELECT 1 FROM audit_event WHERE action = 'denied' AND user_id = $1 AND entity_id = $2`, [lead.id, foreign.id])).toHaveLength(2);
    await (await as(lead)).agent.get(`/api/clients/${foreign.id}/assignments`).expect(404);
    // Team B's lead may move it within team B.
    const managersB = await query<{ id: string }>(`SELECT id FROM app_user WHERE team_id = $1 AND role = 'manager' AND active AND id <> $2 ORDER BY email`, [leadB.team_id, managerB.id]);
    expect((await reassign(leadB, { clientIds: [foreign.id], toManagerId: managersB[0]?.id, reason: 'Teamintern' })).status).toBe(200);
  });

  it('refuses a target that is no active manager of the team (400 unknownManager), nothing changes', async () => {
    const [own] = await clientsOf(managersA[0]!.id, 1, 12);
    const inactive = managersA[3]!;
    const before = await fingerprint();
    const targets = {
      unknown: '00000000-0000-4000-8000-000000000000',
      inactive: inactive.id,
      otherTeam: managerB.id,
      teamLead: lead.id,
    };
    for (const [name, toManagerId] of Object.entries(targets)) {
      const response = await reassign(lead, { clientIds: [own?.id], toManagerId, reason: 'Ziel prüfen' });
      expect({ name, status: response.status, errors: response.body.errors }).toEqual({ name, status: 400, errors: { toManagerId: 'unknownManager' } });
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('validates the request (400) and stores nothing', async () => {
    const [own] = await clientsOf(managersA[0]!.id, 1, 14);
    const id = own?.id as string;
    const toManagerId = managersA[1]!.id;
    const tooMany = Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const before = await fingerprint();
    const cases: [object, string][] = [
      [{ clientIds: [], toManagerId, reason: 'x' }, 'clientIds'],
      [{ clientIds: [id, id], toManagerId, reason: 'x' }, 'clientIds'],
      [{ clientIds: tooMany, toManagerId, reason: 'x' }, 'clientIds'],
      [{ clientIds: ['nope'], toManagerId, reason: 'x' }, 'clientIds'],
      [{ clientIds: [id], toManagerId: 'nope', reason: 'x' }, 'toManagerId'],
      [{ clientIds: [id], toManagerId, reason: '   ' }, 'reason'],
      [{ clientIds: [id], toManagerId, reason: 'x'.repeat(501) }, 'reason'],
      [{ clientIds: [id], toManagerId }, 'reason'],
    ];
    for (const [body, field] of cases) {
      const response = await reassign(lead, body);
      expect({ body, status: response.status, fields: Object.keys(response.body.errors ?? {}) }).toEqual({ body, status: 400, fields: [field] });
    }
    const extra = await reassign(lead, { clientIds: [id], toManagerId, reason: 'x', version: 1 });
    expect(extra.status).toBe(400);
    expect(await fingerprint()).toEqual(before);
  });

  it('lists the active managers of the lead’s own team with their open caseload', async () => {
    const { agent } = await as(lead);
    const listed = (await agent.get('/api/teams/mine/managers').expect(200)).body as TeamManagersResponse;
    const expected = await query<{ id: string; open: number }>(
      `SELECT u.id, (SELECT count(*)::int FROM client c WHERE c.responsible_manager_id = u.id AND c.support_state IN ('active', 'paused')) AS open
         FROM app_user u WHERE u.team_id = $1 AND u.role = 'manager' AND u.active`,
      [lead.team_id],
    );
    expect(listed.items.map((m) => [m.id, m.openClients]).sort()).toEqual(expected.map((m) => [m.id, m.open]).sort());
    const german = new Intl.Collator('de');
    expect(listed.items.map((m) => m.lastName)).toEqual(listed.items.map((m) => m.lastName).sort((a, b) => german.compare(a, b)));
    const { agent: agentB } = await as(leadB);
    const other = (await agentB.get('/api/teams/mine/managers').expect(200)).body as TeamManagersResponse;
    expect(other.items.some((m) => managersA.some((a) => a.id === m.id))).toBe(false);
  });
});
