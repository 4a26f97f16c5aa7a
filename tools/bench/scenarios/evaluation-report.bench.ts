import { performance } from 'node:perf_hooks';
import { PasswordHasher } from '@wegweiser/api/auth';
import { calendarToday } from '@wegweiser/api/core';
import { DEMO_PASSWORD, seedDemoData } from '@wegweiser/api/database';
import { CSRF_HEADER, EvaluationReportJobResponse, EvaluationReportRequest } from '@wegweiser/shared/contracts';
import { signIn, SignedInAgent } from '../../../apps/api-e2e/src/support/sessions';
import { createTestApp, TestApp } from '../../../apps/api-e2e/src/support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../../../apps/api-e2e/src/support/test-database';

/**
 * Issue 7, acceptance 7: the evaluation report (PDF, CSV, JSON) over a municipality of 50,000 clients runs as a
 * background job whose progress the API shows while it runs. Timed here, not in a test: the goal is the whole
 * job (queue → done) in under {@link GOAL_SECONDS} s on this 2-core machine.
 */
const GOAL_SECONDS = 120;
const CLIENTS = Number(process.env['BENCH_EVALUATION_CLIENTS'] ?? 50_000);
/** One municipality; 210 clients on record per manager, like the team-dashboard scenario. */
const GENERATOR = { municipalities: 1, managers: Math.ceil(CLIENTS / 210), managersPerTeam: 10, referenceDate: calendarToday() };
/** Every cohort the generator can produce (support starts within 48 months before the reference date). */
const REQUEST: EvaluationReportRequest = { template: 'annualCouncil', from: `${Number(calendarToday().slice(0, 4)) - 4}-01-01`, to: calendarToday(), k: 5 };

describe('bench: evaluation report job', () => {
  let db: TestDatabase;
  let api: TestApp;
  let evaluator: SignedInAgent;
  let seeded: Record<string, number>;
  let seedSeconds: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'false', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    const started = performance.now();
    seeded = await seedDemoData(db.ownerUrl, { clients: CLIENTS, seed: 2026, demoPasswordHash: await new PasswordHasher().hash(DEMO_PASSWORD), fieldKeys: api.database.fieldKeys, generator: GENERATOR });
    seedSeconds = (performance.now() - started) / 1000;
    const [row] = await adminQuery<{ email: string }>(`SELECT email FROM app_user WHERE role = 'evaluator' ORDER BY email LIMIT 1`, [], db.ownerUrl);
    if (!row) throw new Error('no evaluator seeded');
    evaluator = await signIn(api.app.getHttpServer(), row.email);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it(`builds the report over ${CLIENTS.toLocaleString('en')} clients as a background job with visible progress in under ${GOAL_SECONDS} s`, async () => {
    expect(seeded['clients']).toBe(CLIENTS);
    const started = performance.now();
    const queued = await evaluator.agent.post('/api/evaluation/reports').set(CSRF_HEADER, evaluator.csrf).send(REQUEST);
    if (queued.status !== 202) throw new Error(`POST /api/evaluation/reports: ${queued.status}`);
    const id = (queued.body as EvaluationReportJobResponse).id;

    // Poll like the browser does; record every progress value the API shows while the job runs.
    const seen: { seconds: number; state: string; progress: number }[] = [];
    let job: EvaluationReportJobResponse;
    for (;;) {
      const response = await evaluator.agent.get(`/api/evaluation/reports/${id}`);
      if (response.status !== 200) throw new Error(`GET /api/evaluation/reports/:id: ${response.status}`);
      job = response.body as EvaluationReportJobResponse;
      const last = seen[seen.length - 1];
      if (!last || last.state !== job.state || last.progress !== job.progress) seen.push({ seconds: (performance.now() - started) / 1000, state: job.state, progress: job.progress });
      if (job.state === 'done' || job.state === 'failed') break;
      if (performance.now() - started > 10 * GOAL_SECONDS * 1000) throw new Error('report job did not finish');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    const pdf = await evaluator.agent.get(`/api/evaluation/reports/${id}/file?format=pdf`).buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

    const lines = [
      `scenario  evaluation report job (${REQUEST.template}, ${REQUEST.from} – ${REQUEST.to}, k=${REQUEST.k})`,
      `data      ${CLIENTS.toLocaleString('en')} clients (seeded in ${seedSeconds.toFixed(1)} s)`,
      `progress  ${seen.map((s) => `${s.seconds.toFixed(1)}s ${s.state} ${s.progress}%`).join(' → ')}`,
      `result    ${job.state} in ${seconds.toFixed(1)} s (goal < ${GOAL_SECONDS} s): ${seconds < GOAL_SECONDS ? 'met' : 'MISSED'}; PDF ${(pdf.body as Buffer).length.toLocaleString('en')} bytes`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);

    expect(job.state).toBe('done');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Progress was visible through the API between queueing and completion, not only at the end.
    expect(seen.some((s) => s.state === 'running' && s.progress > 0 && s.progress < 100)).toBe(true);
    expect(seconds).toBeLessThan(GOAL_SECONDS);
  });
});
