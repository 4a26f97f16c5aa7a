import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How `npm test` splits the browser suite over its shards (playwright.config.ts): every spec file of src/, the
 * longest first, each to the shard with the least work so far. The weights are the files' durations in seconds,
 * measured in a full run beside the API e2e suite (7 December 2026); a file not listed counts as WEIGHT_UNKNOWN (add it after a run).
 * Whole files move, never single tests: the tests of a file may build on each other (serial mode).
 */
const WEIGHTS: Record<string, number> = {
  'user-admin.spec.ts': 74,
  'consents-support.spec.ts': 66,
  'caseload.spec.ts': 52,
  'evaluation.spec.ts': 50,
  'file-editing.spec.ts': 48,
  'partner-admin.spec.ts': 34,
  'approvals-queue.spec.ts': 31,
  'shell.spec.ts': 29,
  'team-admin.spec.ts': 27,
  'intake.spec.ts': 26,
  'outcomes.spec.ts': 23,
  'data-protection.spec.ts': 22,
  'conversation-corrections.spec.ts': 22,
  'plan-editor.spec.ts': 21,
  'retention.spec.ts': 15,
  'client-file.spec.ts': 15,
  'client-documents.spec.ts': 15,
  'plan-signoff.spec.ts': 13,
  'today.spec.ts': 11,
  'referrals.spec.ts': 11,
  'funding-report.spec.ts': 11,
  'unsaved-changes.spec.ts': 10,
  'language.spec.ts': 10,
  'evaluation-dates.spec.ts': 10,
  'reassignment.spec.ts': 9,
  'bidi-isolation.spec.ts': 9,
  'sign-in.spec.ts': 8,
  'language-goal.spec.ts': 8,
  'conversation-form.spec.ts': 8,
  'team-dashboard.spec.ts': 7,
  'reminders.spec.ts': 7,
  'accessibility.spec.ts': 6,
  'forbidden-characters.spec.ts': 4,
  'start-page.spec.ts': 3,
  'inert-payloads.spec.ts': 3,
  'api-docs.spec.ts': 2,
  'security.spec.ts': 1,
};

const WEIGHT_UNKNOWN = 30;

/** The spec files of the suite (names relative to src/), in a stable order. */
export function specFiles(dir = join(__dirname, '..')): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.spec.ts'))
    .sort();
}

/** The files of each shard: a longest-processing-time-first split (ties by name, so every run splits the same way). */
export function splitSpecFiles(files: string[], count: number, weights: Record<string, number> = WEIGHTS): string[][] {
  const shards = Array.from({ length: count }, () => ({ files: [] as string[], load: 0 }));
  const weight = (file: string) => weights[file] ?? WEIGHT_UNKNOWN;
  const ordered = [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
  for (const file of ordered) {
    const lightest = shards.reduce((best, shard) => (shard.load < best.load ? shard : best));
    lightest.files.push(file);
    lightest.load += weight(file);
  }
  return shards.map((shard) => shard.files.sort());
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `testMatch` of shard `index` of `count`. */
export function shardFiles(index: number, count: number): { testMatch: RegExp[] } {
  const files = splitSpecFiles(specFiles(), count)[index] ?? [];
  return { testMatch: files.map((file) => new RegExp(`[\\\\/]src[\\\\/]${escape(file)}$`)) };
}
