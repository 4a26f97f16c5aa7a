import { PasswordHasher } from '@wegweiser/api/auth';
import { CSRF_HEADER, evaluationPeriod, EvaluationReportJobResponse, EvaluationReportRequest } from '@wegweiser/shared/contracts';
import { DEMO_PASSWORD_FOR_TESTS, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { createMunicipality, insertPerson, PEOPLE } from './metrics-dataset';

/** The year 2024 of the fixed dataset (on the period grid): Q1 and Q2 (12 + 10 clients) and x2 in Q3 (metrics-dataset.ts). */
export const DATASET_REQUEST: EvaluationReportRequest = { template: 'annualCouncil', ...evaluationPeriod('year', 2024) };

/**
 * The evaluation API on the fixed dataset of metrics-dataset.ts (municipality
 * EVAL, inserted as the owner), with two evaluators and a manager of EVAL.
 */
export interface ReportFixture {
  db: TestDatabase;
  api: TestApp;
  municipalityId: string;
  teamId: string;
  /** Client ids by dataset key (a1…a12, b1…b10, x1, x2). */
  ids: Record<string, string>;
  evaluatorId: string;
  asEvaluator: SignedInAgent;
  asEvaluator2: SignedInAgent;
  managerId: string;
  asManager: SignedInAgent;
  sql<T extends object = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function createReportFixture(env: Record<string, string> = {}): Promise<ReportFixture> {
  const db = await createTestDatabase();
  const api = await createTestApp(db, [], { LOGIN_RATE_LIMIT_PER_IP: '1000', ...env });
  const sql = <T extends object>(query: string, params: unknown[] = []) => adminQuery<T>(query, params, db.ownerUrl);
  const { municipalityId, teamId } = await createMunicipality(db.ownerUrl, 'EVAL');
  const ids: Record<string, string> = {};
  for (const person of PEOPLE) ids[person.key] = await insertPerson(db.ownerUrl, { municipalityId, teamId }, person);
  const hash = await new PasswordHasher().hash(DEMO_PASSWORD_FOR_TESTS);
  const user = async (email: string, role: string, team: string | null) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO app_user (municipality_id, team_id, email, first_name, last_name, role, password_hash) VALUES ($1, $2, $3, 'Test', 'Konto', $4, $5) RETURNING id`,
      [municipalityId, team, email, role, hash],
    );
    if (!row) throw new Error('user not created');
    return row.id;
  };
  const evaluatorId = await user('eva.auswertung@eval.example', 'evaluator', null);
  await user('ernst.auswertung@eval.example', 'evaluator', null);
  const managerId = await user('mia.manager@eval.example', 'manager', teamId);
  await sql(`UPDATE client SET responsible_manager_id = $1 WHERE team_id = $2`, [managerId, teamId]);
  const server = api.app.getHttpServer();
  return {
    db,
    api,
    municipalityId,
    teamId,
    ids,
    evaluatorId,
    asEvaluator: await signIn(server, 'eva.auswertung@eval.example'),
    asEvaluator2: await signIn(server, 'ernst.auswertung@eval.example'),
    managerId,
    asManager: await signIn(server, 'mia.manager@eval.example'),
    sql,
    close: async () => {
      await api.close();
      await db.drop();
    },
  };
}

/** POST /api/evaluation/reports as `who`. */
export function requestReport(who: SignedInAgent, body: object) {
  return who.agent.post('/api/evaluation/reports').set(CSRF_HEADER, who.csrf).send(body);
}

/** Polls `GET /api/evaluation/reports/:id` until the job is done or failed; returns every state seen. */
export async function waitForReport(who: SignedInAgent, id: string): Promise<{ seen: EvaluationReportJobResponse[]; job: EvaluationReportJobResponse }> {
  const seen: EvaluationReportJobResponse[] = [];
  for (let attempt = 0; attempt < 240; attempt++) {
    const response = await who.agent.get(`/api/evaluation/reports/${id}`).expect(200);
    const job = response.body as EvaluationReportJobResponse;
    seen.push(job);
    if (job.state === 'done' || job.state === 'failed') return { seen, job };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`report ${id} did not finish`);
}

/** Requests a report and waits until it is done; returns the job. */
export async function finishedReport(who: SignedInAgent, body: object): Promise<EvaluationReportJobResponse> {
  const queued = await requestReport(who, body).expect(202);
  const { job } = await waitForReport(who, (queued.body as EvaluationReportJobResponse).id);
  if (job.state !== 'done') throw new Error(`report failed: ${JSON.stringify(job)}`);
  return job;
}

/** Downloads a file of a finished report (raw bytes). */
export function download(who: SignedInAgent, id: string, format: 'pdf' | 'csv' | 'json') {
  return who.agent
    .get(`/api/evaluation/reports/${id}/file?format=${format}`)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

export const auditRows = (f: ReportFixture, where: string, params: unknown[]) =>
  f.sql<{ action: string; outcome: string; entity_type: string; entity_id: string | null; client_id: string | null; user_id: string }>(
    `SELECT action, outcome, entity_type, entity_id, client_id, user_id FROM audit_event WHERE ${where} ORDER BY occurred_at, id`,
    params,
  );
