import { CSRF_HEADER, DuplicateCheckRequest, DuplicateCheckResponse } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { createClient } from './client-fixtures';

/** POST /api/clients/duplicate-check (issue 16, search before create) and the intake's backdating reason. */
describe('duplicate check before intake', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let managerA: DemoUser;
  let managerB: DemoUser;
  let asA: SignedInAgent;
  let asB: SignedInAgent;
  let asOtherMunicipality: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const check = (signed: SignedInAgent, body: Partial<DuplicateCheckRequest> | Record<string, unknown>) =>
    signed.agent.post('/api/clients/duplicate-check').set(CSRF_HEADER, signed.csrf).send(body);
  const crossTeamAudit = (userId: string, clientId: string) =>
    adminQuery<{ action: string; outcome: string; entity_id: string; client_id: string }>(
      `SELECT action, outcome, entity_id, client_id FROM audit_event WHERE user_id = $1 AND entity_type = 'client_cross_team_match' AND client_id = $2`,
      [userId, clientId],
      db.ownerUrl,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '60', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    managerA = pick(users, 'manager');
    managerB = pick(users, 'manager', (u) => u.municipality_id === managerA.municipality_id && u.team_id !== managerA.team_id);
    const managerC = pick(users, 'manager', (u) => u.municipality_id !== managerA.municipality_id);
    [asA, asB, asOtherMunicipality] = await Promise.all([signIn(server(), managerA.email), signIn(server(), managerB.email), signIn(server(), managerC.email)]);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('finds a client of the own team with umlauts written out and first and last name swapped, with id, names and case number', async () => {
    const own = await createClient(asA, { firstName: 'Jörg', lastName: 'Müller-Lüdenscheidt', dateOfBirth: '1983-04-17' });
    await createClient(asA, { firstName: 'Jörg', lastName: 'Müller-Lüdenscheidt', dateOfBirth: '1983-04-18' });
    const response = await check(asA, { firstName: 'Mueller-Luedenscheidt', lastName: 'Joerg', dateOfBirth: '1983-04-17' }).expect(200);
    expect(response.body).toEqual({
      matches: [
        {
          id: own.id,
          caseNumber: own.caseNumber,
          firstName: 'Jörg',
          lastName: 'Müller-Lüdenscheidt',
          firstNameOriginal: null,
          lastNameOriginal: null,
          dateOfBirth: '1983-04-17',
        },
      ],
      otherTeams: [],
    });
    // Another date of birth, or another name: no match.
    expect((await check(asA, { firstName: 'Jörg', lastName: 'Müller-Lüdenscheidt', dateOfBirth: '1983-04-19' }).expect(200)).body).toEqual({ matches: [], otherTeams: [] });
    expect((await check(asA, { firstName: 'Jörg', lastName: 'Schmidt', dateOfBirth: '1983-04-17' }).expect(200)).body).toEqual({ matches: [], otherTeams: [] });
  });

  it('shows a match in another team of the municipality only as that team, and audits it with the client id', async () => {
    const foreign = await createClient(asB, { firstName: 'Yusuf', lastName: 'Ahmad', firstNameOriginal: 'يوسف', lastNameOriginal: 'أحمد', dateOfBirth: '1979-02-03' });
    const [team] = await adminQuery<{ name: string }>('SELECT name FROM team WHERE id = $1', [managerB.team_id], db.ownerUrl);
    expect(await crossTeamAudit(managerA.id, foreign.id)).toEqual([]);

    // Arabic letter variants (أ = ا), other Latin spelling, names in the other order.
    const response = await check(asA, { firstName: 'Jusuf', lastName: 'Achmad', firstNameOriginal: 'احمد', lastNameOriginal: 'يوسف', dateOfBirth: '1979-02-03' }).expect(200);
    expect(response.body).toEqual({ matches: [], otherTeams: [{ teamName: team?.name }] });
    // Nothing of the person: no id, case number or name anywhere in the answer.
    const text = JSON.stringify(response.body);
    for (const secret of [foreign.id, foreign.caseNumber, 'Yusuf', 'Ahmad', 'يوسف', 'أحمد', '1979']) expect(text).not.toContain(secret);

    expect(await crossTeamAudit(managerA.id, foreign.id)).toEqual([{ action: 'read', outcome: 'success', entity_id: foreign.id, client_id: foreign.id }]);
    // The team that keeps the file sees it as its own match.
    const own = (await check(asB, { firstName: 'Yusuf', lastName: 'Ahmad', dateOfBirth: '1979-02-03' }).expect(200)).body as DuplicateCheckResponse;
    expect(own.matches.map((m) => m.id)).toEqual([foreign.id]);
    expect(own.otherTeams).toEqual([]);
  });

  it('never looks into another municipality', async () => {
    const elsewhere = await createClient(asOtherMunicipality, { firstName: 'Olena', lastName: 'Petrenko', dateOfBirth: '1990-07-21' });
    const response = await check(asA, { firstName: 'Olena', lastName: 'Petrenko', dateOfBirth: '1990-07-21' }).expect(200);
    expect(response.body).toEqual({ matches: [], otherTeams: [] });
    expect(await crossTeamAudit(managerA.id, elsewhere.id)).toEqual([]);
  });

  it.each([
    ['no date of birth', { firstName: 'Anna', lastName: 'Berg' }, 'dateOfBirth', 'isCalendarDate'],
    ['an impossible date', { firstName: 'Anna', lastName: 'Berg', dateOfBirth: '1990-02-30' }, 'dateOfBirth', 'isCalendarDate'],
    ['no last name', { firstName: 'Anna', dateOfBirth: '1990-02-01' }, 'lastName', 'isString'],
    ['an empty first name', { firstName: '', lastName: 'Berg', dateOfBirth: '1990-02-01' }, 'firstName', 'minLength'],
    ['an unknown field', { firstName: 'Anna', lastName: 'Berg', dateOfBirth: '1990-02-01', teamId: '00000000-0000-4000-8000-000000000000' }, 'teamId', 'unknownProperty'],
  ])('answers 400 with a field code for %s', async (_label, body, field, code) => {
    const response = await check(asA, body).expect(400);
    expect(response.body).toEqual(expect.objectContaining({ code: 'validationFailed', errors: expect.objectContaining({ [field]: code }) }));
  });

  it('needs a signed-in user who may create clients', async () => {
    const body = { firstName: 'Anna', lastName: 'Berg', dateOfBirth: '1990-02-01' };
    await request(server()).post('/api/clients/duplicate-check').send(body).expect((r) => expect([401, 403]).toContain(r.status));
    const evaluator = await signIn(server(), pick(users, 'evaluator').email);
    const refused = await check(evaluator, body).expect(403);
    expect(refused.body.code).toBe('forbidden');
  });

  it('keeps the reason of a backdated support start, and none for a start of today', async () => {
    const backdated = await createClient(asA, { supportStart: '2026-01-12', supportStartReason: '  Erstgespräch fand im Januar statt.  ' });
    const today = await createClient(asA, { supportStart: undefined, arrivalDate: null, supportStartReason: 'Nicht nötig' });
    const rows = await adminQuery<{ id: string; support_start_reason: string | null }>(
      'SELECT id, support_start_reason FROM client WHERE id = ANY($1::uuid[]) ORDER BY support_start',
      [[backdated.id, today.id]],
      db.ownerUrl,
    );
    expect(rows).toEqual([
      { id: backdated.id, support_start_reason: 'Erstgespräch fand im Januar statt.' },
      { id: today.id, support_start_reason: null },
    ]);
  });
});
