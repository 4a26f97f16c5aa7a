/**
 * SQL of the report service. `$1`/`$2` first days of the first and the last cohort, `$3` granularity — the same
 * parameters and the same cohort expression as the metrics (`evaluation-metrics.sql.ts`).
 *
 * The population is the persons the metrics count (live clients under row-level security plus the anonymous
 * records of erased ones), counted straight from `client` and `evaluation_record`: `LIVE_PERSONS_SQL` selects
 * one row per client with left joins only, so the set is the same without computing any outcome.
 */
const inPeriod = (quarterExpression: string) =>
  `date_trunc($3::text, ${quarterExpression}::timestamp)::date BETWEEN $1::date AND $2::date`;

export const POPULATION_SQL = `
  SELECT (SELECT count(*) FROM client c
           WHERE ${inPeriod(`date_trunc('quarter', c.support_start::timestamp)::date`)})::int
       + (SELECT count(*) FROM evaluation_record r WHERE ${inPeriod('r.cohort_quarter')})::int AS population`;

/** The tenant's municipality (row-level security shows only it). */
export const MUNICIPALITY_SQL = `SELECT code, name FROM municipality WHERE id = current_municipality_id()`;
