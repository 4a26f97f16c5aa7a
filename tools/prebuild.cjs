// `npm install` (postinstall): builds the API and the client once, so that the first `npm start` only has to
// start them. Nx caches the result: a later install, `npm start` or `npm test` with unchanged sources builds nothing.
// Skipped where the sources are not there (the dependency layer of docker/Dockerfile) or WEGWEISER_SKIP_PREBUILD=1.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const nx = join(root, 'node_modules/nx/dist/bin/nx.js');
if (process.env.WEGWEISER_SKIP_PREBUILD === '1' || !existsSync(join(root, 'apps/api/src/main.ts')) || !existsSync(nx)) process.exit(0);

const started = Date.now();
process.stdout.write('Wegweiser: building API and client once, so that `npm start` starts at once (cached afterwards) …\n');
const { buildApps } = require('./build-freshness.cjs');
const status = buildApps({ stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
if (status !== 0) {
  // The install itself succeeded: do not fail it over a build error (a work in progress); `npm start` tries again.
  process.stderr.write('Wegweiser: the build failed (see above); `npm start` will try again.\n');
  process.exit(0);
}
process.stdout.write(`Wegweiser: built in ${Math.round((Date.now() - started) / 1000)} s.\n`);
