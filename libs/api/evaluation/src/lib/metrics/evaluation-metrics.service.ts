import { Injectable } from '@nestjs/common';
import { calendarToday } from '@wegweiser/api/core';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  Breakdown,
  BreakdownLabel,
  metricsSql,
  MetricsRow,
  PersonSource,
  TOTAL,
} from './evaluation-metrics.sql';
import { toEvaluationMetrics } from './evaluation-metrics.mapping';
import { EvaluationMetrics } from './evaluation-metrics.types';
import {
  EvaluationMetricsQuery,
  InvalidMetricsQueryError,
  toCohortRange,
} from './metrics-query';

/** The grouping sets sort the period's persons in memory rather than on disk (this transaction only). */
const WORK_MEM_SQL = `SELECT set_config('work_mem', '64MB', true)`;

/** The metrics without a breakdown and per breakdown asked for. */
export interface MetricsByBreakdown {
  total: EvaluationMetrics;
  byBreakdown: Partial<Record<Breakdown, EvaluationMetrics>>;
}

/**
 * The evaluation figures of the tenant's municipality (row-level security of
 * the current transaction), computed by one aggregate statement over the read
 * model (`metricsSql`): no client row reaches Node. Raw counts: disclosure
 * control comes after. `source: 'live'` computes the same from the case
 * tables (the reference of the read model's test).
 */
@Injectable()
export class EvaluationMetricsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** The metrics of one query (its breakdown, or the cohort totals). */
  async metrics(
    query: EvaluationMetricsQuery,
    source: PersonSource = 'readModel',
  ): Promise<EvaluationMetrics> {
    const range = toCohortRange(query);
    const [result] = await this.metricsOfPeriods(
      [query],
      range.breakdown ? [range.breakdown] : [],
      source,
    );
    if (!result) throw new Error('no metrics');
    return range.breakdown
      ? (result.byBreakdown[range.breakdown] as EvaluationMetrics)
      : result.total;
  }

  /** The totals and every breakdown of `breakdowns` from one statement (the persons of the period read once). */
  async metricsByBreakdown(
    query: Omit<EvaluationMetricsQuery, 'breakdown'>,
    breakdowns: readonly Breakdown[],
    source: PersonSource = 'readModel',
  ): Promise<MetricsByBreakdown> {
    const [result] = await this.metricsOfPeriods([query], breakdowns, source);
    return result as MetricsByBreakdown;
  }

  /**
   * Like `metricsByBreakdown` for several periods of one granularity (a report and the same period a year
   * earlier) from one statement over the cohorts from the first to the last: every figure belongs to one cohort,
   * so each period's figures are its cohorts' rows.
   */
  async metricsOfPeriods(
    queries: readonly Omit<EvaluationMetricsQuery, 'breakdown'>[],
    breakdowns: readonly Breakdown[],
    source: PersonSource = 'readModel',
  ): Promise<MetricsByBreakdown[]> {
    const observedUntil = queries[0]?.observedUntil ?? calendarToday();
    const ranges = queries.map((q) =>
      toCohortRange({ ...q, observedUntil, breakdown: null }),
    );
    const granularity = ranges[0]?.granularity;
    if (!granularity || ranges.some((r) => r.granularity !== granularity))
      throw new InvalidMetricsQueryError('periods of one granularity expected');
    const labels: BreakdownLabel[] = [TOTAL, ...breakdowns];
    const first = ranges.map((r) => r.firstCohort).sort()[0] ?? '';
    const last =
      ranges
        .map((r) => r.lastCohort)
        .sort()
        .reverse()[0] ?? '';
    await this.txHost.tx.query(WORK_MEM_SQL);
    const [row]: MetricsRow[] = await this.txHost.tx.query(
      metricsSql(labels, source),
      [first, last, granularity, observedUntil],
    );
    return ranges.map((range) => {
      const of = <T extends { breakdown: BreakdownLabel; cohort: string }>(
        rows: readonly T[],
        label: BreakdownLabel,
      ) =>
        rows.filter(
          (r) =>
            r.breakdown === label &&
            r.cohort >= range.firstCohort &&
            r.cohort <= range.lastCohort,
        );
      const metricsOf = (label: BreakdownLabel) =>
        toEvaluationMetrics(
          { ...range, breakdown: label === TOTAL ? null : label },
          {
            outcomes: of(row.outcomes, label),
            goals: of(row.goals, label),
            softRatings: of(row.soft_ratings, label),
            closures: of(row.closures, label),
            lifeTables: of(row.life_tables, label),
            caseload: row.caseload ?? { open_cases: 0, managers: 0 },
          },
        );
      const byBreakdown: Partial<Record<Breakdown, EvaluationMetrics>> = {};
      for (const breakdown of breakdowns)
        byBreakdown[breakdown] = metricsOf(breakdown);
      return { total: metricsOf(TOTAL), byBreakdown };
    });
  }
}
