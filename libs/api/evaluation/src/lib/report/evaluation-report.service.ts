import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  EvaluationReportRequest,
  EvaluationReportResponse,
} from '@wegweiser/shared/contracts';
import { assertPopulation, PopulationBelowThresholdError } from '../disclosure';
import {
  EvaluationMetricsService,
  MetricsByBreakdown,
} from '../metrics/evaluation-metrics.service';
import { EvaluationPolicyService } from '../policy/evaluation-policy.service';
import { toCohortRange } from '../metrics/metrics-query';
import { EvaluationReleaseLedger } from '../releases/release-ledger';
import { MUNICIPALITY_SQL, POPULATION_SQL } from './evaluation-report.sql';
import type { ReportMetrics } from './report-plan';
import { buildEvaluationRelease } from './report-tables';
import { reportTemplate } from './report-templates';
import { previousYear, quartersOfRange } from './release-period';

/** The current tenant has no municipality row (no tenant set on the transaction). */
export class MunicipalityNotFoundError extends Error {
  constructor() {
    super('No municipality for the current tenant');
    this.name = 'MunicipalityNotFoundError';
  }
}

type Progress = (fraction: number) => void | Promise<void>;

/**
 * Builds evaluation reports of the tenant's municipality in the current transaction (row-level security).
 * Run `build` in one REPEATABLE READ (or SERIALIZABLE) transaction: its queries must all see the same data, or
 * the linked tables disagree and the report is refused (`InconsistentLinkedTablesError`).
 *
 * Every build is a release: it is audited against the figures already published for overlapping quarters (the
 * release ledger) and records its own figures in the same transaction (a failed report records nothing). Releases
 * of one municipality are serialised (`EvaluationReleaseLedger.lock`).
 */
@Injectable()
export class EvaluationReportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly metrics: EvaluationMetricsService,
    private readonly policy: EvaluationPolicyService,
    private readonly ledger: EvaluationReleaseLedger,
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
   * A figure published before with another value is a revision (see `EvaluationReleaseLedger.record`).
   * The same quarters one year earlier are released first (as their own release, audited against the ledger) and
   * give the key figures' "Vorjahr" (none when that population is below k).
   * `onProgress` gets fractions 0 < f ≤ 1 after each step.
   */
  async build(
    request: EvaluationReportRequest,
    onProgress?: Progress,
  ): Promise<EvaluationReportResponse> {
    const template = reportTemplate(request.template);
    const k = await this.policy.k();
    toCohortRange({ ...request, granularity: template.granularity, k });
    assertPopulation(await this.population(request), k);
    await this.ledger.lock();
    await onProgress?.(1 / 3);
    const earlier = previousYear(request);
    const withPrevious = await this.publishable(earlier, k);
    // Both periods' figures from one statement (the persons read once); each is its own release.
    const periods = withPrevious ? [request, earlier] : [request];
    const [current, prior] = await this.metrics.metricsOfPeriods(
      periods.map((p) => this.query(p, k)),
      template.breakdowns,
    );
    await onProgress?.(2 / 3);
    const previous =
      withPrevious && prior
        ? await this.release(earlier, k, null, prior)
        : null;
    const report = await this.release(
      request,
      k,
      previous,
      current as MetricsByBreakdown,
    );
    await onProgress?.(1);
    return report;
  }

  /** Whether the population of `request` reaches k (the previous year's release is made only then). */
  private async publishable(
    request: EvaluationReportRequest,
    k: number,
  ): Promise<boolean> {
    try {
      assertPopulation(await this.population(request), k);
      return true;
    } catch (error) {
      if (error instanceof PopulationBelowThresholdError) return false;
      throw error;
    }
  }

  private query(request: EvaluationReportRequest, k: number) {
    return {
      from: request.from,
      to: request.to,
      granularity: reportTemplate(request.template).granularity,
      k,
    };
  }

  /** One release: the audit of its figures against the ledger, and its figures recorded. */
  private async release(
    request: EvaluationReportRequest,
    k: number,
    previous: EvaluationReportResponse | null,
    { total, byBreakdown }: MetricsByBreakdown,
  ): Promise<EvaluationReportResponse> {
    const range = toCohortRange(this.query(request, k));
    const municipality: { code: string; name: string }[] =
      await this.txHost.tx.query(MUNICIPALITY_SQL);
    if (municipality.length !== 1) throw new MunicipalityNotFoundError();
    const prior = await this.ledger.prior(
      quartersOfRange(range.firstCohort, range.lastCohort, range.granularity),
    );
    const { report, figures } = buildEvaluationRelease({
      request,
      municipality: municipality[0],
      metrics: { total, byBreakdown } satisfies ReportMetrics,
      k,
      prior,
      previous,
    });
    await this.ledger.record(figures);
    return report;
  }
}
