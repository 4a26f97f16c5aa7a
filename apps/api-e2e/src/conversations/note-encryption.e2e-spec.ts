import { ConversationResponse, CSRF_HEADER } from '@wegweiser/shared/contracts';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort, startProcess, workspaceRoot } from '../support/api-process';
import { E2E_FIELD_KEY_ID, E2E_FIELD_KEYS } from '../support/field-keys';
import { signIn } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery } from '../support/test-database';
import { CaseFileFixture, createCaseFileFixture } from './case-file-fixture';

const cli = join(workspaceRoot, 'dist/apps/api/cli.js');
const newKey = () => randomBytes(32).toString('base64');
const body = (note: string, agreements: string | null = null) => ({
  heldAt: '2026-04-01T08:00:00Z',
  durationMinutes: 30,
  form: 'video',
  interpreter: 'none',
  language: 'de',
  topics: ['health'],
  note,
  agreements,
});

/** Notes at rest: ciphertext only, bound to their row, unreadable without the key, and rotatable (acceptance: conversation notes). */
describe('conversation notes are encrypted at rest', () => {
  let f: CaseFileFixture;
  const extraApps: TestApp[] = [];
  const path = (clientId: string) => `/api/clients/${clientId}/conversations`;

  beforeAll(async () => {
    f = await createCaseFileFixture({ LOGIN_RATE_LIMIT_PER_IP: '10000' });
  });

  afterAll(async () => {
    for (const app of extraApps) await app.app.close();
    await f?.close();
  });

  /** The same database served with another key set (in-process, like a restarted instance). */
  async function appWithKeys(keys: string, active: string): Promise<TestApp> {
    const app = await createTestApp(f.db, [], { FIELD_ENCRYPTION_KEYS: keys, FIELD_ENCRYPTION_ACTIVE_KEY: active, LOGIN_RATE_LIMIT_PER_IP: '10000' });
    extraApps.push(app);
    return app;
  }

  /** Every conversation of every client, read through the API by each team's lead: id -> [note, agreements]. */
  async function readAllNotes(app: TestApp): Promise<Map<string, [string, string | null]>> {
    const notes = new Map<string, [string, string | null]>();
    const teams = [...new Set(f.clients.map((c) => c.team_id))];
    for (const team of teams) {
      const lead = f.users.find((u) => u.role === 'team_lead' && u.team_id === team);
      if (!lead) throw new Error(`team ${team} has no lead`);
      const { agent } = await signIn(app.app.getHttpServer(), lead.email);
      for (const client of f.clients.filter((c) => c.team_id === team)) {
        const response = await agent.get(path(client.id));
        if (response.status !== 200) throw new Error(`GET conversations of ${client.id}: ${response.status} ${JSON.stringify(response.body)}`);
        for (const c of response.body as ConversationResponse[]) notes.set(c.id, [c.note, c.agreements]);
      }
    }
    return notes;
  }

  it('a raw SELECT and a pg_dump of the database contain no plaintext of a canary note', async () => {
    const canary = `Kanarienvogel-${randomBytes(8).toString('hex')}`;
    const canaryAgreement = `Vereinbarung-${randomBytes(8).toString('hex')}`;
    const client = f.ownClient(0);
    const created = await f.asManagerA.agent.post(path(client.id)).set(CSRF_HEADER, f.asManagerA.csrf).send(body(`Traumatische Erfahrung, ${canary}.`, canaryAgreement)).expect(201);
    expect(created.body.note).toContain(canary);

    const rows = await adminQuery<Record<string, unknown>>('SELECT * FROM conversation WHERE client_id = $1', [client.id], f.db.ownerUrl);
    const raw = JSON.stringify(rows);
    expect(raw).toContain(created.body.id);
    expect(raw).not.toContain(canary);
    expect(raw).not.toContain(canaryAgreement);
    const [row] = rows.filter((r) => r['id'] === created.body.id);
    expect(row?.['note_ciphertext']).toMatch(new RegExp(`^v1:${E2E_FIELD_KEY_ID}:`));

    const dump = spawnSync('pg_dump', ['--dbname', f.db.ownerUrl, '--no-owner', '--no-privileges'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    expect(dump.status).toBe(0);
    expect(dump.stdout).toContain(String(row?.['note_ciphertext']));
    expect(dump.stdout).not.toContain(canary);
    expect(dump.stdout).not.toContain(canaryAgreement);
    // Nor in any encoding that the dump might use for text (the note has no characters COPY would escape).
    expect(dump.stdout).not.toContain(Buffer.from(canary).toString('hex'));
  });

  it('the database refuses plain text in the ciphertext column', async () => {
    const [conversation] = await adminQuery<{ id: string }>('SELECT id FROM conversation LIMIT 1', [], f.db.ownerUrl);
    await expect(adminQuery(`UPDATE conversation SET note_ciphertext = 'Klartext' WHERE id = $1`, [conversation?.id], f.db.ownerUrl)).rejects.toThrow(/check constraint/);
  });

  it('the same note saved twice yields different ciphertexts, both reading back', async () => {
    const client = f.ownClient(1);
    const note = 'Gleiche Notiz, zweimal gespeichert.';
    const { agent, csrf } = f.asManagerA;
    const a = (await agent.post(path(client.id)).set(CSRF_HEADER, csrf).send(body(note)).expect(201)).body as ConversationResponse;
    const b = (await agent.post(path(client.id)).set(CSRF_HEADER, csrf).send(body(note)).expect(201)).body as ConversationResponse;
    const rows = await adminQuery<{ note_ciphertext: string }>('SELECT note_ciphertext FROM conversation WHERE id = ANY($1::uuid[])', [[a.id, b.id]], f.db.ownerUrl);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.note_ciphertext).not.toBe(rows[1]?.note_ciphertext);
    const listed = (await agent.get(path(client.id)).expect(200)).body as ConversationResponse[];
    expect(listed.filter((c) => c.id === a.id || c.id === b.id).map((c) => c.note)).toEqual([note, note]);
  });

  it('a ciphertext copied to another row does not decrypt there: 500, never the other note', async () => {
    const client = f.ownClient(2);
    const { agent, csrf } = f.asManagerA;
    const source = (await agent.post(path(client.id)).set(CSRF_HEADER, csrf).send(body('Notiz A')).expect(201)).body as ConversationResponse;
    const target = (await agent.post(path(client.id)).set(CSRF_HEADER, csrf).send(body('Notiz B')).expect(201)).body as ConversationResponse;
    await adminQuery('UPDATE conversation SET note_ciphertext = (SELECT note_ciphertext FROM conversation WHERE id = $1) WHERE id = $2', [source.id, target.id], f.db.ownerUrl);
    const response = await agent.get(path(client.id)).expect(500);
    expect(response.body).toEqual({ statusCode: 500, code: 'internalError', message: 'Internal server error' });
    await adminQuery('DELETE FROM conversation WHERE id = $1', [target.id], f.db.ownerUrl);
  });

  it.each([
    ['another key under the same id', () => `${E2E_FIELD_KEY_ID}:${newKey()}`, E2E_FIELD_KEY_ID],
    ['only an unknown key id', () => `other:${newKey()}`, 'other'],
  ])('an API started with %s answers GET conversations with 500 internalError, not garbage', async (_label, keys, active) => {
    const app = await appWithKeys(keys(), active);
    const client = f.ownClient(1);
    const { agent } = await signIn(app.app.getHttpServer(), f.managerA.email);
    const before = await adminQuery('SELECT id FROM audit_event WHERE client_id = $1', [client.id], f.db.ownerUrl);
    const response = await agent.get(path(client.id)).expect(500);
    expect(response.body).toEqual({ statusCode: 500, code: 'internalError', message: 'Internal server error' });
    expect(JSON.stringify(response.body)).not.toContain('Gleiche Notiz');
    const audited = await adminQuery<{ action: string; outcome: string; entity_type: string }>(
      'SELECT action, outcome, entity_type FROM audit_event WHERE client_id = $1 ORDER BY id OFFSET $2',
      [client.id, before.length],
      f.db.ownerUrl,
    );
    expect(audited).toEqual([{ action: 'read', outcome: 'failure', entity_type: 'conversation_list' }]);
  });

  it('keys:rotate re-encrypts every note under the new active key; every note still reads back; a second run has nothing to do', async () => {
    // A corrected conversation: its earlier version (conversation_revision) is rotated as well.
    const corrected = f.ownClient(3);
    const { agent, csrf } = f.asManagerA;
    const created = (await agent.post(path(corrected.id)).set(CSRF_HEADER, csrf).send(body('Fassung vor der Schlüsselrotation', 'Alte Vereinbarung')).expect(201))
      .body as ConversationResponse;
    await agent.patch(`${path(corrected.id)}/${created.id}`).set(CSRF_HEADER, csrf).send({ version: 1, note: 'Fassung nach der Korrektur' }).expect(200);
    const before = await readAllNotes(f.api);
    expect(before.size).toBeGreaterThan(1_000);
    const rotatedId = 'e2e2';
    const rotatedKey = newKey();
    const env = {
      DATABASE_URL: f.db.ownerUrl,
      DATABASE_APP_ROLE: f.db.appRole,
      DATABASE_APP_PASSWORD: f.db.appPassword,
      SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
      FIELD_ENCRYPTION_KEYS: `${E2E_FIELD_KEYS.FIELD_ENCRYPTION_KEYS},${rotatedId}:${rotatedKey}`,
      FIELD_ENCRYPTION_ACTIVE_KEY: rotatedId,
    };
    const run = async () => {
      const cliRun = startProcess([cli, 'keys:rotate'], env, await freePort());
      const { code } = await cliRun.exited;
      return { code, output: cliRun.output() };
    };
    const first = await run();
    expect(first).toEqual({ code: 0, output: expect.stringMatching(/^conversation: \d+ values re-encrypted in \d+ rows; \d+ encrypted values, 0 not under the active key e2e2$/m) });
    const [, reencrypted, , values] = /conversation: (\d+) values re-encrypted in (\d+) rows; (\d+) encrypted values/.exec(first.output) ?? [];
    expect(Number(reencrypted)).toBe(Number(values));
    const sample = [...before.values()][0]?.[0] ?? '';
    expect(first.output).not.toContain(sample);

    const keyIds = await adminQuery<{ key_id: string; n: string }>(
      `SELECT split_part(v, ':', 2) AS key_id, count(*) AS n FROM (SELECT note_ciphertext AS v FROM conversation UNION ALL SELECT agreements_ciphertext FROM conversation WHERE agreements_ciphertext IS NOT NULL) t GROUP BY 1`,
      [],
      f.db.ownerUrl,
    );
    expect(keyIds.map((k) => k.key_id)).toEqual([rotatedId]);

    expect(first.output).toMatch(/^conversation_revision: 2 values re-encrypted in 1 rows; 2 encrypted values, 0 not under the active key e2e2$/m);
    const revisionKeys = await adminQuery<{ key_id: string }>(
      `SELECT DISTINCT split_part(note_ciphertext, ':', 2) AS key_id FROM conversation_revision UNION SELECT split_part(agreements_ciphertext, ':', 2) FROM conversation_revision`,
      [],
      f.db.ownerUrl,
    );
    expect(revisionKeys.map((k) => k.key_id)).toEqual([rotatedId]);

    const second = await run();
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/^conversation: 0 values re-encrypted in 0 rows;/m);
    expect(second.output).toMatch(/^conversation_revision: 0 values re-encrypted in 0 rows;/m);

    // With the new key only (the old one retired), every note reads back exactly as before, the earlier version too.
    const rotatedApp = await appWithKeys(`${rotatedId}:${rotatedKey}`, rotatedId);
    const after = await readAllNotes(rotatedApp);
    expect(after).toEqual(before);
    const author = await signIn(rotatedApp.app.getHttpServer(), f.managerA.email);
    const revisions = (await author.agent.get(`${path(corrected.id)}/${created.id}/revisions`).expect(200)).body as { note: string; agreements: string | null }[];
    expect(revisions.map((r) => [r.note, r.agreements])).toEqual([['Fassung vor der Schlüsselrotation', 'Alte Vereinbarung']]);
  });
});
