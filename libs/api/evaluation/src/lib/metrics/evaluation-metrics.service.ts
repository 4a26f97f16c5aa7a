import { Injectable } from '@nestjs/common';
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
import { EvaluationMetricsQuery, toCohortRange } from './metrics-query';

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
    const label: BreakdownLabel = range.breakdown ?? TOTAL;
    return (await this.labelled(query, [label], source))[label];
  }

  /** The totals and every breakdown of `breakdowns` from one statement (the persons of the period read once). */
  async metricsByBreakdown(
    query: Omit<EvaluationMetricsQuery, 'breakdown'>,
    breakdowns: readonly Breakdown[],
    source: PersonSource = 'readModel',
  ): Promise<MetricsByBreakdown> {
    const results = await this.labelled(query, [TOTAL, ...breakdowns], source);
    const byBreakdown: Partial<Record<Breakdown, EvaluationMetrics>> = {};
    for (const breakdown of breakdowns)
      byBreakdown[breakdown] = results[breakdown];
    return { total: results[TOTAL], byBreakdown };
  }

  private async labelled<L extends BreakdownLabel>(
    query: EvaluationMetricsQuery,
    labels: readonly L[],
    source: PersonSource,
  ): Promise<Record<L, EvaluationMetrics>> {
    const range = toCohortRange({ ...query, breakdown: null });
    const [row]: MetricsRow[] = await this.txHost.tx.query(
      metricsSql(labels, source),
      [
        range.firstCohort,
        range.lastCohort,
        range.granularity,
        range.observedUntil,
      ],
    );
    const of = <T extends { breakdown: BreakdownLabel }>(
      rows: readonly T[],
      label: L,
    ) => rows.filter((r) => r.breakdown === label);
    const results = {} as Record<L, EvaluationMetrics>;
    for (const label of labels)
      results[label] = toEvaluationMetrics(
        { ...range, breakdown: label === TOTAL ? null : (label as Breakdown) },
        {
          outcomes: of(row.outcomes, label),
          goals: of(row.goals, label),
          softRatings: of(row.soft_ratings, label),
          closures: of(row.closures, label),
          lifeTables: of(row.life_tables, label),
          caseload: row.caseload ?? { open_cases: 0, managers: 0 },
        },
      );
    return results;
  }
}
