import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantTransactions } from '@wegweiser/api/database';
import { EvaluationReportFormat, EvaluationTemplate } from '@wegweiser/shared/contracts';
import { EvaluationReportJobRow, REPORT_JOB_COLUMNS } from './evaluation-report.mapping';

/** Who a job belongs to: its municipality (row-level security) and requester (object-level check). */
export interface ReportOwner {
  municipalityId: string;
  userId: string;
}

export interface NewReport {
  template: EvaluationTemplate;
  from: string;
  to: string;
  k: number;
}

export interface ReportFiles {
  pdf: Buffer;
  csv: string;
  json: string;
}

export interface StoredReportFile {
  template: EvaluationTemplate;
  firstCohort: string;
  lastCohort: string;
  content: Buffer;
}

/** Not yet expired (a file past its retention is never served, even before the hourly job deletes it). */
const LIVE = `(expires_at IS NULL OR expires_at > now())`;

const FILE_COLUMN: Record<EvaluationReportFormat, string> = { pdf: 'pdf', csv: `convert_to(csv, 'UTF8')`, json: `convert_to(json, 'UTF8')` };

/**
 * The table `evaluation_report`. Reads run in the request's tenant
 * transaction and only ever see the requester's own live jobs; writes from
 * the request (the new job) and from the worker (progress, state, files) are
 * committed at once in short side transactions, so that other transactions
 * see the progress while the report is still being built.
 */
@Injectable()
export class EvaluationReportStore {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly transactions: TenantTransactions,
  ) {}

  async create(owner: ReportOwner, report: NewReport): Promise<EvaluationReportJobRow> {
    const rows = (await this.side(
      owner,
      `INSERT INTO evaluation_report (municipality_id, requested_by, template, period_from, period_to, k) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${REPORT_JOB_COLUMNS}`,
      [owner.municipalityId, owner.userId, report.template, report.from, report.to, report.k],
    )) as EvaluationReportJobRow[];
    const row = rows[0];
    if (!row) throw new Error('evaluation_report not created');
    return row;
  }

  /** The requester's live jobs, newest first. */
  list(userId: string, limit = 100): Promise<EvaluationReportJobRow[]> {
    return this.txHost.tx.query(
      `SELECT ${REPORT_JOB_COLUMNS} FROM evaluation_report WHERE requested_by = $1 AND ${LIVE} ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
  }

  async find(userId: string, id: string): Promise<EvaluationReportJobRow | undefined> {
    const rows: EvaluationReportJobRow[] = await this.txHost.tx.query(
      `SELECT ${REPORT_JOB_COLUMNS} FROM evaluation_report WHERE id = $1 AND requested_by = $2 AND ${LIVE}`,
      [id, userId],
    );
    return rows[0];
  }

  /** One file of the requester's finished, live report. */
  async file(userId: string, id: string, format: EvaluationReportFormat): Promise<StoredReportFile | undefined> {
    const rows: { template: EvaluationTemplate; first_cohort: string; last_cohort: string; content: Buffer }[] = await this.txHost.tx.query(
      `SELECT template, json::jsonb #>> '{period,firstCohort}' AS first_cohort, json::jsonb #>> '{period,lastCohort}' AS last_cohort, ${FILE_COLUMN[format]} AS content
         FROM evaluation_report WHERE id = $1 AND requested_by = $2 AND state = 'done' AND ${LIVE}`,
      [id, userId],
    );
    const row = rows[0];
    return row && { template: row.template, firstCohort: row.first_cohort, lastCohort: row.last_cohort, content: row.content };
  }

  /** Marks a queued (or interrupted) job running; `undefined` if it is finished, expired or gone. */
  async start(owner: ReportOwner, id: string): Promise<EvaluationReportJobRow | undefined> {
    // UPDATE … RETURNING answers [rows, count].
    const [rows] = (await this.side(
      owner,
      `UPDATE evaluation_report SET state = 'running', progress = 0, started_at = now()
        WHERE id = $1 AND requested_by = $2 AND state IN ('queued', 'running') RETURNING ${REPORT_JOB_COLUMNS}`,
      [id, owner.userId],
    )) as [EvaluationReportJobRow[], number];
    return rows[0];
  }

  async progress(owner: ReportOwner, id: string, progress: number): Promise<void> {
    await this.side(owner, `UPDATE evaluation_report SET progress = $2 WHERE id = $1 AND state = 'running' AND progress < $2`, [id, progress]);
  }

  async complete(owner: ReportOwner, id: string, files: ReportFiles, retentionDays: number): Promise<void> {
    await this.side(
      owner,
      `UPDATE evaluation_report
          SET state = 'done', progress = 100, finished_at = now(), expires_at = now() + make_interval(days => $5), pdf = $2, csv = $3, json = $4
        WHERE id = $1 AND state = 'running'`,
      [id, files.pdf, files.csv, files.json, retentionDays],
    );
  }

  async fail(owner: ReportOwner, id: string, errorCode: string, retentionDays: number): Promise<void> {
    await this.side(
      owner,
      `UPDATE evaluation_report SET state = 'failed', error_code = $2, finished_at = now(), expires_at = now() + make_interval(days => $3)
        WHERE id = $1 AND state IN ('queued', 'running')`,
      [id, errorCode, retentionDays],
    );
  }

  /** One statement in its own committed transaction of the owner's municipality (row-level security). */
  private side(owner: ReportOwner, sql: string, params: unknown[]): Promise<unknown> {
    return this.transactions.run(owner.municipalityId, owner.userId, (manager) => manager.query(sql, params));
  }
}
