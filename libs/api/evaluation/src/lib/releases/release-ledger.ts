import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { normalised, scopeKey, type FigureScope } from './figure-scope';
import type { ReleasedFigure } from './release-audit';

/** Serialises the releases of the tenant's municipality to the end of the transaction (and counts them, see the migration). */
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('evaluation_release:' || current_municipality_id()::text, 0))`;
const BUMP_SQL = `UPDATE municipality SET evaluation_releases = evaluation_releases + 1 WHERE id = current_municipality_id()`;
const PRIOR_SQL = `SELECT scope, value FROM evaluation_release_figure WHERE quarters && $1::text[] ORDER BY scope_key`;
const RECORD_SQL = `
  INSERT INTO evaluation_release_figure (municipality_id, scope_key, scope, quarters, value)
  SELECT current_municipality_id(), f.key, f.scope, ARRAY(SELECT jsonb_array_elements_text(f.scope -> 'quarters')), f.value
    FROM jsonb_to_recordset($1::jsonb) AS f(key text, scope jsonb, value integer)
  ON CONFLICT (municipality_id, scope_key) DO UPDATE SET value = EXCLUDED.value
    WHERE EXCLUDED.value IS NOT NULL AND evaluation_release_figure.value IS DISTINCT FROM EXCLUDED.value`;

/**
 * The persisted release ledger of the tenant's municipality (row-level security), used in the report's transaction:
 * `lock` first, then `prior`, then `record` — so a failed report records nothing and two releases of one
 * municipality are never audited against the same prior.
 */
@Injectable()
export class EvaluationReleaseLedger {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /**
   * Waits for any other release of the municipality to end. Under REPEATABLE READ, a release committed after this
   * transaction's snapshot makes the bump fail with a serialisation failure (retry the whole report).
   */
  async lock(): Promise<void> {
    await this.txHost.tx.query(LOCK_SQL);
    await this.txHost.tx.query(BUMP_SQL);
  }

  /** Every recorded figure whose quarters overlap `quarters`. */
  async prior(quarters: readonly string[]): Promise<ReleasedFigure[]> {
    if (quarters.length === 0) return [];
    const rows: { scope: FigureScope; value: number | null }[] = await this.txHost.tx.query(PRIOR_SQL, [normalised(quarters)]);
    return rows.map((row) => ({ scope: row.scope, value: row.value }));
  }

  /**
   * Records the figures of a release: a figure already recorded with the same value adds nothing; a suppressed one
   * published now gets its value; one published before and suppressed now stays as published. A published figure
   * whose scope holds another value is a revision (the data changed since: an outcome recorded late, time passing):
   * the new value replaces the old one, as the latest state of what has been published.
   */
  async record(figures: readonly ReleasedFigure[]): Promise<void> {
    if (figures.length === 0) return;
    const rows = JSON.stringify(
      figures.map((figure) => ({
        key: scopeKey(figure.scope),
        scope: {
          family: figure.scope.family,
          quarters: normalised(figure.scope.quarters),
          rows: normalised(figure.scope.rows),
          columns: normalised(figure.scope.columns),
        },
        value: figure.value,
      })),
    );
    await this.txHost.tx.query(RECORD_SQL, [rows]);
  }
}
