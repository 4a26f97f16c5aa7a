import { ClientResponse, ConversationResponse, CSRF_HEADER, PartnerImportPreviewResponse, UserResponse } from '@wegweiser/shared/contracts';
import type { Response } from 'supertest';
import { clientBody, createClient, rowCounts } from '../clients/client-fixtures';
import { completeTotpEnrolment } from '../support/second-factor';
import { DemoUser, demoUsers, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { TEXT_PROBE_TABLE_SQL, TextProbeModule, textProbeGrants } from './text-probe.module';

const SPOOFED = 'Ali\u202Egnp.exe';
/** Persian with ZWNJ (U+200C) inside the words, as Persian and Dari orthography writes them. */
const PERSIAN = { first: 'علی\u200Cرضا', last: 'مهدی\u200Cزاده' };

/** Issue 18, point 7: control, bidi-override and (in single-line fields) invisible characters are refused with a field error. */
describe('forbidden characters in request text', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let manager: SignedInAgent;
  let admin: SignedInAgent;
  const server = () => api.app.getHttpServer();
  const count = async (sql: string, params: unknown[] = []) => Number((await adminQuery<{ n: string }>(sql, params, db.ownerUrl))[0]?.n);

  /** 400 `validationFailed` with exactly these field errors, and the refused text is not echoed. */
  const expectRefused = (response: Response, errors: Record<string, string>) => {
    expect({ status: response.status, code: response.body.code, errors: response.body.errors }).toEqual({ status: 400, code: 'validationFailed', errors });
    expect(response.text).not.toMatch(/[\u202E\u200B\u2067]|\\u0000|\\u0007|gnp\.exe/i);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [TextProbeModule], { DEMO_DATA: 'true', DEMO_CLIENTS: '60', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    await adminQuery(TEXT_PROBE_TABLE_SQL, [], db.ownerUrl);
    await adminQuery(textProbeGrants(db.appRole), [], db.ownerUrl);
    users = await demoUsers(db.ownerUrl);
    const managerUser = pick(users, 'manager');
    manager = await signIn(server(), managerUser.email);
    admin = await completeTotpEnrolment(await signIn(server(), pick(users, 'admin', (u) => u.municipality_id === managerUser.municipality_id).email));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  describe('clients', () => {
    it('refuses `Ali\\u202Egnp.exe` as a first name with 400 and the field error, and stores no row', async () => {
      const before = await rowCounts(db.ownerUrl);
      const response = await manager.agent.post('/api/clients').set(CSRF_HEADER, manager.csrf).send(clientBody({ firstName: SPOOFED }));
      expectRefused(response, { firstName: 'forbiddenCharacters' });
      expect(await rowCounts(db.ownerUrl)).toEqual(before);
      expect(await count(`SELECT count(*) AS n FROM client WHERE first_name LIKE 'Ali%exe'`)).toBe(0);
    });

    it('refuses invisible characters and line breaks in single-line fields, several fields at once, also on change and in the search', async () => {
      const before = await rowCounts(db.ownerUrl);
      const created = await manager.agent
        .post('/api/clients')
        .set(CSRF_HEADER, manager.csrf)
        .send(clientBody({ lastName: 'Haddad\u200B', firstNameOriginal: 'سارا\n', lastNameOriginal: 'حداد\u2067' }));
      expectRefused(created, { lastName: 'forbiddenCharacters', lastNameOriginal: 'forbiddenCharacters' });
      expect(await rowCounts(db.ownerUrl)).toEqual(before);

      const client = await createClient(manager);
      const changed = await manager.agent.patch(`/api/clients/${client.id}`).set(CSRF_HEADER, manager.csrf).send({ version: client.version, lastName: 'Muster\u0007' });
      expectRefused(changed, { lastName: 'forbiddenCharacters' });
      const [row] = await adminQuery<{ last_name: string; version: number }>('SELECT last_name, version FROM client WHERE id = $1', [client.id], db.ownerUrl);
      expect(row).toEqual({ last_name: client.lastName, version: client.version });

      expectRefused(await manager.agent.get(`/api/clients?q=${encodeURIComponent('Ali\u200B')}`), { q: 'forbiddenCharacters' });
      expectRefused(
        await manager.agent.post('/api/clients/duplicate-check').set(CSRF_HEADER, manager.csrf).send({ firstName: SPOOFED, lastName: 'X', dateOfBirth: '1990-01-01' }),
        { firstName: 'forbiddenCharacters' },
      );
    });

    it('keeps names of every script exactly: Persian with ZWNJ, Arabic, Tigrinya, Ukrainian, Vietnamese with combining marks', async () => {
      const names = [
        { firstName: 'Alireza', lastName: 'Mahdizadeh', firstNameOriginal: PERSIAN.first, lastNameOriginal: PERSIAN.last },
        { firstName: 'Mohammed', lastName: 'Abdullah', firstNameOriginal: 'محمد', lastNameOriginal: 'عبد الله' },
        { firstName: 'Abraham', lastName: 'Tesfay', firstNameOriginal: 'ኣብርሃም', lastNameOriginal: 'ተስፋይ' },
        { firstName: 'Darja', lastName: 'Schewtschenko', firstNameOriginal: 'Дар’я', lastNameOriginal: 'Шевченко' },
        { firstName: 'Thi\u0323 Ha\u0300', lastName: 'Nguye\u0302\u0303n', firstNameOriginal: null, lastNameOriginal: null },
      ];
      for (const name of names) {
        const created = (await manager.agent.post('/api/clients').set(CSRF_HEADER, manager.csrf).send(clientBody(name)).expect(201)).body as ClientResponse;
        const [row] = await adminQuery<Record<string, string | null>>(
          'SELECT first_name AS "firstName", last_name AS "lastName", first_name_original AS "firstNameOriginal", last_name_original AS "lastNameOriginal" FROM client WHERE id = $1',
          [created.id],
          db.ownerUrl,
        );
        expect(row).toEqual(name);
      }
    });

    it('keeps line breaks in the address (a textarea), but not a bidi override', async () => {
      const address = 'c/o Haddad\nLudgeristraße 1\n48143 Münster';
      const created = await createClient(manager, { address });
      expect(created.address).toBe(address);
      const refused = await manager.agent.patch(`/api/clients/${created.id}`).set(CSRF_HEADER, manager.csrf).send({ version: created.version, address: 'Ludgeristraße 1\n\u202E48143' });
      expectRefused(refused, { address: 'forbiddenCharacters' });
    });
  });

  describe('conversation notes (multi-line)', () => {
    const conversation = (note: string, agreements: string | null = null) => ({
      heldAt: '2026-03-02T09:30:00+01:00',
      durationMinutes: 45,
      form: 'office',
      interpreter: 'professional',
      language: 'ar',
      topics: ['language'],
      note,
      agreements,
      nextAppointmentAt: null,
    });

    it('accepts a note with line breaks, tabs and Arabic text, and reads it back unchanged', async () => {
      const client = await createClient(manager);
      const note = 'Gespräch mit Dolmetscherin.\n\n- Deutschkurs B1 ab April\n\t- مراجعة الأوراق مع مكتب العمل\nNächster Schritt: Bewerbung.';
      const agreements = 'Lebenslauf mitbringen.\r\nمع السلامة';
      const created = (await manager.agent.post(`/api/clients/${client.id}/conversations`).set(CSRF_HEADER, manager.csrf).send(conversation(note, agreements)).expect(201))
        .body as ConversationResponse;
      const read = (await manager.agent.get(`/api/clients/${client.id}/conversations`).expect(200)).body as ConversationResponse[];
      expect(read.find((c) => c.id === created.id)).toEqual(expect.objectContaining({ note, agreements }));
    });

    it('refuses U+202E in a note, and NUL in the agreements (it used to be stored, encrypted), storing nothing', async () => {
      const client = await createClient(manager);
      const before = await count('SELECT count(*) AS n FROM conversation');
      const path = `/api/clients/${client.id}/conversations`;
      expectRefused(await manager.agent.post(path).set(CSRF_HEADER, manager.csrf).send(conversation('Termin\nmit \u202Eevil')), { note: 'forbiddenCharacters' });
      expectRefused(await manager.agent.post(path).set(CSRF_HEADER, manager.csrf).send(conversation('Termin', 'a\u0000b')), { agreements: 'forbiddenCharacters' });
      expect(await count('SELECT count(*) AS n FROM conversation')).toBe(before);
    });
  });

  describe('partners and accounts (administration)', () => {
    it('refuses U+200B in a partner name and stores nothing; keeps line breaks in its description', async () => {
      const before = await count('SELECT count(*) AS n FROM partner');
      expectRefused(await admin.agent.post('/api/partners').set(CSRF_HEADER, admin.csrf).send({ name: 'Caritas\u200B', kind: 'organisation' }), { name: 'forbiddenCharacters' });
      expect(await count('SELECT count(*) AS n FROM partner')).toBe(before);
      const description = 'Beratung dienstags.\nSprachkurse donnerstags.';
      const created = await admin.agent.post('/api/partners').set(CSRF_HEADER, admin.csrf).send({ name: 'Caritas Textregel', kind: 'organisation', description }).expect(201);
      expect(created.body.description).toBe(description);
    });

    it('refuses a control character in a user’s last name (create and change; NUL too, with the field, not as a database error)', async () => {
      const post = (body: object) => admin.agent.post('/api/users').set(CSRF_HEADER, admin.csrf).send({ email: 'text.regel@ms.wegweiser.example', firstName: 'Nora', role: 'evaluator', ...body });
      const before = await count('SELECT count(*) AS n FROM app_user');
      expectRefused(await post({ lastName: 'Neu\u0007mann' }), { lastName: 'forbiddenCharacters' });
      expect(await count('SELECT count(*) AS n FROM app_user')).toBe(before);
      const { user } = (await post({ firstName: 'نرگس', lastName: PERSIAN.last }).expect(201)).body as { user: UserResponse };
      expect(user).toEqual(expect.objectContaining({ firstName: 'نرگس', lastName: PERSIAN.last }));
      const changed = await admin.agent.patch(`/api/users/${user.id}`).set(CSRF_HEADER, admin.csrf).send({ version: user.version, lastName: 'Neu\u0000mann' });
      expectRefused(changed, { lastName: 'forbiddenCharacters' });
      const [row] = await adminQuery<{ last_name: string }>('SELECT last_name FROM app_user WHERE id = $1', [user.id], db.ownerUrl);
      expect(row?.last_name).toBe(PERSIAN.last);
    });
  });

  describe('nested fields and arrays', () => {
    const probe = (body: object) => admin.agent.post('/api/text-probe').set(CSRF_HEADER, admin.csrf).send(body);
    const valid = { title: 'Probe', address: { street: 'Hauptstraße 1' }, lines: [{ label: 'Eins', remark: 'Zeile 1\nZeile 2' }, { label: 'Zwei' }] };

    it('refuses a forbidden character in a nested single-line field with a dotted path; a nested multi-line field keeps line breaks', async () => {
      expectRefused(await probe({ ...valid, address: { street: 'Haupt\u200Bstraße 1' } }), { 'address.street': 'forbiddenCharacters' });
      expectRefused(await probe({ ...valid, lines: [valid.lines[0], { label: 'Zwei\nDrei' }] }), { 'lines.1.label': 'forbiddenCharacters' });
      expectRefused(await probe({ ...valid, lines: [{ label: 'Eins', remark: 'Zeile 1\n\u2067x' }] }), { 'lines.0.remark': 'forbiddenCharacters' });
      expect(await count('SELECT count(*) AS n FROM e2e_text_probe')).toBe(0);
      await probe(valid).expect(201);
      expect(await count('SELECT count(*) AS n FROM e2e_text_probe')).toBe(1);
    });

    it('refuses an invisible character in an element of a list of strings (a client’s interests)', async () => {
      const client = await createClient(manager);
      const response = await manager.agent
        .put(`/api/clients/${client.id}/qualifications`)
        .set(CSRF_HEADER, manager.csrf)
        .send({ version: 0, interests: ['Kochen', 'Fuß\u200Bball'] });
      expectRefused(response, { 'interests.1': 'forbiddenCharacters' });
      expect(await count('SELECT count(*) AS n FROM qualification WHERE client_id = $1 AND $2 = ANY(interests)', [client.id, 'Fuß\u200Bball'])).toBe(0);
    });
  });

  describe('partner import', () => {
    const upload = (step: 'preview' | 'confirm', csv: string, token?: string) => {
      const req = admin.agent.post(`/api/partners/import/${step}`).set(CSRF_HEADER, admin.csrf);
      if (token !== undefined) req.field('token', token);
      return req.attach('file', Buffer.from(csv, 'utf8'), 'partner.csv');
    };

    it('reports a row with a forbidden character as wrong, with its line and reason, and imports only the others', async () => {
      const csv = [
        'Name;Ansprechperson;Beschreibung',
        `Import${SPOOFED};;`,
        'Importverein Zwei;Erika\u200B Muster;',
        `انجمن ایرانیان${'\u200C'}ها;Олена;"Kurse\nBeratung"`,
        'Importverein Vier;;"Zeile\n\u202Eevil"',
      ].join('\r\n');
      const preview = (await upload('preview', csv).expect(200)).body as PartnerImportPreviewResponse;
      expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, invalid: 3 });
      expect(preview.errors).toEqual([
        { line: 2, name: null, problems: [{ code: 'forbiddenCharacters', field: 'name', value: 'U+202E' }] },
        { line: 3, name: 'Importverein Zwei', problems: [{ code: 'forbiddenCharacters', field: 'contactPerson', value: 'U+200B' }] },
        { line: 5, name: 'Importverein Vier', problems: [{ code: 'forbiddenCharacters', field: 'description', value: 'U+202E' }] },
      ]);
      expect(preview.rows.map((r) => r.line)).toEqual([4]);
      expect((await upload('confirm', csv, preview.token).expect(200)).body).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 3 });
      const stored = await adminQuery<{ name: string; contact_person: string; description: string }>(
        `SELECT name, contact_person, description FROM partner WHERE name LIKE 'Import%' OR name LIKE 'انجمن%'`,
        [],
        db.ownerUrl,
      );
      expect(stored).toEqual([{ name: `انجمن ایرانیان${'\u200C'}ها`, contact_person: 'Олена', description: 'Kurse\nBeratung' }]);
    });
  });
});
