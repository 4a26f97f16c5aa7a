import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { clientBody, createClient, rowCounts } from './client-fixtures';

/** Creating, reading and changing a client's personal data (POST/GET/PATCH /api/clients). */
describe('client file: personal data', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let manager: DemoUser;
  let lead: DemoUser;
  let asManager: SignedInAgent;
  let asLead: SignedInAgent;
  let municipalityCode: string;
  const server = () => api.app.getHttpServer();
  const readAudits = (clientId: string) =>
    adminQuery(`SELECT 1 FROM audit_event WHERE action = 'read' AND client_id = $1`, [clientId], db.ownerUrl).then((rows) => rows.length);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    manager = pick(users, 'manager');
    lead = pick(users, 'team_lead', (u) => u.team_id === manager.team_id);
    asManager = await signIn(server(), manager.email);
    asLead = await signIn(server(), lead.email);
    [{ code: municipalityCode }] = await adminQuery<{ code: string }>('SELECT code FROM municipality WHERE id = $1', [manager.municipality_id], db.ownerUrl);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const maxRunningNumber = async (year: number) => {
    const [row] = await adminQuery<{ max: number | null }>(
      `SELECT max(split_part(case_number, '-', 3)::int) AS max FROM client WHERE municipality_id = $1 AND split_part(case_number, '-', 2) = $2`,
      [manager.municipality_id, String(year)],
      db.ownerUrl,
    );
    return row?.max ?? 0;
  };

  it('a manager creates a client in the own caseload and team, with the next case number of the municipality and year', async () => {
    const before = await maxRunningNumber(2026);
    const created = await createClient(asManager, { firstName: 'Amina', lastName: 'Haddad', lastNameOriginal: 'حداد' });
    expect(created).toEqual(
      expect.objectContaining({
        caseNumber: `${municipalityCode}-2026-${String(before + 1).padStart(5, '0')}`,
        teamId: manager.team_id,
        responsibleManagerId: manager.id,
        supportStart: '2026-01-12',
        supportWindowEnd: '2029-01-12',
        supportState: 'active',
        lastNameOriginal: 'حداد',
        nationalities: ['SY'],
        languagesSpoken: ['ar', 'de'],
        householdMembers: 4,
        version: 1,
      }),
    );
    const events = await adminQuery('SELECT from_state, to_state, on_date::text AS on, by_user_id FROM support_event WHERE client_id = $1', [created.id], db.ownerUrl);
    expect(events).toEqual([{ from_state: null, to_state: 'active', on: '2026-01-12', by_user_id: manager.id }]);
    const audits = await adminQuery(`SELECT action FROM audit_event WHERE client_id = $1`, [created.id], db.ownerUrl);
    expect(audits).toEqual([{ action: 'create' }]);
  });

  it('allocates distinct consecutive case numbers to concurrent creations (per year of the support start)', async () => {
    const before = await maxRunningNumber(2025);
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => createClient(i % 2 ? asLead : asManager, { supportStart: '2025-11-03', arrivalDate: '2025-10-01' })));
    const numbers = created.map((c) => c.caseNumber).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `${municipalityCode}-2025-${String(before + 1 + i).padStart(5, '0')}`));
  });

  it('a team lead may name a manager of the team or nobody, not someone of another team', async () => {
    const other = pick(users, 'manager', (u) => u.team_id === lead.team_id && u.id !== manager.id);
    expect(await createClient(asLead, { responsibleManagerId: other.id })).toEqual(expect.objectContaining({ responsibleManagerId: other.id, teamId: lead.team_id }));
    expect(await createClient(asLead, { responsibleManagerId: null })).toEqual(expect.objectContaining({ responsibleManagerId: null }));
    const foreign = pick(users, 'manager', (u) => u.municipality_id === lead.municipality_id && u.team_id !== lead.team_id);
    const counts = await rowCounts(db.ownerUrl);
    const refused = await asLead.agent.post('/api/clients').set(CSRF_HEADER, asLead.csrf).send(clientBody({ responsibleManagerId: foreign.id })).expect(400);
    expect(refused.body.errors).toEqual({ responsibleManagerId: 'unknownManager' });
    const notOwn = await asManager.agent.post('/api/clients').set(CSRF_HEADER, asManager.csrf).send(clientBody({ responsibleManagerId: other.id })).expect(403);
    expect(notOwn.body.code).toBe('notOwnCaseload');
    expect(await rowCounts(db.ownerUrl)).toEqual(counts);
  });

  it('GET returns the whole file and leaves exactly one audit row per read', async () => {
    const created = await createClient(asManager);
    for (let read = 1; read <= 2; read++) {
      const response = await asManager.agent.get(`/api/clients/${created.id}`).expect(200);
      expect(response.body).toEqual({ ...created });
      expect(await readAudits(created.id)).toBe(read);
    }
    await asManager.agent.get(`/api/clients/${created.id}/support`).expect(200);
    expect(await readAudits(created.id)).toBe(3);
  });

  it('PATCH changes every personal field with the current version, and only with it', async () => {
    const created = await createClient(asManager);
    const changes = {
      firstName: 'Olena',
      lastName: 'Kovalenko',
      firstNameOriginal: 'Олена',
      lastNameOriginal: 'Коваленко',
      dateOfBirth: '1988-02-29',
      gender: 'female',
      countryOfOrigin: 'UA',
      nationalities: ['UA', 'PL'],
      languagesSpoken: ['uk', 'ru'],
      residenceStatus: 'temporary_protection',
      residenceValidUntil: '2027-03-04',
      arrivalDate: '2022-03-20',
      housing: 'private_flat',
      householdMembers: 2,
      phone: '+49 171 2345678',
      email: 'olena@example.org',
      address: 'Am Markt 3, 48143 Münster',
    } as const;
    const response = await asManager.agent.patch(`/api/clients/${created.id}`).set(CSRF_HEADER, asManager.csrf).send({ version: 1, ...changes }).expect(200);
    expect(response.body).toEqual({ ...created, ...changes, version: 2 });
    const [row] = await adminQuery<{ search_text: string }>('SELECT search_text FROM client WHERE id = $1', [created.id], db.ownerUrl);
    expect(row?.search_text).toContain('коваленко');
    const cleared = await asManager.agent.patch(`/api/clients/${created.id}`).set(CSRF_HEADER, asManager.csrf).send({ version: 2, phone: null, residenceStatus: null }).expect(200);
    expect(cleared.body).toEqual(expect.objectContaining({ phone: null, residenceStatus: null, version: 3 }));
    const stale = await asManager.agent.patch(`/api/clients/${created.id}`).set(CSRF_HEADER, asManager.csrf).send({ version: 2, lastName: 'Alt' }).expect(409);
    expect(stale.body).toEqual(expect.objectContaining({ code: 'staleVersion', currentVersion: 3 }));
  });

  it.each([
    ['arrival before the date of birth', { arrivalDate: '1990-01-01' }, { arrivalDate: 'dateOrder' }],
    ['a date of birth after the arrival', { dateOfBirth: '2025-10-01' }, { dateOfBirth: 'dateOrder' }],
    ['arrival in the future', { arrivalDate: '2099-01-01' }, { arrivalDate: 'notInFuture' }],
    ['arrival after the support start', { arrivalDate: '2026-02-01' }, { arrivalDate: 'dateOrder' }],
  ])('PATCH refuses %s (400 naming the field) and changes nothing', async (_label, change, errors) => {
    const created = await createClient(asManager);
    const response = await asManager.agent.patch(`/api/clients/${created.id}`).set(CSRF_HEADER, asManager.csrf).send({ version: 1, ...change }).expect(400);
    expect(response.body).toEqual(expect.objectContaining({ code: 'validationFailed', errors }));
    expect((await asManager.agent.get(`/api/clients/${created.id}`).expect(200)).body).toEqual(created);
  });

  /** Test names show long values shortened. */
  const shown = ([field, value, code]: [string, unknown, string]) => {
    const text = JSON.stringify(value) ?? 'undefined';
    return [field, `${text.length > 24 ? `${text.slice(0, 12)}…(${text.length})` : text} (${code})`, value, code] as const;
  };

  const INVALID_CREATE: [string, unknown, string][] = [
    ['firstName', '', 'minLength'],
    ['firstName', 42, 'isString'],
    ['lastName', 'x'.repeat(201), 'maxLength'],
    ['lastName', undefined, 'isString'],
    ['firstNameOriginal', 'x'.repeat(201), 'maxLength'],
    ['lastNameOriginal', ['Ахмедов'], 'isString'],
    ['dateOfBirth', '1991-02-30', 'isCalendarDate'],
    ['dateOfBirth', '2027-01-01', 'notInFuture'],
    ['gender', 'unknown', 'isIn'],
    ['countryOfOrigin', 'Syrien', 'matches'],
    ['countryOfOrigin', 'QQ', 'isISO31661Alpha2'],
    ['nationalities', ['SY', 'SY'], 'arrayUnique'],
    ['nationalities', ['SYR'], 'matches'],
    ['nationalities', Array(6).fill('SY'), 'arrayMaxSize'],
    ['languagesSpoken', ['Arabic'], 'matches'],
    ['residenceStatus', 'visa', 'isIn'],
    ['residenceValidUntil', '30.06.2028', 'isCalendarDate'],
    ['residenceValidUntil', '1980-01-01', 'dateOrder'],
    ['arrivalDate', '2099-01-01', 'notInFuture'],
    ['arrivalDate', '1990-01-01', 'dateOrder'],
    ['housing', 'tent', 'isIn'],
    ['householdMembers', 0, 'min'],
    ['householdMembers', 31, 'max'],
    ['householdMembers', 2.5, 'isInt'],
    ['phone', 'ruf mich an', 'matches'],
    ['email', 'keine-adresse', 'isEmail'],
    ['address', 'x'.repeat(501), 'maxLength'],
    ['supportStart', '2026-13-01', 'isCalendarDate'],
    ['supportStart', '2025-08-01', 'dateOrder'],
    ['supportStart', '2099-01-01', 'notInFuture'],
    ['responsibleManagerId', 'jemand', 'isUuid'],
    ['caseNumber', 'XX-2026-00001', 'unknownProperty'],
    ['teamId', '00000000-0000-4000-8000-000000000000', 'unknownProperty'],
  ];

  it.each(INVALID_CREATE.map(shown))('POST with %s = %s → 400 naming it; row counts unchanged', async (field, _shown, value, code) => {
    const counts = await rowCounts(db.ownerUrl);
    const body: Record<string, unknown> = { ...clientBody(), [field]: value };
    if (value === undefined) delete body[field];
    const response = await asManager.agent.post('/api/clients').set(CSRF_HEADER, asManager.csrf).send(body).expect(400);
    expect(response.body).toEqual(expect.objectContaining({ code: 'validationFailed' }));
    expect(response.body.errors[field]).toBe(code);
    expect(await rowCounts(db.ownerUrl)).toEqual(counts);
  });

  const INVALID_UPDATE: [string, unknown, string][] = [
    ['version', undefined, 'isInt'],
    ['version', 0, 'min'],
    ['firstName', null, 'isString'],
    ['lastName', '   ', 'minLength'],
    ['dateOfBirth', null, 'isCalendarDate'],
    ['gender', null, 'isIn'],
    ['countryOfOrigin', 'de', 'matches'],
    ['nationalities', null, 'isArray'],
    ['languagesSpoken', ['de', 'de'], 'arrayUnique'],
    ['residenceStatus', 'visa', 'isIn'],
    ['householdMembers', '4', 'isInt'],
    ['email', 'a@', 'isEmail'],
    ['supportStart', '2026-01-01', 'unknownProperty'],
    ['supportState', 'closed', 'unknownProperty'],
    ['responsibleManagerId', '00000000-0000-4000-8000-000000000000', 'unknownProperty'],
  ];

  it.each(INVALID_UPDATE.map(shown))('PATCH with %s = %s → 400 naming it; nothing changes', async (field, _shown, value, code) => {
    const created = await createClient(asManager);
    const counts = await rowCounts(db.ownerUrl);
    const body: Record<string, unknown> = { version: 1, firstName: 'Geändert', [field]: value };
    if (value === undefined) delete body[field];
    const response = await asManager.agent.patch(`/api/clients/${created.id}`).set(CSRF_HEADER, asManager.csrf).send(body).expect(400);
    expect(response.body.errors[field]).toBe(code);
    expect(await rowCounts(db.ownerUrl)).toEqual(counts);
    expect((await asManager.agent.get(`/api/clients/${created.id}`).expect(200)).body).toEqual(created);
  });
});
