#!/usr/bin/env node
// Compressed initial-bundle budget of the client: fails (exit 1) when the gzip
// size of the JavaScript that index.html loads eagerly exceeds the limit.
// Angular's own budgets measure uncompressed bytes only (angular/angular-cli#14536).
//
//   node tools/bundle-budget/bundle-budget.mjs <browser output dir> --max-gzip=250kB
//
// Initial = `<script src>` and `<link rel="modulepreload">` of index.html plus
// every chunk they import statically (`import ... from "./chunk.js"`), so a
// missing preload hint cannot hide bytes. Chunks only reached through dynamic
// `import("./chunk.js")` (lazy routes, @defer) do not count. gzip level 9; 1 kB = 1000 bytes
// (as in Angular's budgets).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const UNITS = { b: 1, kb: 1000, mb: 1000 * 1000 };

/** Bytes of a size such as `250kB`, `1.5mb` or `4096`. */
export function parseSize(text) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb)?\s*$/i.exec(String(text));
  if (!match) throw new Error(`Not a size: "${text}" (use e.g. 250kB)`);
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]);
}

/** The local `.js` files index.html loads eagerly (relative to `dir`). */
function entryScripts(html) {
  const files = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attribute = (name) => new RegExp(`\\s${name}\\s*=\\s*["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag) && !/\snomodule\b/i.test(tag);
    const isPreload = /^<link/i.test(tag) && attribute('rel')?.toLowerCase() === 'modulepreload';
    const url = isScript ? attribute('src') : isPreload ? attribute('href') : undefined;
    if (url && !/^(?:[a-z]+:)?\/\//i.test(url)) files.push(url.replace(/^\//, '').replace(/[?#].*$/, ''));
  }
  return files;
}

/** Relative specifiers of the static imports and re-exports of a (minified) ES module. */
function staticImports(code) {
  const found = [];
  const pattern = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** The initial JavaScript files of a browser build in `dir`, with raw and gzip sizes. */
export function measure(dir) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`No index.html in ${dir}: build the client first.`);
  const queue = entryScripts(readFileSync(index, 'utf8'));
  const files = [];
  const seen = new Set();
  while (queue.length) {
    const file = normalize(queue.shift());
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`index.html loads ${file}, which is not in ${dir}.`);
    const bytes = readFileSync(path);
    files.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    for (const specifier of staticImports(bytes.toString('utf8'))) {
      queue.push(relative(dir, join(dirname(path), specifier)));
    }
  }
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function main(args) {
  const dir = args.find((arg) => !arg.startsWith('--'));
  const limitArg = args.find((arg) => arg.startsWith('--max-gzip='));
  if (!dir || !limitArg) {
    console.error('Usage: bundle-budget.mjs <browser output dir> --max-gzip=<size, e.g. 250kB>');
    return 2;
  }
  let limit;
  let result;
  try {
    limit = parseSize(limitArg.slice('--max-gzip='.length));
    result = measure(dir);
  } catch (error) {
    console.error(`Initial-bundle budget: ${error.message}`);
    return 2;
  }
  const { files, total } = result;
  for (const f of files) process.stdout.write(`  ${f.file.padEnd(28)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip\n`);
  const summary = `Initial JavaScript: ${files.length} files, ${kb(total.raw)} raw, ${kb(total.gzip)} gzip -9 (budget ${kb(limit)} gzip)`;
  if (total.gzip > limit) {
    console.error(`${summary}\nError: the initial JavaScript exceeds the compressed budget by ${kb(total.gzip - limit)}.`);
    return 1;
  }
  process.stdout.write(`${summary}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
