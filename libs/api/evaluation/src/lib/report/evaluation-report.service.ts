import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  EvaluationReportRequest,
  EvaluationReportResponse,
} from '@wegweiser/shared/contracts';
import { assertPopulation } from '../disclosure';
import { EvaluationMetricsService } from '../metrics/evaluation-metrics.service';
import { EvaluationPolicyService } from '../policy/evaluation-policy.service';
import type { Breakdown } from '../metrics/evaluation-metrics.sql';
import type { EvaluationMetrics } from '../metrics/evaluation-metrics.types';
import { toCohortRange } from '../metrics/metrics-query';
import { MUNICIPALITY_SQL, POPULATION_SQL } from './evaluation-report.sql';
import type { ReportMetrics } from './report-plan';
import { buildEvaluationReport } from './report-tables';
import { reportTemplate } from './report-templates';

/** The current tenant has no municipality row (no tenant set on the transaction). */
export class MunicipalityNotFoundError extends Error {
  constructor() {
    super('No municipality for the current tenant');
    this.name = 'MunicipalityNotFoundError';
  }
}

/**
 * Builds evaluation reports of the tenant's municipality in the current transaction (row-level security).
 * Run `build` in one REPEATABLE READ (or SERIALIZABLE) transaction: its queries must all see the same data, or
 * the linked tables disagree and the report is refused (`InconsistentLinkedTablesError`).
 */
@Injectable()
export class EvaluationReportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly metrics: EvaluationMetricsService,
    private readonly policy: EvaluationPolicyService,
  ) {}

  /** Distinct persons whose support started in the period (widened to whole cohorts of the template). */
  async population(request: EvaluationReportRequest): Promise<number> {
    const template = reportTemplate(request.template);
    const range = toCohortRange({
      ...request,
      granularity: template.granularity,
    });
    const rows: { population: number }[] = await this.txHost.tx.query(
      POPULATION_SQL,
      [range.firstCohort, range.lastCohort, range.granularity],
    );
    return rows[0].population;
  }

  /**
   * The published report, with the municipality's k (issue 19: a policy, not a request parameter): throws
   * `PopulationBelowThresholdError` (fewer than k
   * persons), `InvalidMetricsQueryError` (bad dates) or `DisclosureRiskError` (never expected: the audit failed).
   * `onProgress` gets fractions 0 < f ≤ 1 after each step.
   */
  async build(
    request: EvaluationReportRequest,
    onProgress?: (fraction: number) => void | Promise<void>,
  ): Promise<EvaluationReportResponse> {
    const template = reportTemplate(request.template);
    const k = await this.policy.k();
    const query = {
      from: request.from,
      to: request.to,
      granularity: template.granularity,
      k,
    };
    toCohortRange(query);
    assertPopulation(await this.population(request), k);
    const steps = template.breakdowns.length + 3;
    let done = 1;
    const progress = async () => {
      done += 1;
      await onProgress?.(done / steps);
    };
    await onProgress?.(done / steps);

    const total = await this.metrics.metrics({ ...query, breakdown: null });
    await progress();
    const byBreakdown: Partial<Record<Breakdown, EvaluationMetrics>> = {};
    for (const breakdown of template.breakdowns) {
      byBreakdown[breakdown] = await this.metrics.metrics({
        ...query,
        breakdown,
      });
      await progress();
    }
    const municipality: { code: string; name: string }[] =
      await this.txHost.tx.query(MUNICIPALITY_SQL);
    if (municipality.length !== 1) throw new MunicipalityNotFoundError();
    const report = buildEvaluationReport({
      request: { ...request, k },
      municipality: municipality[0],
      metrics: { total, byBreakdown } satisfies ReportMetrics,
    });
    await progress();
    return report;
  }
}
