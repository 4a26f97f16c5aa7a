// The compressed initial-bundle budget (bundle-budget.mjs), run as the build runs it, on fixture builds.
const { spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const root = join(__dirname, '..', '..');
const script = join(__dirname, 'bundle-budget.mjs');

/** `kB` of random hex text: gzip keeps about half of it (4 bits of entropy per character). */
const noise = (kB) => `/*${randomBytes(kB * 500).toString('hex')}*/`;
const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

function check(dir, limit) {
  const result = spawnSync(process.execPath, [script, dir, `--max-gzip=${limit}`], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('bundle-budget.mjs', () => {
  let dir;
  /** The files of a fixture build; `initialGzip` is what must count (entry, preload, static import). */
  let files;
  let initialGzip;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
    files = {
      'index.html': [
        '<!doctype html><html><head><link rel="stylesheet" href="styles.css"></head><body>',
        '<link rel="modulepreload" href="chunk-PRELOAD.js">',
        '<script src="main.js" type="module"></script></body></html>',
      ].join(''),
      'main.js': `import{a as b}from"./chunk-PRELOAD.js";import"./chunk-STATIC.js";const r=()=>import("./chunk-LAZY.js");${noise(40)}`,
      'chunk-PRELOAD.js': `export const a=1;${noise(30)}`,
      // Statically imported without a preload hint: still initial.
      'chunk-STATIC.js': `export*from"./chunk-NESTED.js";${noise(20)}`,
      'chunk-NESTED.js': `export const n=1;${noise(10)}`,
      // Only reached through dynamic import(): lazy, larger than the whole budget.
      'chunk-LAZY.js': `export default 1;${noise(600)}`,
      'styles.css': noise(100),
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    initialGzip = ['main.js', 'chunk-PRELOAD.js', 'chunk-STATIC.js', 'chunk-NESTED.js'].reduce((sum, name) => sum + gzip(files[name]), 0);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes when the gzip size of the initial scripts is within the limit, not counting lazy chunks or CSS', () => {
    expect(gzip(files['chunk-LAZY.js'])).toBeGreaterThan(250_000);

    const { status, output } = check(dir, '250kB');

    expect(status).toBe(0);
    expect(output).toContain('Initial JavaScript: 4 files');
    expect(output).not.toContain('chunk-LAZY.js');
    expect(output).not.toContain('styles.css');
  });

  it('passes at exactly the limit and fails one byte below it', () => {
    expect(check(dir, String(initialGzip)).status).toBe(0);

    const { status, output } = check(dir, String(initialGzip - 1));

    expect(status).toBe(1);
    expect(output).toContain('exceeds the compressed budget');
  });

  it('counts chunks that initial scripts import statically, even without a preload hint', () => {
    const withoutStaticImports = gzip(files['main.js']) + gzip(files['chunk-PRELOAD.js']);

    expect(check(dir, String(withoutStaticImports + 1000)).status).toBe(1);
  });

  it('fails a build whose initial scripts exceed 250 kB gzip', () => {
    const preload = `export const a=1;${noise(500)}`;
    writeFileSync(join(dir, 'chunk-PRELOAD.js'), preload);
    expect(gzip(preload)).toBeGreaterThan(250_000);

    const { status, output } = check(dir, '250kB');

    expect(status).toBe(1);
    expect(output).toMatch(/budget 250\.0 kB gzip/);
  });

  it('refuses to pass without a build or with a missing initial file', () => {
    expect(check(join(dir, 'nothing-here'), '250kB').status).toBe(2);

    rmSync(join(dir, 'chunk-STATIC.js'));

    const { status, output } = check(dir, '250kB');
    expect(status).toBe(2);
    expect(output).toContain('chunk-STATIC.js');
  });
});

describe('apps/client/project.json', () => {
  const project = JSON.parse(readFileSync(join(root, 'apps/client/project.json'), 'utf8'));

  it('fails the production build on the uncompressed initial budget (an error, not only a warning)', () => {
    const budgets = project.targets['build-app'].configurations.production.budgets;
    const initial = budgets.find((budget) => budget.type === 'initial');

    expect(initial.maximumError).toMatch(/^\d+kb$/);
  });

  it('runs the 250 kB gzip check after the Angular build of `nx build client` (production)', () => {
    const build = project.targets.build;

    expect(build.dependsOn).toContain('build-app');
    expect(build.defaultConfiguration).toBe('production');
    expect(build.configurations.production.command).toBe(
      'node tools/bundle-budget/bundle-budget.mjs dist/apps/client/browser --max-gzip=250kB',
    );
    expect(project.targets['build-app'].options.outputPath).toBe('dist/apps/client');
  });
});
