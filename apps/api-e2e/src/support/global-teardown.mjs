import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  await globalThis.__E2E_POSTGRES__?.stop();
  if (process.env.E2E_RUN_DIR) await rm(process.env.E2E_RUN_DIR, { recursive: true, force: true });
}
