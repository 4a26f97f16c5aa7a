// `npm test`'s provisioning (provision.mjs), both branches, with prepared PATHs:
// a missing tool that can be provided is provided; one that cannot stops the run before any test,
// with one line naming the tool and its install command, and exit code 3.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const root = join(__dirname, '..', '..');
const provisionModule = join(__dirname, 'provision.mjs');

/** Runs provision() in a child process (the module is ESM) with the given env and uid. */
function provisionWith(env, uid) {
  const script = `import(${JSON.stringify(provisionModule)}).then(({ provision }) => {
    const result = provision({ env: JSON.parse(process.env.PROVISION_TEST_ENV), uid: ${uid} });
    process.stdout.write(JSON.stringify(result));
  })`;
  const out = spawnSync(process.execPath, ['-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PROVISION_TEST_ENV: JSON.stringify(env) },
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

function executable(path, body) {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/** The pg_dump directory `npm test` provisioned (or the one on this machine's PATH). */
function realPgBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const found = spawnSync('sh', ['-c', 'command -v pg_dump'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('pg_dump is not available to this test: run it through `npm test`, which provisions it');
  return join(found, '..');
}

describe('npm test provisioning', () => {
  let dir;
  let pgOnly;
  let empty;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ww-provision-'));
    empty = join(dir, 'empty');
    pgOnly = join(dir, 'pg-only');
    spawnSync('mkdir', ['-p', empty, pgOnly]);
    for (const tool of ['pg_dump', 'pg_restore']) symlinkSync(join(realPgBinDir(), tool), join(pgOnly, tool));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('provides Chromium from the npm package @sparticuz/chromium when none is on the PATH', () => {
    const result = provisionWith({ PATH: pgOnly, HOME: dir }, 1000);
    expect(result.ok).toBe(true);
    expect(result.tools.chromium.source).toBe('@sparticuz/chromium');
    expect(existsSync(result.tools.chromium.path)).toBe(true);
    const version = spawnSync(result.tools.chromium.path, ['--headless', '--no-sandbox', '--version'], { encoding: 'utf8' });
    expect(version.stdout).toMatch(/Chromium \d+\./);
    expect(result.env.CHROMIUM_PATH).toBe(result.tools.chromium.path);
    expect(result.tools.pg).toEqual({ path: pgOnly, source: 'PATH' });
  });

  it('installs the PostgreSQL client with apt-get when it is missing and the run is root with apt-get', () => {
    const bin = join(dir, 'bin');
    const installed = join(dir, 'installed');
    spawnSync('mkdir', ['-p', bin, installed]);
    const log = join(dir, 'apt.log');
    const fakePg = (name) => `printf '#!/bin/sh\\necho "${name} (PostgreSQL) 16.4"\\n' > ${installed}/${name}; chmod +x ${installed}/${name}`;
    executable(join(bin, 'apt-get'), `PATH=/usr/bin:/bin\necho "$@" >> ${log}\ncase "$1" in install) ${fakePg('pg_dump')}; ${fakePg('pg_restore')};; esac`);

    const result = provisionWith({ PATH: [bin, installed].join(delimiter), HOME: dir }, 0);

    expect(readFileSync(log, 'utf8')).toMatch(/install .*postgresql-client/);
    expect(result.ok).toBe(true);
    expect(result.tools.pg).toEqual({ path: installed, source: 'apt-get install postgresql-client' });
    expect(result.env.PATH.split(delimiter)[0]).toBe(installed);
  });

  it('refuses a pg_dump older than the embedded server (15)', () => {
    executable(join(empty, 'pg_dump'), 'echo "pg_dump (PostgreSQL) 13.9"');
    executable(join(empty, 'pg_restore'), 'echo "pg_restore (PostgreSQL) 13.9"');
    const result = provisionWith({ PATH: empty, HOME: dir }, 1000);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^pg_dump\/pg_restore 15\+ are missing: install them with `sudo apt-get install postgresql-client`/);
  });

  it.each([
    ['pg_dump', { PATH: 'EMPTY' }, /^pg_dump\/pg_restore 15\+ are missing: install them with `sudo apt-get install postgresql-client` \(Debian\/Ubuntu\)/],
    ['Chromium', { PATH: 'PG_ONLY', CHROMIUM_PATH: '/nonexistent/chromium' }, /^Chromium is missing: install it with `sudo apt-get install chromium` \(Debian\/Ubuntu\)/],
  ])('stops `npm test` before any step when %s cannot be provided: one line, exit code 3', (_tool, preset, message) => {
    const env = { HOME: dir, CI: 'true', PATH: preset.PATH === 'EMPTY' ? empty : pgOnly };
    if (preset.CHROMIUM_PATH) env.CHROMIUM_PATH = preset.CHROMIUM_PATH;
    const run = spawnSync(process.execPath, [join(root, 'tools', 'test.mjs')], { cwd: root, encoding: 'utf8', env, timeout: 120_000 });

    expect(run.status).toBe(3);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stdout).not.toContain('===');
  });
});
