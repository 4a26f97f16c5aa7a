import { ClientResponse, CSRF_HEADER } from '@wegweiser/shared/contracts';
import { pdfText, PdfWord, pdfWords } from '@wegweiser/shared/pdf-testing';
import { createClient } from '../clients/client-fixtures';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const A4_WIDTH = 595.28;

/** Whether the words of `phrase` appear in this order (cells wrap; the words of a neighbouring cell on the same line come in between). */
function containsPhrase(words: PdfWord[], phrase: string, from = 0): boolean {
  return phraseAt(words, phrase, from) >= 0;
}

/** Index after the phrase's last word, or -1. */
function phraseAt(words: PdfWord[], phrase: string, from = 0): number {
  let at = from;
  for (const part of phrase.split(/\s+/).filter(Boolean)) {
    const found = words.findIndex((word, index) => index >= at && word.text === part);
    if (found < 0) return -1;
    at = found + 1;
  }
  return at;
}

const exportRows = (db: TestDatabase, clientId: string, entityType: string) =>
  adminQuery<{ user_id: string; role: string; outcome: string }>(
    `SELECT user_id, role, outcome FROM audit_event WHERE client_id = $1 AND action = 'export' AND entity_type = $2 ORDER BY id`,
    [clientId, entityType],
    db.ownerUrl,
  );

