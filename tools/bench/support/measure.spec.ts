import { benchSettings, quantile, summarise } from './measure';
import { formatTable } from './report';

describe('bench measurement', () => {
  it('takes nearest-rank quantiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(samples, 0.5)).toBe(50);
    expect(quantile(samples, 0.95)).toBe(95);
    expect(summarise([3, 1, 2])).toEqual({ requests: 3, p50: 2, p95: 3, max: 3, mean: 2 });
  });

  it('reads the request counts from the environment', () => {
    expect(benchSettings({})).toEqual({ warmUp: 10, requests: 50 });
    expect(benchSettings({ BENCH_REQUESTS: '200', BENCH_WARM_UP: 'x' })).toEqual({ warmUp: 10, requests: 200 });
  });

  it('marks a missed goal in the table', () => {
    const latency = { requests: 50, p50: 80, p95: 120, max: 130, mean: 85 };
    expect(formatTable([{ scenario: 'slow', data: 'x', latency, goalMs: 100 }])).toContain('MISSED');
    expect(formatTable([{ scenario: 'fast', data: 'x', latency: { ...latency, p95: 99 }, goalMs: 100 }])).toMatch(/fast.*met$/m);
  });
});
