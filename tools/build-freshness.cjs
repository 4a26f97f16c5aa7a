// Whether the last build of API and client is newer than every source it came from, so that `npm start` can skip
// the Nx build check (a few seconds of project-graph work) when nothing changed. Conservative: any newer file or
// folder (an edit, a checkout, a deleted file's folder) under the inputs sends the start through Nx, which rebuilds
// what changed or restores it from its cache. `buildApps` is that one build, for npm install, npm start and npm test.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const STAMP = join(root, 'dist/.build-stamp');
const OUTPUTS = ['dist/apps/api/main.js', 'dist/apps/client/browser/index.html'];
const INPUTS = ['apps/api', 'apps/client', 'libs', 'package-lock.json', 'tsconfig.base.json', 'nx.json', 'tools/bundle-budget'];
const SKIP = new Set(['node_modules', '.angular', 'dist']);

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) if (!SKIP.has(entry)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether the built API and client are there (an Nx cache entry whose files are gone can report success without them). */
function outputsExist() {
  return OUTPUTS.every((file) => existsSync(join(root, file)));
}

function buildIsFresh() {
  const stamp = statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp || !outputsExist()) return false;
  // Built since by something else (e.g. `nx build client -c development`): let Nx restore the production build.
  if (OUTPUTS.some((file) => statSync(join(root, file)).mtimeMs > stamp.mtimeMs)) return false;
  return INPUTS.every((input) => newestMtime(join(root, input)) < stamp.mtimeMs);
}

function markBuilt() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

/**
 * `nx run-many -t build -p api client`; when Nx reports success but the built files are missing (a cache entry whose
 * files are gone "restores" nothing), once more with --skip-nx-cache. Marks the build on success. Returns the exit status.
 */
function buildApps({ stdio = 'inherit', env = process.env, args = [] } = {}) {
  const nx = join(root, 'node_modules/nx/dist/bin/nx.js');
  const run = (extra) =>
    spawnSync(process.execPath, [nx, 'run-many', '-t', 'build', '-p', 'api', 'client', '--outputStyle=static', ...args, ...extra], { cwd: root, stdio, env }).status ?? 1;
  let status = run([]);
  if (status === 0 && !outputsExist()) status = run(['--skip-nx-cache']);
  if (status === 0) markBuilt();
  return status;
}

module.exports = { buildApps, buildIsFresh, outputsExist };
