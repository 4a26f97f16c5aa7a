import { performance } from 'node:perf_hooks';

/** Latencies of one scenario, in milliseconds. */
export interface Latency {
  requests: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** The value at quantile `q` (nearest rank) of ascending `sorted`. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) throw new Error('no samples');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export function summarise(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1] as number,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
  };
}

/** Runs `call` `warmUp` times unmeasured, then `requests` times one after another, timing each. */
export async function measure(call: () => Promise<unknown>, options: { warmUp: number; requests: number }): Promise<Latency> {
  for (let i = 0; i < options.warmUp; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < options.requests; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** Requests per scenario (BENCH_REQUESTS, default 50) and warm-up calls (BENCH_WARM_UP, default 10). */
export function benchSettings(env: NodeJS.ProcessEnv = process.env): { warmUp: number; requests: number } {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return { warmUp: read('BENCH_WARM_UP', 10), requests: read('BENCH_REQUESTS', 50) };
}
