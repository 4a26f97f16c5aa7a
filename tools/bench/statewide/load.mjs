// Load from the benchmark's process (the API runs in another), each request built by `next()` (path, method, headers,
// body); latencies are collected per response for exact percentiles.
// - runLoad: saturation, `connections` in a closed loop without think time (autocannon): the throughput ceiling.
// - runUsers: people at work, with think time between their requests.
// - runSequential: heavy requests one after another, without a timeout.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';

/** The value at quantile `q` (nearest rank) of ascending `sorted`. */
export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** One run's figures: every runner answers in this shape. */
function summarise({ latencies, connections, thinkMs = null, seconds, errors, statuses, sent }) {
  latencies.sort((a, b) => a - b);
  return {
    connections,
    thinkMs,
    seconds,
    requests: latencies.length,
    /** Requests in all, ramp-up included (the base of the per-request database figures). */
    sent: sent ?? latencies.length,
    throughput: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? NaN,
    errors,
    statuses,
  };
}

/** Counts one answer into `statuses`; true when it is an error. */
function count(statuses, statusCode) {
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  return statusCode >= 400;
}

export async function runLoad({ url, connections, seconds, next }) {
  const latencies = [];
  let errors = 0;
  const statuses = {};
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (count(statuses, statusCode)) errors++;
  });
  const result = await instance;
  return summarise({ latencies, connections, seconds, errors: errors + result.errors + result.timeouts, statuses });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `users` people at work: each sends a request built by `next()`, waits for the answer, then thinks for a random
 * time (exponential, mean `thinkMs`) before the next one — k6-style virtual users. They start spread over one mean
 * think time (not in lockstep); what is measured are the requests sent in the `seconds` after that ramp-up.
 * One keep-alive connection per user.
 */
export async function runUsers({ url, users, seconds, thinkMs, next }) {
  const agent = new Agent({ connections: users, pipelining: 1, keepAliveTimeout: 60_000 });
  const from = performance.now() + thinkMs;
  const until = from + seconds * 1000;
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let sent = 0;
  const pause = (ms) => sleep(Math.max(0, Math.min(ms, until - performance.now())));
  const user = async () => {
    await pause(Math.random() * thinkMs);
    while (performance.now() < until) {
      const r = next();
      const started = performance.now();
      const counted = started >= from;
      sent++;
      try {
        const response = await request(`${url}${r.path}`, { method: r.method, headers: r.headers, body: r.body, dispatcher: agent, headersTimeout: 30_000, bodyTimeout: 30_000 });
        await response.body.dump();
        if (counted) {
          latencies.push(performance.now() - started);
          if (count(statuses, response.statusCode)) errors++;
        }
      } catch {
        if (counted) errors++;
      }
      await pause(-Math.log(1 - Math.random()) * thinkMs);
    }
  };
  await Promise.all(Array.from({ length: users }, user));
  await agent.close();
  return summarise({ latencies, connections: users, thinkMs, seconds, errors, statuses, sent });
}

/** `requests` requests one after another, each waited for however long it takes (the metrics preview). */
export async function runSequential({ url, requests, next }) {
  const latencies = [];
  const statuses = {};
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const r = next();
    const t0 = performance.now();
    const response = await fetch(`${url}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (count(statuses, response.status)) errors++;
  }
  return summarise({ latencies, connections: 1, seconds: (performance.now() - started) / 1000, errors, statuses });
}
