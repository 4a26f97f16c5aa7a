#!/usr/bin/env node
// Adds up the counts the test reporters wrote to tmp/test-summary and prints
// the closing line "N passed, N failed[, N skipped]".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const summaryDir = join(dirname(fileURLToPath(import.meta.url)), '../../tmp/test-summary');

export function readSummary() {
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(summaryDir)) return total;
  for (const file of readdirSync(summaryDir).filter((f) => f.endsWith('.json'))) {
    const counts = JSON.parse(readFileSync(join(summaryDir, file), 'utf8'));
    total.passed += counts.passed ?? 0;
    total.failed += counts.failed ?? 0;
    total.skipped += counts.skipped ?? 0;
  }
  return total;
}

export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const extraFailures = Number(process.argv[2] ?? 0);
  const total = readSummary();
  total.failed = Math.max(total.failed, extraFailures);
  process.stdout.write(`\n${summaryLine(total)}\n`);
  process.exit(total.failed ? 1 : 0);
}
