import request from 'supertest';
import { ApiErrorResponse, CSRF_HEADER } from '@wegweiser/shared/contracts';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { PROBE_TABLE_SQL, ProbeModule } from './probe.module';

describe('HTTP baseline', () => {
  let db: TestDatabase;
  let api: TestApp;
  const rows = async () => Number((await adminQuery<{ n: string }>('SELECT count(*) AS n FROM e2e_probe', [], db.ownerUrl))[0]?.n);
  const http = () => request(api.app.getHttpServer());
  let agent: ReturnType<typeof request.agent>;
  let csrf: string;
  /** A state-changing request as the browser sends it: session cookies and the CSRF token. */
  const post = (path: string) => agent.post(path).set(CSRF_HEADER, csrf);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [ProbeModule]);
    await adminQuery(PROBE_TABLE_SQL, [], db.ownerUrl);
    agent = request.agent(api.app.getHttpServer());
    csrf = (await agent.get('/api/auth/csrf').expect(200)).body.csrfToken;
    await adminQuery(`GRANT SELECT, INSERT ON e2e_probe TO ${db.appRole}; GRANT USAGE ON SEQUENCE e2e_probe_id_seq TO ${db.appRole}`, [], db.ownerUrl);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const expectErrorShape = (body: ApiErrorResponse, statusCode: number, code: string) => {
    expect(body).toEqual(expect.objectContaining({ statusCode, code, message: expect.any(String) }));
    expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['code', 'message', 'statusCode']));
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  };

  it('stores a valid request (so the refusals below are meaningful)', async () => {
    const response = await post('/api/probe').send({ label: 'gültig', count: 1 }).expect(201);
    expect(response.body).toEqual({ label: 'gültig', count: 1 });
    expect(await rows()).toBe(1);
  });

  it('answers malformed JSON with 400 malformedJson and writes nothing', async () => {
    const response = await post('/api/probe').set('Content-Type', 'application/json').send('{"label": "x", "count": ').expect(400);
    expectErrorShape(response.body, 400, 'malformedJson');
    expect(await rows()).toBe(1);
  });

  it('answers a 2 MB body with 413 payloadTooLarge and writes nothing', async () => {
    const body = JSON.stringify({ label: 'x'.repeat(2 * 1024 * 1024), count: 1 });
    const response = await post('/api/probe').set('Content-Type', 'application/json').send(body).expect(413);
    expectErrorShape(response.body, 413, 'payloadTooLarge');
    expect(await rows()).toBe(1);
  });

  it('answers an unknown property with 400 naming it, and writes nothing', async () => {
    const response = await post('/api/probe').send({ label: 'x', count: 1, isAdmin: true }).expect(400);
    expectErrorShape(response.body, 400, 'validationFailed');
    expect(response.body.errors).toEqual({ isAdmin: 'unknownProperty' });
    expect(response.body.message).toContain('isAdmin');
    expect(await rows()).toBe(1);
  });

  it('answers a wrongly typed field with 400 and the field code', async () => {
    const response = await post('/api/probe').send({ label: 'x', count: 'many' }).expect(400);
    expectErrorShape(response.body, 400, 'validationFailed');
    expect(response.body.errors).toEqual({ count: expect.any(String) });
    expect(await rows()).toBe(1);
  });

  it('answers unknown API routes with 404 in the error shape', async () => {
    const response = await http().get('/api/does-not-exist').expect(404);
    expectErrorShape(response.body, 404, 'notFound');
  });

  it('marks API responses no-store and gives every response a request id', async () => {
    const response = await http().get('/api/health').expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await http().get('/api/health').set('X-Request-Id', 'proxy-id-12345').expect(200);
    expect(echoed.headers['x-request-id']).toBe('proxy-id-12345');
    const refused = await http().get('/api/health').set('X-Request-Id', '<script>').expect(200);
    expect(refused.headers['x-request-id']).not.toBe('<script>');
  });

  it('sends security headers with a strict script policy', async () => {
    const response = await http().get('/api/health').expect(200);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document and UI', async () => {
    const json = await http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/health/ready']));
    const ui = await http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('compresses larger answers for clients that accept gzip, and not the CSRF-token answer', async () => {
    const docs = await http().get('/api/docs-json').set('Accept-Encoding', 'gzip').expect(200);
    expect(docs.headers['content-encoding']).toBe('gzip');
    expect(docs.body.info.title).toBe('Wegweiser API');
    const plain = await http().get('/api/docs-json').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const token = await http().get('/api/auth/csrf').set('Accept-Encoding', 'gzip').expect(200);
    expect(token.headers['content-encoding']).toBeUndefined();
  });

  it('reports liveness and readiness', async () => {
    expect((await http().get('/api/health').expect(200)).body).toEqual({ status: 'ok', version: expect.any(String) });
    const ready = await http().get('/api/health/ready').expect(200);
    expect(ready.body.checks).toEqual({ database: { status: 'ok' }, migrations: { status: 'ok' } });
  });

  it('reports not ready (503, error shape) when a migration is missing', async () => {
    const [last] = await adminQuery<{ id: number; timestamp: string; name: string }>('SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1', [], db.ownerUrl);
    await adminQuery('DELETE FROM migrations WHERE id = $1', [last?.id], db.ownerUrl);
    try {
      const response = await http().get('/api/health/ready').expect(503);
      expectErrorShape(response.body, 503, 'notReady');
      expect(response.body.errors).toEqual({ migrations: 'pending' });
    } finally {
      await adminQuery('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last?.id, last?.timestamp, last?.name], db.ownerUrl);
    }
  });
});
