// A closed-loop load of `connections` concurrent users for `seconds`, each request built by `next()` (path, method,
// headers, body). Without `rate` every user sends its next request as soon as the previous one was answered
// (saturation: the throughput ceiling); with `rate` each user sends at most `rate` requests per second, waiting
// between them like a person at work (k6-style users with think time). autocannon drives it from this process (the
// API runs in another); latencies are collected per response for exact percentiles.
import autocannon from 'autocannon';

/** The value at quantile `q` (nearest rank) of ascending `sorted`. */
export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export async function runLoad({ url, connections, seconds, next, rate }) {
  const latencies = [];
  let errors = 0;
  const statuses = {};
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    ...(rate ? { connectionRate: rate } : {}),
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 400) errors++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    connections,
    rate: rate ?? null,
    seconds,
    requests,
    throughput: requests / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? NaN,
    errors: errors + result.errors + result.timeouts,
    statuses,
  };
}
