// The Markdown summary of a statewide run: targets of issues 9 and 20 against what was measured, with the previous
// run beside.

/**
 * Targets: p95 at 300 users (ms) and, for hot reads, the share of the one-query route's throughput (issue 20: the
 * floor any database-backed endpoint pays; the bare route's share is shown beside it).
 */
export const TARGETS = {
  caseload: { p95: 50, ratio: 0.5 },
  clientFile: { p95: 50, ratio: 0.5 },
  search: { p95: 50, ratio: 0.5 },
  timeline: { ratio: 0.5 },
  recordConversation: { p95: 100 },
  teamDashboard: { p95: 100 },
  metrics: { p95: 1000 },
};
export const PDF_SECONDS = 5;
export const INITIAL_JS_GZIP_BYTES = 200_000;
export const NPM_START_SECONDS = 20;

const n = (value, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const verdict = (ok) => (ok ? 'met' : '**missed**');

/**
 * [label, met] per target of one result: latency targets on the 300-user rows (and on the one-at-a-time metrics
 * row), the throughput ratio on the saturation rows; null where the row has no target.
 */
export function judge(result) {
  const target = TARGETS[result.scenario];
  if (!target) return null;
  const checks = [];
  const latencyRow = result.scenario === 'metrics' || (result.thinkMs !== null && result.connections === 300);
  if (target.p95 !== undefined && latencyRow) checks.push([`p95 ≤ ${target.p95} ms, 0 errors`, result.p95 <= target.p95 && result.errors === 0]);
  const ratio = result.ratioToOneQuery ?? null;
  if (target.ratio !== undefined && ratio !== null) checks.push([`≥ ${target.ratio} × one-query`, ratio >= target.ratio]);
  return checks.length ? checks : null;
}

const mode = (r) => (r.thinkMs === null ? `saturation, ${r.connections} conn.` : `${r.connections} users, think ${r.thinkMs / 1000} s`);

export function toMarkdown(summary, previous) {
  const d = summary.dataset;
  const before = (r) => previous?.results?.find((p) => p.scenario === r.scenario && p.connections === r.connections && p.thinkMs === r.thinkMs);
  const lines = [
    `# Statewide benchmark — ${summary.date.slice(0, 10)}`,
    '',
    `Scale ${summary.scale} · ${summary.machine.cores} cores, ${summary.machine.memoryGiB} GiB, Node ${summary.machine.node} · ${summary.secondsPerRun} s per load run (closed loop).`,
    '',
    `Dataset: ${n(d.municipalities)} municipalities, ${n(d.teams)} teams, ${n(d.managers)} managers, ${n(d.clients)} clients, ${n(d.conversations)} conversations, ${n(d.goals)} goals, ${n(d.steps)} steps; database ${n(d.databaseMiB / 1024, 1)} GiB. ` +
      `Seeded in ${n(d.seeding.seconds)} s${d.seeding.reused ? ` (on ${d.seeding.at.slice(0, 10)}, reused)` : ''}. Signed in: ${d.signedIn.managers} managers, ${d.signedIn.teamLeads} team leads, one evaluator.`,
    '',
    `Ceiling (bare NestJS route, same machine and process settings, saturation with ${summary.ceiling.connections} connections): ${n(summary.ceiling.throughput)} req/s, p95 ${n(summary.ceiling.p95, 1)} ms.`,
    ...(summary.oneQueryCeiling
      ? [
          '',
          `One-query ceiling (the same process: one primary-key SELECT in a transaction with the tenant setting, through a \`pg\` pool of the API's size, as the application role): ${n(summary.oneQueryCeiling.throughput)} req/s, p95 ${n(summary.oneQueryCeiling.p95, 1)} ms, ${summary.oneQueryCeiling.errors} errors.`,
        ]
      : []),
    '',
    `Rows "N users, think t": N concurrent users, each waiting a random think time (exponential, mean t) after every answer before the next request; rows "saturation": a closed loop without think time, the endpoint's throughput ceiling (compared with the bare route's and the one-query route's).`,
    '',
    '| scenario | load | req/s | × bare | × 1-query | p50 ms | p95 ms | p99 ms | errors | SQL/req | PG ms/req | API RSS MiB | target | previous p95 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const r of summary.results) {
    const checks = judge(r);
    const target = checks ? checks.map(([label, ok]) => `${label}: ${verdict(ok)}`).join('; ') : '';
    lines.push(
      `| ${r.scenario} | ${mode(r)} | ${n(r.throughput)} | ${r.ratioToBare === null ? '–' : n(r.ratioToBare, 2)} | ${(r.ratioToOneQuery ?? null) === null ? '–' : n(r.ratioToOneQuery, 2)} | ${n(r.p50, 1)} | ${n(r.p95, 1)} | ${n(r.p99, 1)} | ${r.errors} | ${n(r.statementsPerRequest, 1)} | ${n(r.pgMsPerRequest, 2)} | ${n(r.rssMiB)} | ${target} | ${before(r) ? n(before(r).p95, 1) : '–'} |`,
    );
  }
  const pdf = summary.evaluationPdf;
  const js = summary.initialJs;
  lines.push(
    '',
    `Daily mix (rows "dailyMix"): ${summary.mix.map(([name, weight]) => `${name} ${weight} %`).join(', ')}.`,
    '',
    '| measure | value | target |',
    '|---|---:|---|',
    `| evaluation PDF (job start → file ready), ${pdf.municipality}: ${n(pdf.clients)} clients | ${n(pdf.seconds, 1)} s (${pdf.state}) | ≤ ${PDF_SECONDS} s: ${verdict(pdf.state === 'done' && pdf.seconds <= PDF_SECONDS)} |`,
    ...summary.npmStart.map((t) => `| \`npm start\` to ready, ${t.label} | ${n(t.seconds, 1)} s | ≤ ${NPM_START_SECONDS} s: ${verdict(t.seconds <= NPM_START_SECONDS)} |`),
    `| API start to ready on this dataset (production bundle) | ${n(summary.apiStartSeconds, 1)} s | |`,
    `| initial client JavaScript (${js.files} files, gzip -9) | ${n(js.gzipBytes / 1000, 1)} kB (${n(js.rawBytes / 1000, 1)} kB raw) | ≤ ${INITIAL_JS_GZIP_BYTES / 1000} kB: ${verdict(js.gzipBytes <= INITIAL_JS_GZIP_BYTES)} |`,
    `| seeding | ${n(d.seeding.seconds)} s | |`,
    '',
    `Whole run: ${n(summary.totalSeconds)} s.`,
    '',
    '## Query plans of the hot requests (auto_explain, ANALYZE, BUFFERS)',
    '',
  );
  for (const [name, entry] of Object.entries(summary.plans ?? {})) {
    lines.push(`### ${name}: \`${entry.path}\` → ${entry.status}`, '');
    for (const statement of entry.statements) {
      lines.push(`${n(statement.ms, 3)} ms — \`${statement.query.replace(/`/g, "'").slice(0, 300)}\``, '', '```', statement.plan, '```', '');
    }
  }
  return `${lines.join('\n')}\n`;
}
