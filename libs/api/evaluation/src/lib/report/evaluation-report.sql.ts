/**
 * SQL of the report service. `$1`/`$2` first days of the first and the last cohort, `$3` granularity — the same
 * parameters and the same cohort range as the metrics (`evaluation-metrics.sql.ts`).
 *
 * The population is the persons the metrics count (live clients under row-level security plus the anonymous
 * records of erased ones): the read model's rows of the cohorts (`evaluation_row` has one row per live client,
 * kept in the writing transaction) and the records, each counted on its (municipality, cohort quarter) index.
 */
const inCohorts = (alias: string) =>
  `${alias}.cohort_quarter >= $1::date AND ${alias}.cohort_quarter < ($2::date + CASE $3::text WHEN 'year' THEN interval '1 year' ELSE interval '3 months' END)::date`;

export const POPULATION_SQL = `
  SELECT (SELECT count(*) FROM evaluation_row e WHERE ${inCohorts('e')})::int
       + (SELECT count(*) FROM evaluation_record r WHERE ${inCohorts('r')})::int AS population`;

/** The tenant's municipality (row-level security shows only it). */
export const MUNICIPALITY_SQL = `SELECT code, name FROM municipality WHERE id = current_municipality_id()`;
