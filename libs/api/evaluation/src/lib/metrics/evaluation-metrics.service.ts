import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  CASELOAD_SQL,
  CaseloadRow,
  closuresSql,
  ClosuresRow,
  goalsSql,
  GoalsRow,
  lifeTablesSql,
  LifeTablesRow,
  outcomesSql,
  OutcomesRow,
  softRatingsSql,
  SoftRatingsRow,
} from './evaluation-metrics.sql';
import { toEvaluationMetrics } from './evaluation-metrics.mapping';
import { EvaluationMetrics } from './evaluation-metrics.types';
import { EvaluationMetricsQuery, toCohortRange } from './metrics-query';

/**
 * The evaluation figures of the tenant's municipality (row-level security of
 * the current transaction), computed by six aggregate queries: no client
 * row reaches Node. Raw counts: disclosure control comes after.
 */
@Injectable()
export class EvaluationMetricsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async metrics(query: EvaluationMetricsQuery): Promise<EvaluationMetrics> {
    const range = toCohortRange(query);
    const params = [
      range.firstCohort,
      range.lastCohort,
      range.granularity,
      range.observedUntil,
    ];
    const tx = this.txHost.tx;
    const outcomes: OutcomesRow[] = await tx.query(
      outcomesSql(range.breakdown),
      params,
    );
    const goals: GoalsRow[] = await tx.query(goalsSql(range.breakdown), params);
    const softRatings: SoftRatingsRow[] = await tx.query(
      softRatingsSql(range.breakdown),
      params,
    );
    const closures: ClosuresRow[] = await tx.query(
      closuresSql(range.breakdown),
      params,
    );
    const lifeTables: LifeTablesRow[] = await tx.query(
      lifeTablesSql(range.breakdown),
      params,
    );
    const [caseload]: CaseloadRow[] = await tx.query(CASELOAD_SQL, [
      range.observedUntil,
    ]);
    return toEvaluationMetrics(range, {
      outcomes,
      goals,
      softRatings,
      closures,
      lifeTables,
      caseload: caseload ?? { open_cases: 0, managers: 0 },
    });
  }
}
