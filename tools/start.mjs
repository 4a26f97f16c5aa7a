#!/usr/bin/env node
// `npm start`: build what is not built yet (Nx cache; skipped when no source changed since the last build), then
// serve API + client from one process.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { buildIsFresh, markBuilt, outputsExist } = createRequire(import.meta.url)('./build-freshness.cjs');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '' };
env.NODE_ENV = process.env.NODE_ENV || 'production';

if (!buildIsFresh()) {
  const nx = join(root, 'node_modules/nx/dist/bin/nx.js');
  const build = (extra) =>
    spawnSync(process.execPath, [nx, 'run-many', '-t', 'build', '-p', 'api', 'client', '--outputStyle=static', ...extra], { cwd: root, stdio: 'inherit', env });
  let result = build([]);
  // A cache entry whose files are gone can "restore" nothing: build for real then.
  if (result.status === 0 && !outputsExist()) result = build(['--skip-nx-cache']);
  if (result.status !== 0) process.exit(result.status ?? 1);
  markBuilt();
}

const server = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
