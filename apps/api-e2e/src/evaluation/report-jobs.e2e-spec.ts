import { loadConfig } from '@wegweiser/api/core';
import { prepareDatabase } from '@wegweiser/api/database';
import { DisclosureRiskError, EvaluationReportRetention, EvaluationReportService, purgeExpiredEvaluationReports } from '@wegweiser/api/evaluation';
import { ClsService } from 'nestjs-cls';
import { CSRF_HEADER, EvaluationReportJobResponse, EvaluationReportListResponse, EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { E2E_FIELD_KEYS } from '../support/field-keys';
import { adminQuery, ownerSeparatedDatabase } from '../support/test-database';
import { auditRows, createReportFixture, DATASET_REQUEST, download, finishedReport, ReportFixture, requestReport, waitForReport } from './report-fixture';

/**
 * Issue 7, "Long work in the background": a report runs as a pg-boss job,
 * its progress is visible through the API while it runs, the requester (only)
 * downloads it when done, finished reports expire, every export is audited.
 */
describe('evaluation report jobs', () => {
  let f: ReportFixture;
  const count = async () => Number((await f.sql<{ n: string }>('SELECT count(*) AS n FROM evaluation_report'))[0]?.n);

  beforeAll(async () => {
    f = await createReportFixture({ EVALUATION_REPORT_RETENTION_DAYS: '7' });
  });

  afterAll(async () => {
    await f?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  it('queues (202), shows committed progress through the API while the build runs, and ends done at 100 with all three files', async () => {
    // While the report is being built (inside the worker's transaction), another request reads the job's progress.
    // (That request is made outside the worker's async context, as a browser's would be: in-process, it would
    // otherwise inherit the worker's request context and join its transaction.)
    const service = f.api.app.get(EvaluationReportService);
    const cls = f.api.app.get(ClsService);
    const build = service.build.bind(service);
    const whileBuilding: Pick<EvaluationReportJobResponse, 'state' | 'progress'>[] = [];
    jest.spyOn(service, 'build').mockImplementation(async (request, onProgress) =>
      build(request, async (fraction) => {
        await onProgress?.(fraction);
        const list = await cls.exit(
          () =>
            new Promise<EvaluationReportListResponse>((resolve, reject) =>
              f.asEvaluator.agent.get('/api/evaluation/reports').end((error, response) => (error ? reject(error) : resolve(response.body))),
            ),
        );
        const job = list.items[0];
        if (job) whileBuilding.push({ state: job.state, progress: job.progress });
      }),
    );

    const before = new Date();
    const response = await requestReport(f.asEvaluator, DATASET_REQUEST).expect(202);
    const queued = response.body as EvaluationReportJobResponse;
    expect(queued).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      template: 'annualCouncil',
      from: '2024-01-01',
      to: '2024-12-31',
      // The municipality's k (its policy, default 5): the request has none.
      k: 5,
      state: 'queued',
      progress: 0,
      createdAt: expect.any(String),
      finishedAt: null,
      expiresAt: null,
      formats: [],
    });

    const { seen, job } = await waitForReport(f.asEvaluator, queued.id);
    expect(whileBuilding.length).toBeGreaterThan(0);
    for (const step of whileBuilding) expect(step).toEqual({ state: 'running', progress: expect.any(Number) });
    const progress = whileBuilding.map((s) => s.progress);
    expect({ progress, ok: progress.every((p) => p > 0 && p <= 80) }).toEqual({ progress, ok: true });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(80);
    // Polled from outside: progress never goes back and ends at 100 with the job done.
    const polled = seen.map((s) => s.progress);
    expect(polled).toEqual([...polled].sort((a, b) => a - b));
    expect(job).toEqual(expect.objectContaining({ state: 'done', progress: 100, formats: ['pdf', 'csv', 'json'] }));

    // Kept for EVALUATION_REPORT_RETENTION_DAYS (7 here) after it finished.
    const finished = new Date(job.finishedAt ?? '');
    expect(finished.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    expect(new Date(job.expiresAt ?? '').getTime() - finished.getTime()).toBe(7 * 86_400_000);
  });

  it('serves each format as an attachment named by template and cohorts, never cached; every download is audited', async () => {
    const job = await finishedReport(f.asEvaluator, DATASET_REQUEST);
    const expected = {
      pdf: ['application/pdf', /^%PDF-/],
      // A byte order mark first (spreadsheet programs then read UTF-8), then the rows (semicolons, as German Excel expects).
      csv: ['text/csv; charset=utf-8', /^\ufeff[^]*;/],
      json: ['application/json; charset=utf-8', /^\{/],
    } as const;
    for (const format of ['pdf', 'csv', 'json'] as const) {
      const response = await download(f.asEvaluator, job.id, format).expect(200);
      expect(response.headers['content-type']).toBe(expected[format][0]);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="evaluationsbericht-jahresbericht-2024.${format}"`);
      expect(response.headers['cache-control']).toBe('no-store');
      expect((response.body as Buffer).toString(format === 'pdf' ? 'latin1' : 'utf8')).toMatch(expected[format][1]);
    }
    const json = JSON.parse((await download(f.asEvaluator, job.id, 'json')).body.toString('utf8')) as EvaluationReportResponse;
    expect(json).toEqual(expect.objectContaining({ template: 'annualCouncil', k: 5, period: expect.objectContaining({ firstCohort: '2024-Q1', lastCohort: '2024-Q4' }) }));

    const audited = await auditRows(f, `entity_type = 'evaluation_report' AND entity_id = $1`, [job.id]);
    expect(audited).toEqual([
      expect.objectContaining({ action: 'export', outcome: 'success', user_id: f.evaluatorId, client_id: null }),
      ...Array.from({ length: 4 }, () => expect.objectContaining({ action: 'export', outcome: 'success', user_id: f.evaluatorId, client_id: null })),
    ]);
  });

  it('lists the own reports newest first; another evaluator sees none of them and gets 404 on job and file (audited as denied)', async () => {
    const own = (await f.asEvaluator.agent.get('/api/evaluation/reports').expect(200)).body as EvaluationReportListResponse;
    expect(own.items.length).toBeGreaterThanOrEqual(2);
    const created = own.items.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    const other = (await f.asEvaluator2.agent.get('/api/evaluation/reports').expect(200)).body as EvaluationReportListResponse;
    expect(other.items).toEqual([]);
    const id = own.items[0]?.id ?? '';
    const job = await f.asEvaluator2.agent.get(`/api/evaluation/reports/${id}`).expect(404);
    expect(job.body.code).toBe('notFound');
    await download(f.asEvaluator2, id, 'pdf').expect(404);
    const denied = await auditRows(f, `entity_id = $1 AND outcome = 'denied'`, [id]);
    expect(denied.map((r) => r.action)).toEqual(['read', 'export']);
    expect(denied.every((r) => r.user_id !== f.evaluatorId)).toBe(true);
  });

  it('refuses a manager (403) on every evaluation route', async () => {
    const { agent, csrf } = f.asManager;
    expect((await agent.post('/api/evaluation/preview').set(CSRF_HEADER, csrf).send(DATASET_REQUEST)).status).toBe(403);
    expect((await agent.post('/api/evaluation/reports').set(CSRF_HEADER, csrf).send(DATASET_REQUEST)).status).toBe(403);
    expect((await agent.get('/api/evaluation/reports')).status).toBe(403);
  });

  it.each([
    ['an unknown template', { ...DATASET_REQUEST, template: 'everything' }, 'template'],
    ['a date that does not exist', { ...DATASET_REQUEST, from: '2024-02-30' }, 'from'],
    ['a date with a time', { ...DATASET_REQUEST, to: '2024-12-31T00:00:00Z' }, 'to'],
    ['the end before the start', { ...DATASET_REQUEST, from: '2025-01-01' }, 'to'],
    ['a period off the grid (half a year)', { ...DATASET_REQUEST, to: '2024-06-30' }, 'to'],
    ['a start off the grid', { ...DATASET_REQUEST, from: '2024-01-15' }, 'from'],
    // k is the municipality's policy: sending one is an unknown property, whatever its value.
    ['k below 5', { ...DATASET_REQUEST, k: 2 }, 'k'],
    ['k = 5', { ...DATASET_REQUEST, k: 5 }, 'k'],
    ['k above 100', { ...DATASET_REQUEST, k: 101 }, 'k'],
    ['k null', { ...DATASET_REQUEST, k: null }, 'k'],
    ['an unknown field', { ...DATASET_REQUEST, breakdown: 'team' }, 'breakdown'],
  ])('refuses %s with 400 and stores nothing', async (_name, body, field) => {
    const before = await count();
    for (const path of ['/api/evaluation/reports', '/api/evaluation/preview']) {
      const response = await f.asEvaluator.agent.post(path).set(CSRF_HEADER, f.asEvaluator.csrf).send(body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(expect.objectContaining({ code: 'validationFailed', errors: expect.objectContaining({ [field]: expect.any(String) }) }));
    }
    expect(await count()).toBe(before);
  });

  it('refuses a file of an unfinished or unknown report and a bad format', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await download(f.asEvaluator, id, 'csv').expect(404);
    await f.asEvaluator.agent.get(`/api/evaluation/reports/${id}/file?format=docx`).expect(400);
    await f.asEvaluator.agent.get('/api/evaluation/reports/not-a-uuid').expect(400);
  });

  it('marks a report that cannot be built as failed with a stable code (no files)', async () => {
    jest.spyOn(f.api.app.get(EvaluationReportService), 'build').mockRejectedValueOnce(new DisclosureRiskError(['a cell']));
    const queued = (await requestReport(f.asEvaluator, DATASET_REQUEST).expect(202)).body as EvaluationReportJobResponse;
    const { job } = await waitForReport(f.asEvaluator, queued.id);
    expect(job).toEqual(expect.objectContaining({ state: 'failed', formats: [], finishedAt: expect.any(String) }));
    const [row] = await f.sql<{ error_code: string; pdf: Buffer | null }>('SELECT error_code, pdf FROM evaluation_report WHERE id = $1', [job.id]);
    expect(row).toEqual({ error_code: 'disclosureRisk', pdf: null });
    await download(f.asEvaluator, job.id, 'json').expect(404);
  });

  it('never serves an expired report (404), and the retention job deletes it while keeping live ones', async () => {
    const expired = await finishedReport(f.asEvaluator, DATASET_REQUEST);
    const live = await finishedReport(f.asEvaluator, DATASET_REQUEST);
    await f.sql(`UPDATE evaluation_report SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);

    await f.asEvaluator.agent.get(`/api/evaluation/reports/${expired.id}`).expect(404);
    await download(f.asEvaluator, expired.id, 'pdf').expect(404);
    const listed = (await f.asEvaluator.agent.get('/api/evaluation/reports').expect(200)).body as EvaluationReportListResponse;
    expect(listed.items.map((i) => i.id)).not.toContain(expired.id);

    const deleted = await f.api.app.get(EvaluationReportRetention).purgeExpired();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await f.sql('SELECT 1 FROM evaluation_report WHERE id = $1', [expired.id])).toEqual([]);
    expect(await f.sql('SELECT 1 FROM evaluation_report WHERE id = $1', [live.id])).toHaveLength(1);
    await download(f.asEvaluator, live.id, 'pdf').expect(200);
  });

  it('registers the hourly retention schedule; the application role may not delete reports', async () => {
    const schedules = await f.sql<{ name: string; cron: string; timezone: string }>(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'evaluation-report-retention'`);
    expect(schedules).toEqual([{ name: 'evaluation-report-retention', cron: '17 * * * *', timezone: 'Europe/Berlin' }]);
    const [grants] = await f.sql<Record<string, boolean>>(
      `SELECT has_table_privilege($1, 'evaluation_report', 'SELECT') AS read, has_table_privilege($1, 'evaluation_report', 'UPDATE') AS change,
              has_table_privilege($1, 'evaluation_report', 'DELETE') AS remove`,
      [f.db.appRole],
    );
    expect(grants).toEqual({ read: true, change: true, remove: false });
  });
});

/**
 * Production-like roles (the owner is not a superuser, so FORCE ROW LEVEL
 * SECURITY applies to it): the retention job, running as the owner, sees and
 * deletes expired reports of every municipality and nothing else.
 */
describe('evaluation report retention with an owner that is not a superuser', () => {
  const db = ownerSeparatedDatabase();

  beforeAll(async () => {
    await db.create();
    const config = loadConfig({ DATABASE_URL: db.ownerUrl, DATABASE_APP_URL: db.appUrl, DEMO_DATA: 'false', SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters', ...E2E_FIELD_KEYS });
    await prepareDatabase(config, { log: () => undefined, warn: () => undefined, debug: () => undefined });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('deletes the expired reports of every municipality, keeps live ones, and shows the owner nothing else', async () => {
    const su = <T extends object = Record<string, unknown>>(query: string, params: unknown[] = []) => adminQuery<T>(query, params, db.superuserUrl);
    const report = async (code: string, expires: string) => {
      const [m] = await su<{ id: string }>(
        `INSERT INTO municipality (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id`,
        [code, `Stadt ${code}`],
      );
      const [u] = await su<{ id: string }>(
        `INSERT INTO app_user (municipality_id, email, first_name, last_name, role, password_hash) VALUES ($1, $2, 'A', 'B', 'evaluator', 'x') RETURNING id`,
        [m?.id, `${code.toLowerCase()}.${expires.replace(/\W/g, '')}@x.example`],
      );
      const [row] = await su<{ id: string }>(
        `INSERT INTO evaluation_report (municipality_id, requested_by, template, period_from, period_to, k, state, error_code, finished_at, expires_at)
         VALUES ($1, $2, 'annualCouncil', '2024-01-01', '2024-12-31', 5, 'failed', 'internalError', now(), now() + $3::interval) RETURNING id`,
        [m?.id, u?.id, expires],
      );
      return row?.id ?? '';
    };
    const expiredA = await report('AA', '-1 hour');
    const expiredB = await report('BB', '-1 minute');
    const liveA = await report('AA', '1 day');
    expect(await adminQuery('SELECT id FROM evaluation_report ORDER BY id', [], db.ownerUrl)).toEqual(expect.arrayContaining([{ id: expiredA }, { id: expiredB }]));
    expect(await adminQuery('SELECT id FROM evaluation_report WHERE id = $1', [liveA], db.ownerUrl)).toEqual([]);

    expect(await purgeExpiredEvaluationReports(db.ownerUrl)).toBe(2);
    expect((await su<{ id: string }>('SELECT id FROM evaluation_report')).map((r) => r.id)).toEqual([liveA]);
    // The owner cannot delete a live report either, and the application role sees nothing without a tenant.
    await adminQuery('DELETE FROM evaluation_report', [], db.ownerUrl);
    expect(await su('SELECT id FROM evaluation_report')).toHaveLength(1);
    expect(await adminQuery('SELECT id FROM evaluation_report', [], db.appUrl)).toEqual([]);
  });
});
