#!/usr/bin/env node
// `npm start`: build what is not built yet (Nx cache; skipped when no source changed since the last build), then
// serve API + client from one process.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { buildApps, buildIsFresh } = createRequire(import.meta.url)('./build-freshness.cjs');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '' };
env.NODE_ENV = process.env.NODE_ENV || 'production';

if (!buildIsFresh()) {
  const status = buildApps({ env });
  if (status !== 0) process.exit(status);
}

const server = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
