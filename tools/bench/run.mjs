#!/usr/bin/env node
// `npm run bench`: every scenario in tools/bench/scenarios, one after another; non-zero exit when a goal is missed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const jest = join(root, 'node_modules/jest/bin/jest.js');
const env = { ...process.env, TZ: 'UTC', NX_DAEMON: 'false' };
const result = spawnSync(process.execPath, [jest, '-c', 'tools/bench/jest.config.cts', '--runInBand', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
process.exit(result.status ?? 1);
