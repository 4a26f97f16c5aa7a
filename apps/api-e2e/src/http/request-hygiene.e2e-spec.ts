import { ApiErrorResponse, CSRF_HEADER } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { createClient } from '../clients/client-fixtures';
import { changedTables, RowFingerprint } from '../fuzz/row-fingerprint';
import { completeTotpEnrolment } from '../support/second-factor';
import { csrfToken, DEMO_PASSWORD_FOR_TESTS, demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

/** The UTF-8 bytes of the surrogate U+D800 (what a lone surrogate would be, were it encodable), percent-escaped. */
const SURROGATE_ESCAPES = '%ED%A0%80';
const LONE = '\uD800';
/** Tables a refused request may still change: the session's rolling expiry. */
const SESSION_ONLY = new Set(['user_session']);

/** Issue 18, points 1–3: well-formed text everywhere, JSON bodies only, no prototype keys. */
describe('request hygiene', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let manager: SignedInAgent;
  let admin: SignedInAgent;
  let fingerprint: RowFingerprint;
  const server = () => api.app.getHttpServer();
  const post = (who: SignedInAgent, path: string) => who.agent.post(path).set(CSRF_HEADER, who.csrf);
  const bystander = () => pick(users, 'manager', (u) => u.municipality_id === admin.session.me.municipality.id && u.id !== manager.session.me.id);
  const supportState = async (clientId: string) =>
    (await adminQuery<{ support_state: string }>('SELECT support_state FROM client WHERE id = $1', [clientId], db.ownerUrl))[0]?.support_state;

  /** Runs `act`, expects it to answer `status` (and returns the body), and no table but user_session to change. */
  async function refusedUnchanged(status: number, act: () => Promise<request.Response>): Promise<ApiErrorResponse> {
    const before = await fingerprint.take();
    const response = await act();
    expect({ status: response.status, body: response.body }).toEqual({ status, body: expect.objectContaining({ statusCode: status }) });
    expect(changedTables(before, await fingerprint.take(), SESSION_ONLY)).toEqual([]);
    return response.body as ApiErrorResponse;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '20', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
    const managerUser = pick(users, 'manager');
    manager = await signIn(server(), managerUser.email);
    admin = await completeTotpEnrolment(await signIn(server(), pick(users, 'admin', (u) => u.municipality_id === managerUser.municipality_id).email));
    fingerprint = new RowFingerprint(db.ownerUrl);
    await fingerprint.open();
  });

  afterAll(async () => {
    await fingerprint?.close();
    await api?.close();
    await db?.drop();
  });

  describe('1. lone surrogates and ill-formed escapes', () => {
    it('refuses a lone surrogate in the e-mail of sign-in, user, client and partner creation: 400, email → invalid, nothing stored', async () => {
      const anonymous = request.agent(server());
      const csrf = await csrfToken(anonymous);
      const email = `anna${LONE}@ms.wegweiser.example`;
      const signInRefused = await refusedUnchanged(400, () =>
        anonymous.post('/api/auth/login').set(CSRF_HEADER, csrf).send({ email, password: DEMO_PASSWORD_FOR_TESTS }),
      );
      expect(signInRefused).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { email: 'invalid' } }));

      const teamId = manager.session.me.team?.id;
      const userRefused = await refusedUnchanged(400, () => post(admin, '/api/users').send({ email, firstName: 'Anna', lastName: 'Berg', role: 'manager', teamId }));
      expect(userRefused.errors).toEqual({ email: 'invalid' });

      const clientRefused = await refusedUnchanged(400, () =>
        post(manager, '/api/clients').send({ firstName: 'Anna', lastName: 'Berg', dateOfBirth: '1990-02-01', email, supportStart: '2026-01-12' }),
      );
      expect(clientRefused.errors).toEqual({ email: 'invalid' });

      const partnerRefused = await refusedUnchanged(400, () => post(admin, '/api/partners').send({ name: 'Sprachcafé', kind: 'organisation', email }));
      expect(partnerRefused.errors).toEqual({ email: 'invalid' });
    });

    it('refuses query values and path parameters whose escapes are no UTF-8 (400, field invalid) and passes well-formed ones', async () => {
      for (const broken of [SURROGATE_ESCAPES, '%E2%82', '%zz']) {
        const body = (await manager.agent.get(`/api/clients?q=${broken}`).expect(400)).body as ApiErrorResponse;
        expect(body).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { q: 'invalid' } }));
      }
      expect((await manager.agent.get(`/api/clients/${SURROGATE_ESCAPES}`).expect(400)).body.errors).toEqual({ path: 'invalid' });
      const client = await createClient(manager);
      const refused = await refusedUnchanged(400, () => post(manager, `/api/clients/${client.id}/support/pause?note=${SURROGATE_ESCAPES}`).send({}));
      expect(refused.errors).toEqual({ note: 'invalid' });
      await refusedUnchanged(400, () => post(manager, `/api/clients/${SURROGATE_ESCAPES}/support/pause`).send({}));
      expect(await supportState(client.id)).toBe('active');
      // Well-formed: umlauts and emoji escaped as UTF-8, and a JSON-style \ud800 (six ASCII characters).
      await manager.agent.get('/api/clients?q=M%C3%BCller%20%F0%9F%91%8D').expect(200);
      await manager.agent.get('/api/clients?q=%5Cud800').expect(200);
    });

    it('refuses ill-formed text in the partner import: file names and text fields (400, field invalid)', async () => {
      const csv = Buffer.from('Name\r\n', 'utf8');
      const importCall = (step: string) => post(admin, `/api/partners/import/${step}`);
      // A browser sends the file name as raw UTF-8: read as UTF-8, Umlauts arrive intact ...
      expect((await importCall('preview').attach('file', csv, 'Partner-Übersicht.csv').expect(200)).body.counts).toEqual(expect.objectContaining({ create: 0 }));
      // ... and bytes that are no UTF-8 (the encoding of U+D800) arrive as U+FFFD: refused.
      const boundary = 'hygiene-boundary';
      const raw = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="partner`),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from(`.csv"\r\nContent-Type: text/csv\r\n\r\nName\r\n\r\n--${boundary}--\r\n`),
      ]);
      const rawRefused = await refusedUnchanged(400, () => importCall('preview').set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(raw));
      expect(rawRefused).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { file: 'invalid' } }));
      expect((await refusedUnchanged(400, () => importCall('preview').attach('file', csv, `${LONE}.csv`))).errors).toEqual({ file: 'invalid' });
      expect((await refusedUnchanged(400, () => importCall('confirm').field('token', `x${LONE}`).attach('file', csv, 'partner.csv'))).errors).toEqual({ token: 'invalid' });
    });
  });

  describe('2. content types', () => {
    it('answers a pause whose body is not JSON with 415 and leaves the case active; {} and no body are accepted', async () => {
      const client = await createClient(manager);
      const pause = `/api/clients/${client.id}/support/pause`;
      const wrong: Array<[string | undefined, string | Buffer]> = [
        ['text/plain', '{"on":"2026-03-02"}'],
        ['application/x-www-form-urlencoded', 'on=2026-03-02'],
        ['application/xml', '<pause><on>2026-03-02</on></pause>'],
        ['application/json; charset=iso-8859-1', '{"on":"2026-03-02"}'],
        [undefined, Buffer.from('{"on":"2026-03-02"}')],
      ];
      for (const [type, body] of wrong) {
        const call = post(manager, pause);
        const refused = await refusedUnchanged(415, () => (type ? call.set('Content-Type', type) : call).send(body));
        expect({ type, code: refused.code }).toEqual({ type, code: 'unsupportedMediaType' });
        expect(await supportState(client.id)).toBe('active');
      }
      await post(manager, pause).set('Content-Type', 'application/json; charset=UTF-8').send('{}').expect(200);
      expect(await supportState(client.id)).toBe('paused');
      await post(manager, `/api/clients/${client.id}/support/resume`).expect(200);
      expect(await supportState(client.id)).toBe('active');
    });

    it('checks the session and the CSRF token first: 403 without the token, 401 without a session, then 415', async () => {
      const client = await createClient(manager);
      const pause = `/api/clients/${client.id}/support/pause`;
      const noToken = await manager.agent.post(pause).set('Content-Type', 'text/plain').send('{}');
      expect({ status: noToken.status, code: noToken.body.code }).toEqual({ status: 403, code: 'csrfTokenInvalid' });
      const anonymous = request.agent(server());
      const csrf = await csrfToken(anonymous);
      expect((await anonymous.post(pause).set(CSRF_HEADER, csrf).set('Content-Type', 'text/plain').send('{}')).status).toBe(401);
      expect((await post(manager, pause).set('Content-Type', 'text/plain').send('{}')).status).toBe(415);
      expect(await supportState(client.id)).toBe('active');
    });

    it('parses no form-encoded bodies at all (no urlencoded parser, not even Nest’s default)', () => {
      const router = (api.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ handle?: { name?: string } }> } }).router;
      const parsers = router.stack.map((layer) => layer.handle?.name).filter((name) => /^(json|urlencoded|text|raw)Parser$/.test(name ?? ''));
      expect(parsers).toEqual(['jsonParser']);
    });

    it('lets a body-less action take no body or {}, refuses {"x":1} with 400 unknownProperty and other types with 415', async () => {
      const unlock = `/api/users/${bystander().id}/unlock`;
      const refused = await refusedUnchanged(400, () => post(admin, unlock).send({ x: 1 }));
      expect(refused).toEqual(expect.objectContaining({ code: 'validationFailed', message: 'Unknown properties: x', errors: { x: 'unknownProperty' } }));
      expect((await refusedUnchanged(400, () => post(admin, unlock).send([]))).errors).toEqual({ body: 'invalid' });
      expect((await refusedUnchanged(415, () => post(admin, unlock).set('Content-Type', 'text/plain').send('{}'))).code).toBe('unsupportedMediaType');
      await post(admin, unlock).send({}).expect(200);
      await post(admin, unlock).expect(200);
    });

    it('takes multipart only on the import routes, and nothing but multipart there', async () => {
      for (const [type, body] of [
        ['application/json', '{}'],
        ['text/plain', 'Name\r\n'],
        ['application/x-www-form-urlencoded', 'file=x'],
      ]) {
        const refused = await refusedUnchanged(415, () => post(admin, '/api/partners/import/preview').set('Content-Type', type as string).send(body));
        expect(refused.code).toBe('unsupportedMediaType');
      }
      const multipartOnJson = await refusedUnchanged(415, () => post(admin, '/api/partners').field('name', 'Sprachcafé').field('kind', 'organisation'));
      expect(multipartOnJson.code).toBe('unsupportedMediaType');
    });
  });

  describe('3. prototype keys', () => {
    it('refuses __proto__, constructor and prototype keys at any depth with 400 unknownProperty, changing nothing', async () => {
      const client = await createClient(manager);
      const json = (who: SignedInAgent, method: 'post' | 'patch', path: string, raw: string) =>
        who.agent[method](path).set(CSRF_HEADER, who.csrf).set('Content-Type', 'application/json').send(raw);

      const patched = await refusedUnchanged(400, () =>
        json(manager, 'patch', `/api/clients/${client.id}`, `{"version":${client.version},"lastName":"Neu","__proto__":{"lastName":"Proto"}}`),
      );
      expect(patched).toEqual(expect.objectContaining({ code: 'validationFailed', message: 'Unknown properties: __proto__' }));
      expect(patched.errors).toEqual(JSON.parse('{"__proto__":"unknownProperty"}'));

      const paused = await refusedUnchanged(400, () => json(manager, 'post', `/api/clients/${client.id}/support/pause`, '{"constructor":{"prototype":{"polluted":1}}}'));
      expect(paused.errors).toEqual({ constructor: 'unknownProperty', 'constructor.prototype': 'unknownProperty' });
      expect(await supportState(client.id)).toBe('active');

      const nested = await refusedUnchanged(400, () =>
        json(admin, 'post', '/api/partners', '{"name":"Sprachcafé","kind":"organisation","languages":[{"__proto__":{"isAdmin":true}}]}'),
      );
      expect(nested.errors).toEqual(JSON.parse('{"languages.0.__proto__":"unknownProperty"}'));

      expect((await manager.agent.get('/api/clients?constructor=1').expect(400)).body.errors).toEqual({ constructor: 'unknownProperty' });
      const multipart = await refusedUnchanged(400, () =>
        post(admin, '/api/partners/import/preview').field('constructor', 'x').attach('file', Buffer.from('Name\r\n'), 'partner.csv'),
      );
      expect(multipart.errors).toEqual({ constructor: 'unknownProperty' });
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      const [row] = await adminQuery<{ last_name: string; version: number }>('SELECT last_name, version FROM client WHERE id = $1', [client.id], db.ownerUrl);
      expect(row).toEqual({ last_name: client.lastName, version: client.version });
    });
  });
});