/** Issue 7: the integration plan to sign and the subject-access export (Art. 15 GDPR) as PDFs. */
describe('client documents', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let managerA: DemoUser;
  let asManagerA: SignedInAgent;
  let asLeadA: SignedInAgent;
  let asManagerB: SignedInAgent;
  let asLeadB: SignedInAgent;
  let asEvaluator: SignedInAgent;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '60', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    const server = api.app.getHttpServer();
    managerA = pick(users, 'manager');
    const sameMunicipality = (u: DemoUser) => u.municipality_id === managerA.municipality_id;
    asManagerA = await signIn(server, managerA.email);
    asLeadA = await signIn(server, pick(users, 'team_lead', (u) => u.team_id === managerA.team_id).email);
    asManagerB = await signIn(server, pick(users, 'manager', (u) => sameMunicipality(u) && u.team_id !== managerA.team_id).email);
    asLeadB = await signIn(server, pick(users, 'team_lead', (u) => sameMunicipality(u) && u.team_id !== managerA.team_id).email);
    asEvaluator = await signIn(server, pick(users, 'evaluator', sameMunicipality).email);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const download = (signed: SignedInAgent, path: string) => signed.agent.get(path).buffer(true).responseType('blob');

  describe('GET /api/clients/:id/documents/plan', () => {
    let client: { id: string; case_number: string; last_name: string };

    beforeAll(async () => {
      // A seeded client of manager A's team with goals, plus a dropped goal that the sheet to sign leaves out.
      const [row] = await adminQuery<{ id: string; case_number: string; last_name: string; municipality_id: string }>(
        `SELECT c.id, c.case_number, c.last_name, c.municipality_id FROM client c
          WHERE c.team_id = $1 AND EXISTS (SELECT 1 FROM goal g WHERE g.client_id = c.id AND g.state IN ('open', 'in_progress'))
          ORDER BY c.case_number LIMIT 1`,
        [managerA.team_id],
        db.ownerUrl,
      );
      if (!row) throw new Error('no seeded client with an open goal');
      client = row;
      await adminQuery(
        `INSERT INTO goal (municipality_id, client_id, field_of_action, target, due_on, state, state_changed_on)
         SELECT municipality_id, id, 'housing', 'Verworfenes Ziel Umzug nach Hamburg', support_window_end, 'dropped', support_start FROM client WHERE id = $1`,
        [client.id],
        db.ownerUrl,
      );
    });

    it('returns the plan as a PDF attachment with the printed goals, no names in the headers, not cached, and audits it', async () => {
      const before = await exportRows(db, client.id, 'plan_document');
      const response = await download(asManagerA, `/api/clients/${client.id}/documents/plan?language=uk`).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe('attachment; filename="integrationsplan.pdf"');
      expect(response.headers['cache-control']).toBe('no-store');
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(JSON.stringify(response.headers)).not.toContain(client.last_name);

      const words = pdfWords(pdf);
      const german = words.filter((word) => word.xMax < A4_WIDTH / 2);
      const goals = await adminQuery<{ target: string; state: string }>('SELECT target, state FROM goal WHERE client_id = $1', [client.id], db.ownerUrl);
      const printed = goals.filter((goal) => ['open', 'in_progress', 'achieved'].includes(goal.state));
      expect(printed.length).toBeGreaterThan(0);
      for (const goal of printed) expect(containsPhrase(german, goal.target)).toBe(true);
      expect(words.some((word) => word.text === 'Verworfenes')).toBe(false);
      for (const phrase of [client.case_number, 'План інтеграції', 'Unterschrift Klient:in', 'Підпис клієнта/клієнтки']) {
        expect(containsPhrase(words, phrase)).toBe(true);
      }

      const after = await exportRows(db, client.id, 'plan_document');
      expect(after.slice(before.length)).toEqual([{ user_id: managerA.id, role: 'manager', outcome: 'success' }]);
    });

    it('refuses a language it does not print (400) and a missing one, and writes no export row', async () => {
      const before = await exportRows(db, client.id, 'plan_document');
      const wrong = await asManagerA.agent.get(`/api/clients/${client.id}/documents/plan?language=de`).expect(400);
      expect(wrong.body).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { language: 'isIn' } }));
      await asManagerA.agent.get(`/api/clients/${client.id}/documents/plan`).expect(400);
      expect(await exportRows(db, client.id, 'plan_document')).toEqual(before);
    });

    it('is not there for a manager of another team (404) and forbidden to the evaluator (403)', async () => {
      const before = await exportRows(db, client.id, 'plan_document');
      const other = await asManagerB.agent.get(`/api/clients/${client.id}/documents/plan?language=ar`).expect(404);
      expect(other.body.code).toBe('notFound');
      const evaluator = await asEvaluator.agent.get(`/api/clients/${client.id}/documents/plan?language=ar`).expect(403);
      expect(evaluator.body.code).toBe('forbidden');
      expect(await exportRows(db, client.id, 'plan_document')).toEqual(before);
    });
  });

  describe('GET /api/clients/:id/documents/subject-access', () => {
    const NOTE = 'Vertrauliche Gesprächsnotiz: Termin beim Jobcenter wegen Arbeitserlaubnis vereinbart.';
    let client: ClientResponse;
    let managerName: string;

    beforeAll(async () => {
      client = await createClient(asManagerA, { firstName: 'Amina', lastName: 'Auskunftstest', firstNameOriginal: 'أمينة', residenceStatus: 'toleration' });
      const base = `/api/clients/${client.id}`;
      const send = (method: 'post' | 'put', path: string, body: object) => asManagerA.agent[method](path).set(CSRF_HEADER, asManagerA.csrf).send(body);
      await send('put', `${base}/qualifications`, { version: 0, schoolYears: 12, vocationalTraining: 'Krankenpflegehelferin', interests: ['Pflege'] }).expect(200);
      await send('post', `${base}/work-experience`, { occupation: 'Bäckerin', years: 3, country: 'SY' }).expect(201);
      await send('post', `${base}/conversations`, {
        heldAt: '2026-02-02T09:00:00Z',
        durationMinutes: 45,
        form: 'office',
        interpreter: 'professional',
        language: 'ar',
        topics: ['work'],
        note: NOTE,
      }).expect(201);
      // An earlier read of the file by the manager, which the export must list.
      await asManagerA.agent.get(`${base}/file`).expect(200);
      const [manager] = await adminQuery<{ name: string }>(`SELECT first_name || ' ' || last_name AS name FROM app_user WHERE id = $1`, [managerA.id], db.ownerUrl);
      managerName = manager?.name ?? '';
    });

    it('gives the team lead everything stored, decrypted, with every access to the file', async () => {
      const [stored] = await adminQuery<{ note_ciphertext: string }>('SELECT note_ciphertext FROM conversation WHERE client_id = $1', [client.id], db.ownerUrl);
      expect(stored?.note_ciphertext).not.toContain('Jobcenter');

      const response = await download(asLeadA, `/api/clients/${client.id}/documents/subject-access`).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe('attachment; filename="auskunft-art-15.pdf"');
      expect(response.headers['cache-control']).toBe('no-store');
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

      const words = pdfWords(pdf);
      for (const phrase of ['Auskunft nach Art. 15 DSGVO', 'Amina', 'Auskunftstest', client.caseNumber, NOTE, 'Duldung (§ 60a AufenthG)', 'Krankenpflegehelferin', 'Bäckerin']) {
        expect({ phrase, found: containsPhrase(words, phrase) }).toEqual({ phrase, found: true });
      }
      // The manager's creation and read of the file, each a row with name, role, action and part of the file.
      // pdfText gives physical lines: a table row is one line (for rows that do not wrap).
      const text = pdfText(pdf);
      const log = text.slice(text.indexOf('Zugriffe auf die Akte')).split('\n');
      const row = (...cells: string[]) => log.some((line) => cells.every((cell) => line.includes(cell)));
      expect(row(managerName, 'Integrationsmanager:in', 'angelegt', 'Stammdaten')).toBe(true);
      expect(row(managerName, 'Integrationsmanager:in', 'gelesen', 'Akte (gesamt)')).toBe(true);
    });

    it('writes an export row that the next export lists', async () => {
      const leadA = pick(users, 'team_lead', (u) => u.team_id === managerA.team_id);
      const before = await exportRows(db, client.id, 'subject_access');
      const first = pdfText((await download(asLeadA, `/api/clients/${client.id}/documents/subject-access`).expect(200)).body as Buffer);
      const rows = await exportRows(db, client.id, 'subject_access');
      expect(rows.slice(before.length)).toEqual([{ user_id: leadA.id, role: 'team_lead', outcome: 'success' }]);

      const second = pdfText((await download(asLeadA, `/api/clients/${client.id}/documents/subject-access`).expect(200)).body as Buffer);
      const listed = (text: string) => text.split('\n').filter((line) => line.includes('Art.-15-Auskunft') && line.includes('exportiert')).length;
      expect(listed(second)).toBe(listed(first) + 1);
      expect(listed(second)).toBe(rows.length);
    });

    it('is refused to managers (403) and not there for the team lead of another team (404), without an export row', async () => {
      const before = await exportRows(db, client.id, 'subject_access');
      expect((await asManagerA.agent.get(`/api/clients/${client.id}/documents/subject-access`).expect(403)).body.code).toBe('forbidden');
      expect((await asEvaluator.agent.get(`/api/clients/${client.id}/documents/subject-access`).expect(403)).body.code).toBe('forbidden');
      expect((await asLeadB.agent.get(`/api/clients/${client.id}/documents/subject-access`).expect(404)).body.code).toBe('notFound');
      expect(await exportRows(db, client.id, 'subject_access')).toEqual(before);
    });
  });
});
