import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import {
  ERROR_CODES,
  EvaluationReportFormat,
  EvaluationReportJobResponse,
  EvaluationReportListResponse,
  EvaluationReportRequest,
  EvaluationReportResponse,
} from '@wegweiser/shared/contracts';
import { assertPopulation } from '../disclosure';
import { EvaluationPolicyService } from '../policy/evaluation-policy.service';
import { EvaluationReportService } from '../report';
import { toEvaluationHttpError } from './evaluation-report.errors';
import { REPORT_CONTENT_TYPES, reportFileName, toReportJobResponse } from './evaluation-report.mapping';
import { EvaluationReportStore, ReportOwner } from './evaluation-report.store';
import { EvaluationReportWorker } from './evaluation-report.worker';

const ENTITY = 'evaluation_report';
const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such evaluation report.' });

export interface EvaluationReportDownload {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * The evaluation routes: the preview (built in the request), report jobs
 * (checked here, built by the worker), their status and downloads. Every
 * preview, request and download is audited; a request refused by the
 * population rule is audited as `denied`, and so is an attempt on a job that
 * is not the caller's (404).
 */
@Injectable()
export class EvaluationReportsService {
  constructor(
    private readonly reports: EvaluationReportService,
    private readonly store: EvaluationReportStore,
    private readonly worker: EvaluationReportWorker,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly policy: EvaluationPolicyService,
  ) {}

  async preview(request: EvaluationReportRequest): Promise<EvaluationReportResponse> {
    const report = await this.refusing('read', () => this.reports.build(request));
    await this.audit.record({ action: 'read', outcome: 'success', entityType: ENTITY });
    return report;
  }

  /** Checks the population against the municipality's k now (422, nothing stored), then stores and queues the job. */
  async request(request: EvaluationReportRequest): Promise<EvaluationReportJobResponse> {
    const user = this.tenant.requireUser();
    const owner: ReportOwner = { municipalityId: user.municipalityId, userId: user.id };
    const k = await this.policy.k();
    await this.refusing('export', async () => assertPopulation(await this.reports.population(request), k));
    const job = await this.store.create(owner, { template: request.template, from: request.from, to: request.to, k });
    await this.audit.record({ action: 'export', outcome: 'success', entityType: ENTITY, entityId: job.id });
    try {
      await this.worker.enqueue({ reportId: job.id, municipalityId: owner.municipalityId, requestedBy: owner.userId });
    } catch {
      await this.store.fail(owner, job.id, 'queueUnavailable', 1);
      throw new ServiceUnavailableException({ code: 'queueUnavailable', message: 'The report could not be queued. Please try again shortly.' });
    }
    return toReportJobResponse(job);
  }

  async list(): Promise<EvaluationReportListResponse> {
    const rows = await this.store.list(this.tenant.requireUser().id);
    return { items: rows.map(toReportJobResponse) };
  }

  async get(id: string): Promise<EvaluationReportJobResponse> {
    const row = await this.store.find(this.tenant.requireUser().id, id);
    if (!row) {
      await this.audit.record({ action: 'read', outcome: 'denied', entityType: ENTITY, entityId: id });
      throw notFound();
    }
    return toReportJobResponse(row);
  }

  /** A file of the caller's finished, unexpired report; each download is audited. */
  async download(id: string, format: EvaluationReportFormat): Promise<EvaluationReportDownload> {
    const file = await this.store.file(this.tenant.requireUser().id, id, format);
    if (!file) {
      await this.audit.record({ action: 'export', outcome: 'denied', entityType: ENTITY, entityId: id });
      throw notFound();
    }
    await this.audit.record({ action: 'export', outcome: 'success', entityType: ENTITY, entityId: id });
    return { fileName: reportFileName(file.template, file.firstCohort, file.lastCohort, format), contentType: REPORT_CONTENT_TYPES[format], content: file.content };
  }

  /** Runs `work`; a refusal by the disclosure rules is audited (`denied`) and answered with its 4xx. */
  private async refusing<T>(action: 'read' | 'export', work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const refusal = toEvaluationHttpError(error);
      if (!refusal) throw error;
      await this.audit.record({ action, outcome: 'denied', entityType: ENTITY });
      throw refusal;
    }
  }
}
