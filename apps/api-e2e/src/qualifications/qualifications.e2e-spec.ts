import { calendarToday } from '@wegweiser/api/core';
import { CSRF_HEADER, LanguageSkillResponse, QualificationsResponse, WorkExperienceResponse } from '@wegweiser/shared/contracts';
import { auditRows, CaseFileFixture, closeCase, createCaseFileFixture } from '../conversations/case-file-fixture';
import { adminQuery } from '../support/test-database';

const record = {
  schoolYears: 12,
  schoolCountry: 'SY',
  schoolCertificate: 'university_entrance',
  vocationalTraining: 'Elektriker',
  universityDegree: null,
  recognitionState: 'pending',
  interests: ['Fußball', 'Kochen'],
};

/** Qualifications, work experience and language skills of a client's file. */
describe('qualifications, work experience and language skills', () => {
  let f: CaseFileFixture;
  const qualifications = (clientId: string) => `/api/clients/${clientId}/qualifications`;
  const work = (clientId: string) => `/api/clients/${clientId}/work-experience`;
  const languages = (clientId: string) => `/api/clients/${clientId}/languages`;
  /** An open client of manager A without a qualification record yet. */
  let blank: string;

  beforeAll(async () => {
    f = await createCaseFileFixture();
    const client = f.ownClient(0);
    await adminQuery('DELETE FROM qualification WHERE client_id = $1', [client.id], f.db.ownerUrl);
    await adminQuery('DELETE FROM work_experience WHERE client_id = $1', [client.id], f.db.ownerUrl);
    await adminQuery('DELETE FROM language_skill WHERE client_id = $1', [client.id], f.db.ownerUrl);
    blank = client.id;
  });

  afterAll(async () => {
    await f?.close();
  });

  it('creates the record with version 0, replaces it with the current version, refuses a stale one', async () => {
    const { agent, csrf } = f.asManagerA;
    const empty = (await agent.get(qualifications(blank)).expect(200)).body as QualificationsResponse;
    expect(empty).toEqual(expect.objectContaining({ version: 0, schoolYears: null, interests: [], workExperience: [] }));
    await agent.put(qualifications(blank)).set(CSRF_HEADER, csrf).send({ version: 1, ...record }).expect(409);
    const created = await agent.put(qualifications(blank)).set(CSRF_HEADER, csrf).send({ version: 0, ...record }).expect(200);
    expect(created.body).toEqual(expect.objectContaining({ ...record, version: 1 }));
    const again = await agent.put(qualifications(blank)).set(CSRF_HEADER, csrf).send({ version: 0, ...record }).expect(409);
    expect(again.body).toEqual(expect.objectContaining({ code: 'staleVersion', currentVersion: 1 }));
    const replaced = await agent.put(qualifications(blank)).set(CSRF_HEADER, csrf).send({ version: 1, schoolYears: 9, recognitionState: 'full' }).expect(200);
    expect(replaced.body).toEqual(expect.objectContaining({ schoolYears: 9, recognitionState: 'full', schoolCountry: null, interests: [], version: 2 }));
  });

  it('adds, changes (with version) and removes work experience, shown with the qualifications', async () => {
    const { agent, csrf } = f.asManagerA;
    const added = (await agent.post(work(blank)).set(CSRF_HEADER, csrf).send({ occupation: 'Schneiderin', years: 6, country: 'AF' }).expect(201)).body as WorkExperienceResponse;
    expect(added).toEqual({ id: expect.any(String), occupation: 'Schneiderin', years: 6, country: 'AF', version: 1 });
    const changed = await agent.patch(`${work(blank)}/${added.id}`).set(CSRF_HEADER, csrf).send({ version: 1, years: 7 }).expect(200);
    expect(changed.body).toEqual({ ...added, years: 7, version: 2 });
    expect((await agent.patch(`${work(blank)}/${added.id}`).set(CSRF_HEADER, csrf).send({ version: 1, years: 8 }).expect(409)).body.currentVersion).toBe(2);
    const shown = (await agent.get(qualifications(blank)).expect(200)).body as QualificationsResponse;
    expect(shown.workExperience).toEqual([{ ...added, years: 7, version: 2 }]);
    await agent.delete(`${work(blank)}/${added.id}`).set(CSRF_HEADER, csrf).expect(204);
    await agent.delete(`${work(blank)}/${added.id}`).set(CSRF_HEADER, csrf).expect(404);
    expect(((await agent.get(qualifications(blank)).expect(200)).body as QualificationsResponse).workExperience).toEqual([]);
  });

  it('keeps a CEFR level per language, and for German certificate, exam and date', async () => {
    const { agent, csrf } = f.asManagerA;
    await agent.put(`${languages(blank)}/ar`).set(CSRF_HEADER, csrf).send({ version: 0, level: 'C2', native: true }).expect(200);
    const german = await agent
      .put(`${languages(blank)}/de`)
      .set(CSRF_HEADER, csrf)
      .send({ version: 0, level: 'B1', certificate: 'telc Deutsch B1', exam: 'telc', certifiedOn: '2026-03-20' })
      .expect(200);
    expect(german.body).toEqual(expect.objectContaining({ language: 'de', level: 'B1', native: false, certificate: 'telc Deutsch B1', exam: 'telc', certifiedOn: '2026-03-20', version: 1 }));
    const raised = await agent.put(`${languages(blank)}/de`).set(CSRF_HEADER, csrf).send({ version: 1, level: 'B2', certificate: 'Goethe-Zertifikat B2', exam: 'Goethe-Institut', certifiedOn: '2026-09-01' }).expect(200);
    expect(raised.body.version).toBe(2);
    expect((await agent.put(`${languages(blank)}/de`).set(CSRF_HEADER, csrf).send({ version: 1, level: 'C1' }).expect(409)).body.currentVersion).toBe(2);
    const listed = (await agent.get(languages(blank)).expect(200)).body as LanguageSkillResponse[];
    expect(listed.map((l) => [l.language, l.level])).toEqual([
      ['ar', 'C2'],
      ['de', 'B2'],
    ]);
  });

  it.each([
    ['certificate', { version: 0, level: 'B1', certificate: 'DELF B1' }],
    ['certifiedOn', { version: 0, level: 'B1', certifiedOn: '2026-01-01' }],
  ])('refuses %s for a language other than German; nothing stored', async (field, body) => {
    const before = await f.count('language_skill');
    const response = await f.asManagerA.agent.put(`${languages(blank)}/fr`).set(CSRF_HEADER, f.asManagerA.csrf).send(body).expect(400);
    expect(response.body.errors).toEqual({ [field]: 'onlyForGerman' });
    expect(await f.count('language_skill')).toBe(before);
  });

  it('refuses a German certificate dated after today (422 inFuture), on adding and on replacing; nothing stored or changed', async () => {
    const { agent, csrf } = f.asManagerA;
    const client = f.ownClient(1).id;
    await adminQuery('DELETE FROM language_skill WHERE client_id = $1', [client], f.db.ownerUrl);
    const today = calendarToday();
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const before = await f.count('language_skill');
    const added = await agent.put(`${languages(client)}/de`).set(CSRF_HEADER, csrf).send({ version: 0, level: 'B1', certificate: 'telc Deutsch B1', certifiedOn: tomorrow }).expect(422);
    expect(added.body).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { certifiedOn: 'inFuture' } }));
    expect(await f.count('language_skill')).toBe(before);

    await agent.put(`${languages(client)}/de`).set(CSRF_HEADER, csrf).send({ version: 0, level: 'B1', certificate: 'telc Deutsch B1', certifiedOn: today }).expect(200);
    const replaced = await agent.put(`${languages(client)}/de`).set(CSRF_HEADER, csrf).send({ version: 1, level: 'B2', certifiedOn: tomorrow }).expect(422);
    expect(replaced.body.errors).toEqual({ certifiedOn: 'inFuture' });
    const rows = await adminQuery(`SELECT level, certified_on::text, version FROM language_skill WHERE client_id = $1 AND language = 'de'`, [client], f.db.ownerUrl);
    expect(rows).toEqual([{ level: 'B1', certified_on: today, version: 1 }]);
  });

  it.each([
    ['version', { ...record, version: -1 }],
    ['version', { ...record, version: undefined }],
    ['schoolYears', { ...record, version: 0, schoolYears: 26 }],
    ['schoolCountry', { ...record, version: 0, schoolCountry: 'Syrien' }],
    ['schoolCertificate', { ...record, version: 0, schoolCertificate: 'abitur' }],
    ['vocationalTraining', { ...record, version: 0, vocationalTraining: '' }],
    ['universityDegree', { ...record, version: 0, universityDegree: 'x'.repeat(201) }],
    ['recognitionState', { ...record, version: 0, recognitionState: 'maybe' }],
    ['interests', { ...record, version: 0, interests: 'Fußball' }],
    ['interests', { ...record, version: 0, interests: ['Fußball', 'Fußball'] }],
    ['interests', { ...record, version: 0, interests: [''] }],
    ['interests', { ...record, version: 0, interests: null }],
    ['clientId', { ...record, version: 0, clientId: '00000000-0000-4000-8000-000000000000' }],
  ])('PUT qualifications with an invalid %s → 400 naming it; nothing stored', async (field, body) => {
    const client = f.ownClient(1);
    const [before] = await adminQuery('SELECT * FROM qualification WHERE client_id = $1', [client.id], f.db.ownerUrl);
    const response = await f.asManagerA.agent.put(qualifications(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send(body);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors ?? {})).toContain(field);
    expect((await adminQuery('SELECT * FROM qualification WHERE client_id = $1', [client.id], f.db.ownerUrl))[0]).toEqual(before);
  });

  it.each([
    ['occupation', { occupation: '', years: 2 }],
    ['occupation', { years: 2 }],
    ['years', { occupation: 'Koch', years: -1 }],
    ['years', { occupation: 'Koch', years: 61 }],
    ['years', { occupation: 'Koch', years: '2' }],
    ['country', { occupation: 'Koch', years: 2, country: 'sy' }],
  ])('POST work experience with an invalid %s → 400 naming it; nothing stored', async (field, body) => {
    const before = await f.count('work_experience');
    const response = await f.asManagerA.agent.post(work(f.ownClient(1).id)).set(CSRF_HEADER, f.asManagerA.csrf).send(body);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors ?? {})).toContain(field);
    expect(await f.count('work_experience')).toBe(before);
  });

  it.each([
    ['language', '/deutsch', { version: 0, level: 'B1' }],
    ['level', '/de', { version: 0, level: 'B3' }],
    ['level', '/de', { version: 0 }],
    ['native', '/de', { version: 0, level: 'B1', native: 'ja' }],
    ['certifiedOn', '/de', { version: 0, level: 'B1', certifiedOn: '2026-02-30' }],
    ['version', '/de', { level: 'B1' }],
  ])('PUT language with an invalid %s → 400 naming it; nothing stored', async (field, suffix, body) => {
    const before = await f.count('language_skill');
    const response = await f.asManagerA.agent.put(`${languages(f.ownClient(1).id)}${suffix}`).set(CSRF_HEADER, f.asManagerA.csrf).send(body);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors ?? {})).toContain(field);
    expect(await f.count('language_skill')).toBe(before);
  });

  it('closed case: reads work, every write is 409 caseClosed and stores nothing', async () => {
    const client = f.ownClient(2);
    const { agent, csrf } = f.asManagerA;
    const entry = (await agent.post(work(client.id)).set(CSRF_HEADER, csrf).send({ occupation: 'Koch', years: 2 }).expect(201)).body as WorkExperienceResponse;
    const current = (await agent.get(qualifications(client.id)).expect(200)).body as QualificationsResponse;
    await closeCase(f, client.id);
    const counts = async () => Promise.all(['qualification', 'work_experience', 'language_skill'].map((t) => f.count(t)));
    const before = await counts();
    const closed = async (request: PromiseLike<{ status: number; body: { code?: string } }>) => {
      const response = await request;
      expect([response.status, response.body.code]).toEqual([409, 'caseClosed']);
    };
    await closed(agent.put(qualifications(client.id)).set(CSRF_HEADER, csrf).send({ version: current.version, schoolYears: 3 }));
    await closed(agent.post(work(client.id)).set(CSRF_HEADER, csrf).send({ occupation: 'Koch', years: 2 }));
    await closed(agent.patch(`${work(client.id)}/${entry.id}`).set(CSRF_HEADER, csrf).send({ version: 1, years: 3 }));
    await closed(agent.delete(`${work(client.id)}/${entry.id}`).set(CSRF_HEADER, csrf));
    await closed(agent.put(`${languages(client.id)}/de`).set(CSRF_HEADER, csrf).send({ version: 0, level: 'A2' }));
    expect(await counts()).toEqual(before);
    await agent.get(qualifications(client.id)).expect(200);
    await agent.get(languages(client.id)).expect(200);
  });

  it('team-B manager: 404 for every route of a team-A client; nothing stored', async () => {
    const client = f.ownClient(3);
    const { agent, csrf } = f.asManagerB;
    const [entry] = await adminQuery<{ id: string }>('SELECT id FROM work_experience WHERE client_id = $1 LIMIT 1', [client.id], f.db.ownerUrl);
    const entryId = entry?.id ?? '00000000-0000-4000-8000-000000000000';
    const before = await Promise.all(['qualification', 'work_experience', 'language_skill'].map((t) => f.count(t)));
    await agent.get(qualifications(client.id)).expect(404);
    await agent.put(qualifications(client.id)).set(CSRF_HEADER, csrf).send({ version: 1 }).expect(404);
    await agent.post(work(client.id)).set(CSRF_HEADER, csrf).send({ occupation: 'Koch', years: 2 }).expect(404);
    await agent.patch(`${work(client.id)}/${entryId}`).set(CSRF_HEADER, csrf).send({ version: 1, years: 3 }).expect(404);
    await agent.delete(`${work(client.id)}/${entryId}`).set(CSRF_HEADER, csrf).expect(404);
    await agent.get(languages(client.id)).expect(404);
    await agent.put(`${languages(client.id)}/de`).set(CSRF_HEADER, csrf).send({ version: 0, level: 'C2' }).expect(404);
    expect(await Promise.all(['qualification', 'work_experience', 'language_skill'].map((t) => f.count(t)))).toEqual(before);
  });

  it('audits reads of qualifications and languages', async () => {
    const client = f.ownClient(4);
    const before = await auditRows(f, `action = 'read' AND client_id = $1`, [client.id]);
    await f.asManagerA.agent.get(qualifications(client.id)).expect(200);
    await f.asManagerA.agent.get(languages(client.id)).expect(200);
    const after = await auditRows(f, `action = 'read' AND client_id = $1`, [client.id]);
    expect(after.slice(before.length).map((r) => r.entity_type)).toEqual(['qualification', 'language_skill_list']);
  });

  it('the demo data holds qualifications and German with certificates', async () => {
    const client = f.ownClient(5);
    const shown = (await f.asManagerA.agent.get(qualifications(client.id)).expect(200)).body as QualificationsResponse;
    expect(shown.version).toBe(1);
    const listed = (await f.asManagerA.agent.get(languages(client.id)).expect(200)).body as LanguageSkillResponse[];
    expect(listed.map((l) => l.language)).toContain('de');
    const [certified] = await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM language_skill WHERE language = 'de' AND certificate IS NOT NULL AND exam IS NOT NULL`, [], f.db.ownerUrl);
    expect(Number(certified?.n)).toBeGreaterThan(10);
  });
});
