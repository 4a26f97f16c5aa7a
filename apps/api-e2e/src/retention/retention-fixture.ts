import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PasswordHasher } from '@wegweiser/api/auth';
import { CSRF_HEADER, EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { DATASET_REQUEST, ReportFixture } from '../evaluation/report-fixture';
import { completeTotpEnrolment } from '../support/second-factor';
import { DEMO_PASSWORD_FOR_TESTS, signIn, SignedInAgent } from '../support/sessions';

const run = promisify(execFile);

/** A client seeded with marker names (Latin and Arabic script) in every kind of personal data, as the owner. */
export interface CanaryClient {
  id: string;
  caseNumber: string;
  latin: string;
  arabic: string;
}

export interface CanaryOptions {
  key: string;
  latin: string;
  arabic: string;
  start: string;
  closedOn: string | null;
}

/** Inserts the client, its search data and history, a goal, a consent and work experience, all naming the canary. */
export async function insertCanary(f: ReportFixture, o: CanaryOptions): Promise<CanaryClient> {
  const caseNumber = `RT-${o.key}`;
  const [client] = await f.sql<{ id: string }>(
    `INSERT INTO client (municipality_id, team_id, case_number, first_name, last_name, first_name_original, last_name_original, date_of_birth, gender,
                         country_of_origin, support_start, support_window_end, support_state, closed_on, closure_reason, address, email, phone,
                         search_text, sort_key, responsible_manager_id)
     VALUES ($1, $2, $3, $4, 'Familie ' || $4, $5, $5, '1991-04-12', 'female', 'SY', $6, ($6::date + interval '36 months')::date,
             CASE WHEN $7::date IS NULL THEN 'active' ELSE 'closed' END, $7, CASE WHEN $7::date IS NULL THEN NULL ELSE 'moved_away' END,
             'Lindenweg 7, ' || $4, lower($4) || '@example.org', '+49 170 1234567', lower($4) || ' ' || $5, lower($4), $8)
     RETURNING id`,
    [f.municipalityId, f.teamId, caseNumber, o.latin, o.arabic, o.start, o.closedOn, f.managerId],
  );
  if (!client) throw new Error('canary not created');
  const m = f.municipalityId;
  await f.sql(`INSERT INTO support_event (municipality_id, client_id, from_state, to_state, on_date) VALUES ($1, $2, NULL, 'active', $3)`, [m, client.id, o.start]);
  await f.sql(
    `INSERT INTO goal (municipality_id, client_id, field_of_action, target, due_on, state, state_changed_on) VALUES ($1, $2, 'work', 'Praktikum für ' || $3, '2025-06-30', 'open', $4)`,
    [m, client.id, o.latin, o.start],
  );
  await f.sql(
    `INSERT INTO consent (municipality_id, client_id, purpose, recipient_kind, data_categories, given_on, recorded_as) VALUES ($1, $2, 'Austausch zu ' || $3, 'evaluation', '{personal}', $4, 'signed_paper')`,
    [m, client.id, o.arabic, o.start],
  );
  await f.sql(`INSERT INTO work_experience (municipality_id, client_id, occupation, years) VALUES ($1, $2, 'Schneiderei ' || $3, 4)`, [m, client.id, o.latin]);
  return { id: client.id, caseNumber, latin: o.latin, arabic: o.arabic };
}

/** How many rows of any table (every schema but the catalogues; every column, as the row's text) contain `needle`, by table. */
export async function occurrences(f: ReportFixture, needle: string): Promise<Record<string, number>> {
  const tables = await f.sql<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const found: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.schema}"."${t.name}" AS t WHERE t::text ILIKE '%' || $1 || '%'`, [needle]);
    if (row && row.n > 0) found[`${t.schema}.${t.name}`] = row.n;
  }
  return found;
}

/** Row counts of every table of the application's schema. */
export async function rowCounts(f: ReportFixture): Promise<Record<string, number>> {
  const tables = await f.sql<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema = 'public' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t.name] = (await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.name}"`))[0]?.n ?? -1;
  return counts;
}

/** The whole test database as `pg_dump --data-only` writes it (as superuser: every row, past row-level security). */
export async function dumpData(f: ReportFixture): Promise<string> {
  const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', f.db.ownerUrl], { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** The evaluation preview of the dataset's cohorts, as the exact response text. */
export async function previewText(f: ReportFixture): Promise<string> {
  const response = await f.asEvaluator.agent.post('/api/evaluation/preview').set(CSRF_HEADER, f.asEvaluator.csrf).send(DATASET_REQUEST);
  if (response.status !== 200) throw new Error(`preview failed: ${response.status}`);
  return withoutCurrentCaseload(response.text);
}

/**
 * The preview without its one current-state figure: open cases per manager today (table `caseload.average`, key
 * figure `averageCaseload`). Every cohort figure must survive an erasure unchanged; an erased open case is no longer
 * open, so today's caseload rightly changes.
 */
function withoutCurrentCaseload(text: string): string {
  const report = JSON.parse(text) as EvaluationReportResponse;
  const tables = report.sections.flatMap((s) => s.tables).map((t) => t.id);
  const figures = report.keyFigures.map((k) => k.id);
  if (!tables.includes('caseload.average') || !figures.includes('averageCaseload')) throw new Error('caseload figure missing');
  return JSON.stringify({
    ...report,
    keyFigures: report.keyFigures.filter((k) => k.id !== 'averageCaseload'),
    sections: report.sections.map((s) => ({ ...s, tables: s.tables.filter((t) => t.id !== 'caseload.average') })),
  });
}

/** A team lead of the dataset's team and an administrator (TOTP enrolled) of its municipality. */
export async function retentionActors(f: ReportFixture): Promise<{ teamLead: SignedInAgent; teamLeadId: string; admin: SignedInAgent; adminId: string }> {
  const hash = await new PasswordHasher().hash(DEMO_PASSWORD_FOR_TESTS);
  const user = async (email: string, role: string, team: string | null) => {
    const [row] = await f.sql<{ id: string }>(
      `INSERT INTO app_user (municipality_id, team_id, email, first_name, last_name, role, password_hash) VALUES ($1, $2, $3, 'Test', 'Konto', $4, $5) RETURNING id`,
      [f.municipalityId, team, email, role, hash],
    );
    if (!row) throw new Error('user not created');
    return row.id;
  };
  const teamLeadId = await user('lea.leitung@eval.example', 'team_lead', f.teamId);
  const adminId = await user('adam.admin@eval.example', 'admin', null);
  const server = f.api.app.getHttpServer();
  return {
    teamLead: await signIn(server, 'lea.leitung@eval.example'),
    teamLeadId,
    admin: await completeTotpEnrolment(await signIn(server, 'adam.admin@eval.example')),
    adminId,
  };
}
