import { apiMain, freePort, startProcess } from '../support/api-process';

/** A missing or malformed variable stops start-up with a message naming it. */
describe('configuration validation at start-up', () => {
  it.each([
    ['PORT', { PORT: 'achtzig' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/wegweiser' }],
    ['DATABASE_APP_PASSWORD', { DATABASE_URL: 'postgres://owner@127.0.0.1:1/wegweiser' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'laut' }],
    ['EMBEDDED_PG_PORT', { EMBEDDED_PG_PORT: '80' }],
  ])('exits non-zero naming %s', async (name, env) => {
    const port = await freePort();
    const api = startProcess([apiMain], { EMBEDDED_PG_DATA_DIR: '/nonexistent/never-created', ...env }, port);
    const result = await api.exited;
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(api.output()).toMatch(new RegExp(`^\\s+- ${name}: `, 'm'));
  });
});
