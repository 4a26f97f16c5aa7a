// Provisioning for `npm test`: finds (or provides) every tool outside npm that the suite uses,
// before any test runs. What it cannot provide stops the run with one line naming the tool and
// the command that installs it.
//
//   Chromium  (browser e2e): CHROMIUM_PATH, a browser on PATH, the binary inside the npm package
//             @sparticuz/chromium, or Debian's package (root with apt-get).
//   pg_dump / pg_restore ≥ 15 (backup, retention and encryption e2e): PG_BIN_DIR, PATH, or
//             Debian's postgresql-client (root with apt-get).
//
// PDFs are read back with pdfjs-dist and mupdf (npm) and embed npm fonts, so neither poppler nor
// system fonts are needed.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXIT_MISSING_TOOL = 3;
const MIN_PG_MAJOR = 15;
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The executable `name` on the PATH of `env`, or undefined. */
export function which(name, env) {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function runs(file, args, env) {
  const result = spawnSync(file, args, { encoding: 'utf8', env, timeout: 30_000 });
  return result.status === 0 ? result.stdout : undefined;
}

function chromiumWorks(path, env) {
  return Boolean(path && runs(path, ['--headless', '--no-sandbox', '--disable-gpu', '--version'], env));
}

/** The Chromium binary that @sparticuz/chromium ships inside its npm package (Linux x64/arm64), unpacked to the temp dir. */
function sparticuzChromium(env) {
  if (process.platform !== 'linux') return undefined;
  const script = `import('@sparticuz/chromium').then(async (m) => process.stdout.write(await m.default.executablePath()))`;
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  const out = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env, timeout: 120_000 });
  return out.status === 0 && out.stdout ? out.stdout.trim() : undefined;
}

function aptInstall(packages, ctx) {
  if (ctx.uid !== 0 || !which('apt-get', ctx.env)) return false;
  ctx.log(`Installing ${packages.join(', ')} from Debian's packages (apt-get)`);
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...ctx.env, DEBIAN_FRONTEND: 'noninteractive' } };
  if (spawnSync('apt-get', ['update', '-qq'], quiet).status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], quiet).status === 0;
}

function findChromium(ctx) {
  const { env } = ctx;
  if (env.CHROMIUM_PATH) return chromiumWorks(env.CHROMIUM_PATH, env) ? { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' } : undefined;
  for (const name of CHROMIUM_NAMES) {
    const path = which(name, env);
    if (chromiumWorks(path, env)) return { path, source: 'PATH' };
  }
  const packaged = sparticuzChromium(env);
  if (chromiumWorks(packaged, env)) return { path: packaged, source: '@sparticuz/chromium' };
  if (aptInstall(['chromium'], ctx)) {
    const path = which('chromium', env);
    if (chromiumWorks(path, env)) return { path, source: 'apt-get install chromium' };
  }
  return undefined;
}

function pgMajor(binDir, env) {
  const out = runs(join(binDir, 'pg_dump'), ['--version'], env);
  const match = out?.match(/\(PostgreSQL\) (\d+)/);
  return match && existsSync(join(binDir, 'pg_restore')) ? Number(match[1]) : 0;
}

function findPgTools(ctx) {
  const { env } = ctx;
  const candidates = () => [env.PG_BIN_DIR, dirname(which('pg_dump', env) ?? '.')].filter((d) => d && d !== '.');
  const good = () => candidates().find((dir) => pgMajor(dir, env) >= MIN_PG_MAJOR);
  if (env.PG_BIN_DIR) return good() === env.PG_BIN_DIR ? { path: env.PG_BIN_DIR, source: 'PG_BIN_DIR' } : undefined;
  const found = good();
  if (found) return { path: found, source: 'PATH' };
  if (aptInstall(['postgresql-client'], ctx) && good()) return { path: good(), source: 'apt-get install postgresql-client' };
  return undefined;
}

const INSTALL_HINT = {
  chromium:
    'Chromium is missing: install it with `sudo apt-get install chromium` (Debian/Ubuntu), `brew install --cask chromium` (macOS), or set CHROMIUM_PATH to a Chrome/Chromium binary.',
  pg:
    `pg_dump/pg_restore ${MIN_PG_MAJOR}+ are missing: install them with \`sudo apt-get install postgresql-client\` (Debian/Ubuntu), \`brew install libpq\` (macOS), or set PG_BIN_DIR to their directory.`,
};

/**
 * Resolves every external tool; returns the environment for the test steps (CHROMIUM_PATH, PG_BIN_DIR on PATH)
 * or the one-line message of the first tool it could not provide.
 */
export function provision({ env = process.env, uid = process.getuid?.(), log = () => undefined } = {}) {
  const ctx = { env: { ...env }, uid, log };
  const chromium = findChromium(ctx);
  if (!chromium) return { ok: false, message: INSTALL_HINT.chromium };
  const pg = findPgTools(ctx);
  if (!pg) return { ok: false, message: INSTALL_HINT.pg };
  const out = { ...ctx.env, CHROMIUM_PATH: chromium.path, PG_BIN_DIR: pg.path, PATH: [pg.path, ctx.env.PATH].join(delimiter) };
  // The packaged Chromium brings its own fonts; use them where the system has no fontconfig.
  if (chromium.source === '@sparticuz/chromium' && !existsSync('/etc/fonts/fonts.conf')) out.FONTCONFIG_PATH = join(dirname(chromium.path), 'fonts');
  return { ok: true, env: out, tools: { chromium, pg } };
}

// `node tools/testing/provision.mjs`: resolve and print, exit EXIT_MISSING_TOOL with the one line otherwise.
// `node tools/testing/provision.mjs chromium`: only the Chromium path (the browser suite run on its own).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const log = (line) => process.stderr.write(`${line}\n`);
  if (process.argv[2] === 'chromium') {
    const chromium = findChromium({ env: { ...process.env }, uid: process.getuid?.(), log });
    if (!chromium) {
      process.stderr.write(`${INSTALL_HINT.chromium}\n`);
      process.exit(EXIT_MISSING_TOOL);
    }
    process.stdout.write(chromium.path);
  } else {
    const result = provision({ log });
    if (!result.ok) {
      process.stderr.write(`${result.message}\n`);
      process.exit(EXIT_MISSING_TOOL);
    }
    for (const [name, tool] of Object.entries(result.tools)) process.stdout.write(`${name}: ${tool.path} (${tool.source})\n`);
  }
}
