import { CSRF_HEADER, PartnerImportPreviewResponse, PartnerResponse, WorkingGroupResponse } from '@wegweiser/shared/contracts';
import writeXlsxFile from 'write-excel-file/node';
import { completeTotpEnrolment } from '../support/second-factor';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const HEADER = 'Name;Art;Ansprechperson;E-Mail;Telefon;Adresse;Webseite;Sprachen;Arbeitskreise';

/** 20 organisations: line 5 has a bad e-mail, line 12 repeats line 3's name (other case). */
function partnerCsv(prefix: string): string {
  const lines = [HEADER];
  for (let i = 1; i <= 20; i++) {
    const name = i === 11 ? `${prefix} Verein 02`.toUpperCase() : `${prefix} Verein ${String(i).padStart(2, '0')}`;
    const email = i === 4 ? 'kein-at-zeichen' : `kontakt${i}@verein.example`;
    lines.push(`${name};Organisation;Erika Muster;${email};+49 251 ${1000 + i};"Hauptstraße ${i}, 48143 Musterstadt";verein${i}.example;"de, ar";Sprache, Beratung`);
  }
  return lines.join('\r\n') + '\r\n';
}

/** Partner import (CSV/XLSX): preview writes nothing, confirmation writes the plan, again is unchanged; working groups. */
describe('partner import and working groups', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let admin: SignedInAgent;
  let foreignAdmin: SignedInAgent;
  let manager: SignedInAgent;
  let municipality: string;
  const server = () => api.app.getHttpServer();
  const counts = async () =>
    (
      await adminQuery(
        `SELECT (SELECT count(*) FROM partner) AS partners, (SELECT count(*) FROM partner_working_group) AS memberships,
                (SELECT count(*) FROM working_group) AS groups, (SELECT coalesce(sum(version), 0) FROM partner) AS versions,
                (SELECT count(*) FROM audit_event WHERE outcome = 'success' AND action IN ('create', 'update')) AS writes`,
        [],
        db.ownerUrl,
      )
    )[0];
  const upload = (who: SignedInAgent, step: 'preview' | 'confirm', content: Buffer | string, fileName: string, token?: string) => {
    const req = who.agent.post(`/api/partners/import/${step}`).set(CSRF_HEADER, who.csrf);
    if (token !== undefined) req.field('token', token);
    return req.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), fileName);
  };
  const ownPartners = async (prefix: string) =>
    adminQuery<{ name: string; email: string; languages: string[]; groups: number }>(
      `SELECT p.name, p.email, p.languages, (SELECT count(*)::int FROM partner_working_group m WHERE m.partner_id = p.id) AS groups
         FROM partner p WHERE p.municipality_id = $1 AND p.name LIKE $2 ORDER BY p.name`,
      [municipality, `${prefix}%`],
      db.ownerUrl,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '60', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    const managerUser = pick(users, 'manager');
    municipality = managerUser.municipality_id;
    manager = await signIn(server(), managerUser.email);
    admin = await completeTotpEnrolment(await signIn(server(), pick(users, 'admin', (u) => u.municipality_id === municipality).email));
    foreignAdmin = await completeTotpEnrolment(await signIn(server(), pick(users, 'admin', (u) => u.municipality_id !== municipality).email));
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('seeds the four working groups per municipality; an admin adds one (names unique regardless of case); managers only read', async () => {
    const seeded = (await manager.agent.get('/api/working-groups').expect(200)).body as WorkingGroupResponse[];
    expect(seeded.map((g) => g.name)).toEqual(['Arbeitsmarktintegration', 'Beratung', 'Rechtliche Grundlagen', 'Sprache']);
    const added = (await admin.agent.post('/api/working-groups').set(CSRF_HEADER, admin.csrf).send({ name: ' Gesundheit ' }).expect(201)).body as WorkingGroupResponse;
    expect(added).toMatchObject({ name: 'Gesundheit', version: 1 });
    expect((await admin.agent.post('/api/working-groups').set(CSRF_HEADER, admin.csrf).send({ name: 'GESUNDHEIT' }).expect(409)).body.code).toBe('workingGroupNameTaken');
    expect((await admin.agent.post('/api/working-groups').set(CSRF_HEADER, admin.csrf).send({ name: '' }).expect(400)).body.errors).toEqual({ name: 'minLength' });
    expect((await manager.agent.post('/api/working-groups').set(CSRF_HEADER, manager.csrf).send({ name: 'Wohnen' }).expect(403)).body.code).toBe('forbidden');
    const foreign = (await foreignAdmin.agent.get('/api/working-groups').expect(200)).body as WorkingGroupResponse[];
    expect(foreign.map((g) => g.name)).not.toContain('Gesundheit');
    expect(foreign).toHaveLength(4);
    const audit = await adminQuery(`SELECT 1 FROM audit_event WHERE entity_type = 'working_group' AND entity_id = $1 AND action = 'create'`, [added.id], db.ownerUrl);
    expect(audit).toHaveLength(1);
  });

  it('a new municipality starts with the four working groups (trigger of the migration)', async () => {
    const [created] = await adminQuery<{ id: string }>(`INSERT INTO municipality (code, name) VALUES ('WG', 'Wegstadt') RETURNING id`, [], db.ownerUrl);
    const groups = await adminQuery<{ name: string }>(`SELECT name FROM working_group WHERE municipality_id = $1 ORDER BY name`, [created?.id], db.ownerUrl);
    expect(groups.map((g) => g.name)).toEqual(['Arbeitsmarktintegration', 'Beratung', 'Rechtliche Grundlagen', 'Sprache']);
  });

  it('a partner keeps contact person, languages and working groups; an offer its languages, target group and Zugangsweg', async () => {
    const groups = (await admin.agent.get('/api/working-groups').expect(200)).body as WorkingGroupResponse[];
    const [first, second] = groups;
    const { agent, csrf } = admin;
    const created = (
      await agent
        .post('/api/partners')
        .set(CSRF_HEADER, csrf)
        .send({ name: 'Kulturbrücke e. V.', kind: 'organisation', contactPerson: 'Erika Muster', languages: ['de', 'fa', 'de'], workingGroupIds: [first?.id] })
        .expect(201)
    ).body as PartnerResponse;
    expect(created).toMatchObject({ contactPerson: 'Erika Muster', languages: ['de', 'fa'], workingGroupIds: [first?.id] });
    const changed = (await agent.patch(`/api/partners/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, workingGroupIds: [second?.id] }).expect(200)).body as PartnerResponse;
    expect(changed).toMatchObject({ version: 2, workingGroupIds: [second?.id] });
    const offer = await agent
      .post(`/api/partners/${created.id}/offers`)
      .set(CSRF_HEADER, csrf)
      .send({ topic: 'culture', title: 'Erzählcafé', languages: ['fa'], targetGroup: 'Frauen', accessRoute: 'Anruf genügt' })
      .expect(201);
    expect(offer.body).toMatchObject({ languages: ['fa'], targetGroup: 'Frauen', accessRoute: 'Anruf genügt', active: true });

    const foreignGroup = ((await foreignAdmin.agent.get('/api/working-groups').expect(200)).body as WorkingGroupResponse[])[0];
    const refused = await agent.patch(`/api/partners/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 2, workingGroupIds: [foreignGroup?.id] }).expect(422);
    expect(refused.body.code).toBe('unknownWorkingGroup');
    const badLanguage = await agent.post('/api/partners').set(CSRF_HEADER, csrf).send({ name: 'Sprachverein', kind: 'organisation', languages: ['Deutsch'] }).expect(400);
    expect(badLanguage.body.errors).toEqual({ languages: 'matches' });
    expect(((await agent.get('/api/partners?q=Kulturbr').expect(200)).body as PartnerResponse[])[0]).toMatchObject({ version: 2, workingGroupIds: [second?.id] });
  });

  it('the preview writes nothing and reports the wrong rows by line and reason; confirming writes the valid rows; again changes nothing', async () => {
    const csv = partnerCsv('Importtest');
    const before = await counts();
    const preview = (await upload(admin, 'preview', csv, 'partner.csv').expect(200)).body as PartnerImportPreviewResponse;
    expect(await counts()).toEqual(before);
    expect(preview.counts).toEqual({ create: 18, update: 0, unchanged: 0, invalid: 2 });
    expect(preview.errors).toEqual([
      { line: 5, name: 'Importtest Verein 04', problems: [{ code: 'emailInvalid', field: 'email' }] },
      { line: 12, name: 'IMPORTTEST VEREIN 02', problems: [{ code: 'duplicateRow', field: 'name', duplicateOf: 3 }] },
    ]);
    expect(preview.rows.every((r) => r.action === 'create' && r.partnerId === null)).toBe(true);

    const result = await upload(admin, 'confirm', csv, 'partner.csv', preview.token).expect(200);
    expect(result.body).toEqual({ created: 18, updated: 0, unchanged: 0, skipped: 2 });
    const stored = await ownPartners('Importtest');
    expect(stored).toHaveLength(18);
    expect(stored.map((p) => p.name)).not.toContain('Importtest Verein 04');
    expect(stored.every((p) => p.groups === 2 && p.languages.join() === 'de,ar')).toBe(true);
    expect((await adminQuery(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'partner' AND action = 'create' AND entity_id IN (SELECT id::text FROM partner WHERE name LIKE 'Importtest%')`, [], db.ownerUrl))[0]).toEqual({ n: 18 });

    const afterImport = await counts();
    const again = (await upload(admin, 'preview', csv, 'partner.csv').expect(200)).body as PartnerImportPreviewResponse;
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 18, invalid: 2 });
    expect((await upload(admin, 'confirm', csv, 'partner.csv', again.token).expect(200)).body).toEqual({ created: 0, updated: 0, unchanged: 18, skipped: 2 });
    expect(await counts()).toEqual(afterImport);
  });

  it('changes a partner matched by name regardless of case, only in the fields the file gives', async () => {
    const csv = `Name;Telefon;Arbeitskreise\r\nimporttest verein 01;+49 251 999;Rechtliche Grundlagen\r\n`;
    const preview = (await upload(admin, 'preview', csv, 'aenderung.csv').expect(200)).body as PartnerImportPreviewResponse;
    expect(preview.rows).toEqual([{ line: 2, name: 'importtest verein 01', action: 'update', changes: ['name', 'phone', 'workingGroups'], partnerId: expect.any(String) }]);
    await upload(admin, 'confirm', csv, 'aenderung.csv', preview.token).expect(200);
    const [row] = await adminQuery<{ name: string; phone: string; email: string; version: number }>(`SELECT name, phone, email, version FROM partner WHERE id = $1`, [preview.rows[0]?.partnerId], db.ownerUrl);
    expect(row).toEqual({ name: 'importtest verein 01', phone: '+49 251 999', email: 'kontakt1@verein.example', version: 2 });
  });

  it('refuses a confirmation whose plan changed since the preview (409) and writes nothing', async () => {
    const csv = `Name;E-Mail\r\nImporttest Verein 03;neu@verein.example\r\nImporttest Neu;\r\n`;
    const preview = (await upload(admin, 'preview', csv, 'p.csv').expect(200)).body as PartnerImportPreviewResponse;
    expect(preview.counts).toMatchObject({ create: 1, update: 1 });
    await adminQuery(`UPDATE partner SET version = version + 1 WHERE name = 'Importtest Verein 03'`, [], db.ownerUrl);
    const before = await counts();
    expect((await upload(admin, 'confirm', csv, 'p.csv', preview.token).expect(409)).body.code).toBe('importStale');
    expect((await upload(admin, 'confirm', csv, 'p.csv', 'erfunden').expect(409)).body.code).toBe('importStale');
    expect(await counts()).toEqual(before);
  });

  it('imports an XLSX workbook', async () => {
    const sheet = [
      ['Name', 'E-Mail', 'Sprachen', 'Arbeitskreise'],
      ['Excel Verein 1', 'a@excel.example', 'de', 'Sprache'],
      ['Excel Verein 2', null, 'tr, ku', null],
    ];
    const xlsx = await writeXlsxFile(sheet).toBuffer();
    const preview = (await upload(admin, 'preview', xlsx, 'Partner.XLSX').expect(200)).body as PartnerImportPreviewResponse;
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 0 });
    await upload(admin, 'confirm', xlsx, 'Partner.XLSX', preview.token).expect(200);
    expect(await ownPartners('Excel')).toEqual([
      { name: 'Excel Verein 1', email: 'a@excel.example', languages: ['de'], groups: 1 },
      { name: 'Excel Verein 2', email: null, languages: ['tr', 'ku'], groups: 0 },
    ]);
  });

  it('refuses wrong files with 4xx and stores nothing', async () => {
    const before = await counts();
    expect((await upload(admin, 'preview', 'Name\r\nA\r\n', 'liste.txt').expect(415)).body.code).toBe('importFileType');
    expect((await upload(admin, 'preview', 'E-Mail\r\na@b.example\r\n', 'liste.csv').expect(422)).body.code).toBe('importNameColumnMissing');
    expect((await upload(admin, 'preview', Buffer.from('PK\u0003\u0004kaputt'), 'liste.xlsx').expect(422)).body.code).toBe('importFileUnreadable');
    const big = `Name\r\n${'x'.repeat(1024 * 1024)}\r\n`;
    expect((await upload(admin, 'confirm', big, 'gross.csv', 'x').expect(413)).body.code).toBe('payloadTooLarge');
    const many = `Name\r\n${Array.from({ length: 2001 }, (_, i) => `Verein ${i}`).join('\r\n')}\r\n`;
    expect((await upload(admin, 'preview', many, 'viele.csv').expect(422)).body.code).toBe('importTooManyRows');
    expect((await admin.agent.post('/api/partners/import/preview').set(CSRF_HEADER, admin.csrf).field('token', 'x').expect(400)).body.code).toBe('importFileMissing');
    expect((await admin.agent.post('/api/partners/import/preview').set(CSRF_HEADER, admin.csrf).send({}).expect(415)).body.code).toBe('unsupportedMediaType');
    expect((await upload(admin, 'confirm', 'Name\r\nA\r\n', 'a.csv').expect(400)).body.errors).toEqual({ token: 'isString' });
    expect((await upload(manager, 'preview', 'Name\r\nA\r\n', 'a.csv').expect(403)).body.code).toBe('forbidden');
    expect(await counts()).toEqual(before);
  });

  it('keeps municipalities apart: another municipality’s admin creates its own partners of the same names', async () => {
    const csv = `Name\r\nImporttest Verein 05\r\n`;
    const preview = (await upload(foreignAdmin, 'preview', csv, 'a.csv').expect(200)).body as PartnerImportPreviewResponse;
    expect(preview.rows).toEqual([{ line: 2, name: 'Importtest Verein 05', action: 'create', changes: [], partnerId: null }]);
    await upload(foreignAdmin, 'confirm', csv, 'a.csv', preview.token).expect(200);
    const rows = await adminQuery<{ municipality_id: string }>(`SELECT municipality_id FROM partner WHERE name = 'Importtest Verein 05' ORDER BY municipality_id = $1 DESC`, [municipality], db.ownerUrl);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.municipality_id).not.toBe(municipality);
    const own = (await upload(admin, 'preview', csv, 'a.csv').expect(200)).body as PartnerImportPreviewResponse;
    expect(own.counts.unchanged).toBe(1);
  });
});
