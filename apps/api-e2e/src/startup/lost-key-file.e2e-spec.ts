import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { apiMain, freePort, startProcess, stopProcess, waitForReady, workspaceRoot } from '../support/api-process';

/** Losing the embedded key file must not silently create a new key next to existing ciphertexts. */
describe('embedded field-encryption key file', () => {
  const runDir = join(process.env['E2E_RUN_DIR'] ?? join(workspaceRoot, 'tmp/api-e2e'), 'lost-key');
  const dataDir = join(runDir, 'postgres');

  afterAll(async () => {
    await rm(runDir, { recursive: true, force: true });
  });

  it('refuses to start when the key file is gone but encrypted notes exist', async () => {
    const env = async () => ({ PORT: String(await freePort()), EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), DEMO_CLIENTS: '15' });
    const firstEnv = await env();
    const first = startProcess([apiMain], firstEnv, Number(firstEnv.PORT));
    await waitForReady(first);
    expect(await stopProcess(first)).toEqual({ code: 0, signal: null });
    expect(existsSync(`${dataDir}.keys`)).toBe(true);

    await rm(`${dataDir}.keys`);
    const secondEnv = await env();
    const second = startProcess([apiMain], secondEnv, Number(secondEnv.PORT));
    const result = await second.exited;
    expect(result.code).toBe(1);
    expect(second.output()).toContain('field-encryption key file');
    expect(existsSync(`${dataDir}.keys`)).toBe(false);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });
});
