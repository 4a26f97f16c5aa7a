import { Latency } from './measure';

/** One line of the table: what was measured, on which data, against which goal (p95 below `goalMs`). */
export interface BenchResult {
  scenario: string;
  data: string;
  latency: Latency;
  goalMs: number;
}

export const meetsGoal = (result: BenchResult) => result.latency.p95 < result.goalMs;

const ms = (value: number) => value.toFixed(1);

/** A fixed-width table, one row per result. */
export function formatTable(results: BenchResult[]): string {
  const header = ['scenario', 'data', 'requests', 'p50 ms', 'p95 ms', 'max ms', 'goal (p95)', 'result'];
  const rows = results.map((r) => [r.scenario, r.data, String(r.latency.requests), ms(r.latency.p50), ms(r.latency.p95), ms(r.latency.max), `< ${r.goalMs} ms`, meetsGoal(r) ? 'met' : 'MISSED']);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
