import { MigrationInterface, QueryRunner } from 'typeorm';

// Vocabularies and definitions as of this migration (a snapshot, like the record's checks).
const LATER_MEASURES: Record<string, string> = {
  employment: `x.kind = 'employment'`,
  employment_social_insurance: `x.kind = 'employment' AND x.employment_kind = 'social_insurance'`,
  employment_mini_job: `x.kind = 'employment' AND x.employment_kind = 'mini_job'`,
  employment_self_employed: `x.kind = 'employment' AND x.employment_kind = 'self_employed'`,
  employment_full_time: `x.kind = 'employment' AND x.full_time`,
  employment_part_time: `x.kind = 'employment' AND NOT x.full_time`,
  employment_matching: `x.kind = 'employment' AND x.matches_qualification`,
  apprenticeship: `x.kind = 'apprenticeship'`,
  studies: `x.kind = 'studies'`,
};
const AT_START_MEASURES = ['employment', 'apprenticeship', 'studies'];
const JOB_KINDS = ['social_insurance', 'self_employed', 'mini_job'];
const TRAININGS = ['apprenticeship', 'studies'];
const SOFT_FACTORS = ['health', 'social_environment', 'employment_quality'];
const STATUS_MONTHS = [12, 24, 36];
const months = (day: string) => `evaluation_months(c.support_start, ${day})`;
const AFTER_START = `NOT x.present_at_start AND x.achieved_on >= c.support_start`;
const AT_START = `(x.present_at_start OR x.achieved_on < c.support_start)`;
// An end before the start (refused by the API) runs on no day, like an empty range; no end runs on.
const span = `daterange(x.achieved_on, CASE WHEN x.ended_on IS NOT NULL THEN GREATEST(x.ended_on, x.achieved_on) END)`;

const COLUMNS = [
  'client_id',
  'municipality_id',
  'support_start',
  'cohort_quarter',
  'gender',
  'age_years',
  'country',
  'closure_reason',
  'b1_outcome_on',
  'b1_outcome_months',
  'b1_at_start_on',
  'b1_certified_on',
  'b1_certified_months',
  ...Object.keys(LATER_MEASURES).flatMap((m) => [`${m}_on`, `${m}_months`]),
  ...AT_START_MEASURES.map((m) => `${m}_at_start_on`),
  ...JOB_KINDS.map((k) => `${k}_spans`),
  ...TRAININGS.flatMap((t) => [
    `${t}_spans`,
    `${t}_completed_on`,
    `${t}_ended_on`,
  ]),
  'plan_agreed_on',
  'plan_months',
  ...STATUS_MONTHS.map((m) => `month${m}_on`),
  ...SOFT_FACTORS.map((f) => `${f}_change`),
  'goals',
];

const first = (factor: string, direction: 'ASC' | 'DESC') =>
  `(array_agg(${factor} ORDER BY rated_on ${direction}, created_at ${direction}, id ${direction}) FILTER (WHERE ${factor} IS NOT NULL))[1]`;

/** The facts of the clients `c` that satisfy `where`, in the order of COLUMNS. */
const factsSql = (where: string) => `
  SELECT c.id, c.municipality_id, c.support_start,
         date_trunc('quarter', c.support_start::timestamp)::date,
         c.gender,
         date_part('year', age(c.support_start, c.date_of_birth))::smallint,
         c.country_of_origin,
         CASE WHEN c.support_state = 'closed' THEN c.closure_reason END,
         o.b1_outcome_on, ${months('o.b1_outcome_on')}, o.b1_at_start_on, l.b1_certified_on, ${months('l.b1_certified_on')},
         ${Object.keys(LATER_MEASURES)
           .map((m) => `o.${m}_on, ${months(`o.${m}_on`)}`)
           .join(', ')},
         ${AT_START_MEASURES.map((m) => `o.${m}_at_start_on`).join(', ')},
         ${JOB_KINDS.map((k) => `o.${k}_spans`).join(', ')},
         ${TRAININGS.map((t) => `o.${t}_spans, o.${t}_completed_on, o.${t}_ended_on`).join(', ')},
         p.agreed_on, ${months('p.agreed_on')},
         ${STATUS_MONTHS.map((m) => `(c.support_start + make_interval(months => ${m}))::date`).join(', ')},
         ${SOFT_FACTORS.map((f) => `CASE WHEN r.${f}_ratings >= 2 THEN sign(r.${f}_latest - r.${f}_first)::smallint END`).join(', ')},
         COALESCE(g.goals, '{}'::jsonb)
    FROM client c
    CROSS JOIN LATERAL (
      SELECT min(x.achieved_on) FILTER (WHERE ${AFTER_START} AND x.kind = 'b1') AS b1_outcome_on,
             min(x.achieved_on) FILTER (WHERE ${AT_START} AND x.kind = 'b1') AS b1_at_start_on,
             ${Object.entries(LATER_MEASURES)
               .map(
                 ([m, filter]) =>
                   `min(x.achieved_on) FILTER (WHERE ${AFTER_START} AND ${filter}) AS ${m}_on`,
               )
               .join(',\n             ')},
             ${AT_START_MEASURES.map((m) => `min(x.achieved_on) FILTER (WHERE ${AT_START} AND ${LATER_MEASURES[m]}) AS ${m}_at_start_on`).join(',\n             ')},
             ${JOB_KINDS.map((k) => `COALESCE(array_agg(${span}) FILTER (WHERE x.kind = 'employment' AND x.employment_kind = '${k}'), '{}') AS ${k}_spans`).join(',\n             ')},
             ${TRAININGS.map(
               (
                 t,
               ) => `COALESCE(array_agg(${span}) FILTER (WHERE x.kind = '${t}' AND ${AFTER_START}), '{}') AS ${t}_spans,
             min(x.ended_on) FILTER (WHERE x.kind = '${t}' AND ${AFTER_START} AND x.completed IS TRUE) AS ${t}_completed_on,
             min(x.ended_on) FILTER (WHERE x.kind = '${t}' AND ${AFTER_START}) AS ${t}_ended_on`,
             ).join(',\n             ')}
        FROM outcome x
       WHERE x.client_id = c.id
    ) o
    CROSS JOIN LATERAL (
      SELECT min(s.certified_on) AS b1_certified_on
        FROM language_skill s
       WHERE s.client_id = c.id AND s.language = 'de' AND s.level IN ('B1', 'B2', 'C1', 'C2')
         AND nullif(btrim(s.certificate), '') IS NOT NULL
    ) l
    CROSS JOIN LATERAL (SELECT min(a.agreed_on) AS agreed_on FROM plan_agreement a WHERE a.client_id = c.id) p
    LEFT JOIN LATERAL (
      SELECT ${SOFT_FACTORS.map((f) => `count(${f}) AS ${f}_ratings, ${first(f, 'ASC')} AS ${f}_first, ${first(f, 'DESC')} AS ${f}_latest`).join(', ')}
        FROM soft_rating WHERE client_id = c.id
    ) r ON true
    LEFT JOIN LATERAL (
      SELECT jsonb_object_agg(field_of_action, states) AS goals
        FROM (SELECT field_of_action, jsonb_object_agg(state, goals) AS states
                FROM (SELECT field_of_action, state, count(*)::int AS goals FROM goal WHERE client_id = c.id GROUP BY field_of_action, state) by_state
               GROUP BY field_of_action) by_field
    ) g ON true
   WHERE ${where}`;

/** Statement-level triggers: the tables whose rows carry `client_id` and change an evaluation row. */
const CHILD_TABLES = [
  'outcome',
  'language_skill',
  'plan_agreement',
  'soft_rating',
  'goal',
];

/** The tables the backfill reads and writes. */
const BACKFILL_TABLES = ['client', ...CHILD_TABLES, 'evaluation_row'];

/** The client columns the evaluation row is made of (an update of others, e.g. the last contact, changes nothing). */
const CLIENT_FACTS = [
  'municipality_id',
  'support_start',
  'gender',
  'date_of_birth',
  'country_of_origin',
  'support_state',
  'closure_reason',
];

/**
 * The evaluation's read model (issue 20): one narrow row per live client with the facts every figure is computed
 * from — the support start, gender, age at start in years and country (the bands and the published gender are
 * applied when reading, by the same SQL as the live computation), the first day of each outcome reached during
 * support, the first day an outcome was there at the start, the runs of every job and training as date ranges
 * (for the status on a day), the first agreed plan, the change of each soft factor and the goal counts per field
 * of action and state. Only dates, no months: the figures of any observation day follow from the row
 * (evaluation-row.sql.ts), so nothing here ages.
 *
 * Kept current in the transaction of every write that changes it: statement-level triggers on the client (only
 * when one of CLIENT_FACTS changes), outcome, language_skill, plan_agreement, soft_rating and goal recompute the
 * rows of the clients the statement touched (`evaluation_row_refresh`). Concurrent writes for one client are
 * serialised on its row (`FOR NO KEY UPDATE`, in client order), and under READ COMMITTED the recomputation after
 * the wait sees the other's committed rows, so no write is lost. An erased client's row goes with the client
 * (cascade); its anonymous `evaluation_record` is unchanged. Row-level security as everywhere: the triggers run
 * as the writer, in the writer's municipality.
 */
export class AddEvaluationRow1768000000000 implements MigrationInterface {
  name = 'AddEvaluationRow1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE evaluation_row (
        client_id uuid PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        support_start date NOT NULL,
        cohort_quarter date NOT NULL,
        gender varchar(16) NOT NULL,
        age_years smallint NOT NULL,
        country char(2) NOT NULL,
        closure_reason varchar(32),
        b1_outcome_on date,
        b1_outcome_months integer,
        b1_at_start_on date,
        b1_certified_on date,
        b1_certified_months integer,
        ${Object.keys(LATER_MEASURES)
          .map((m) => `${m}_on date, ${m}_months integer`)
          .join(',\n        ')},
        ${AT_START_MEASURES.map((m) => `${m}_at_start_on date`).join(',\n        ')},
        ${JOB_KINDS.map((k) => `${k}_spans daterange[] NOT NULL`).join(',\n        ')},
        ${TRAININGS.map((t) => `${t}_spans daterange[] NOT NULL, ${t}_completed_on date, ${t}_ended_on date`).join(',\n        ')},
        plan_agreed_on date,
        plan_months integer,
        ${STATUS_MONTHS.map((m) => `month${m}_on date NOT NULL`).join(',\n        ')},
        ${SOFT_FACTORS.map((f) => `${f}_change smallint`).join(',\n        ')},
        goals jsonb NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX evaluation_row_cohort_idx ON evaluation_row (municipality_id, cohort_quarter)`,
    );
    await queryRunner.query(
      `ALTER TABLE evaluation_row ENABLE ROW LEVEL SECURITY`,
    );
    await queryRunner.query(
      `ALTER TABLE evaluation_row FORCE ROW LEVEL SECURITY`,
    );
    await queryRunner.query(
      `CREATE POLICY evaluation_row_tenant ON evaluation_row USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
    const columns = COLUMNS.join(', ');
    await queryRunner.query(`
      CREATE FUNCTION evaluation_row_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        PERFORM 1 FROM evaluation_row WHERE client_id = ANY(ids) ORDER BY client_id FOR NO KEY UPDATE;
        INSERT INTO evaluation_row (${columns})
        ${factsSql('c.id = ANY(ids)')}
        ON CONFLICT (client_id) DO UPDATE SET (${COLUMNS.slice(1).join(', ')}) = ROW(${COLUMNS.slice(
          1,
        )
          .map((c) => `EXCLUDED.${c}`)
          .join(', ')});
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION evaluation_row_after_child_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM evaluation_row_refresh(ARRAY(SELECT DISTINCT client_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM evaluation_row_refresh(ARRAY(SELECT DISTINCT client_id FROM old_rows));
        ELSE
          PERFORM evaluation_row_refresh(ARRAY(SELECT client_id FROM new_rows UNION SELECT client_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION evaluation_row_after_client_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM evaluation_row_refresh(ARRAY(SELECT id FROM new_rows));
        ELSE
          PERFORM evaluation_row_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o USING (id)
             WHERE (${CLIENT_FACTS.map((c) => `n.${c}`).join(', ')}) IS DISTINCT FROM (${CLIENT_FACTS.map((c) => `o.${c}`).join(', ')})));
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of CHILD_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_evaluation_row_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_row_after_child_write()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_evaluation_row_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_row_after_child_write()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_evaluation_row_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_row_after_child_write()`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER client_evaluation_row_insert AFTER INSERT ON client REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_row_after_client_write()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER client_evaluation_row_update AFTER UPDATE ON client REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_row_after_client_write()`,
    );
    // Every client there is, across municipalities: the owner steps out of the policies for this one statement.
    const forced: { relname: string }[] = await queryRunner.query(
      `SELECT relname FROM pg_class WHERE relname = ANY($1) AND relforcerowsecurity AND relnamespace = current_schema()::regnamespace`,
      [BACKFILL_TABLES],
    );
    for (const { relname } of forced)
      await queryRunner.query(
        `ALTER TABLE ${relname} NO FORCE ROW LEVEL SECURITY`,
      );
    await queryRunner.query(
      `INSERT INTO evaluation_row (${columns}) ${factsSql('true')}`,
    );
    for (const { relname } of forced)
      await queryRunner.query(
        `ALTER TABLE ${relname} FORCE ROW LEVEL SECURITY`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of CHILD_TABLES)
      for (const event of ['insert', 'update', 'delete'])
        await queryRunner.query(
          `DROP TRIGGER ${table}_evaluation_row_${event} ON ${table}`,
        );
    await queryRunner.query(
      `DROP TRIGGER client_evaluation_row_insert ON client`,
    );
    await queryRunner.query(
      `DROP TRIGGER client_evaluation_row_update ON client`,
    );
    await queryRunner.query(
      `DROP FUNCTION evaluation_row_after_client_write()`,
    );
    await queryRunner.query(`DROP FUNCTION evaluation_row_after_child_write()`);
    await queryRunner.query(`DROP FUNCTION evaluation_row_refresh(uuid[])`);
    await queryRunner.query(`DROP TABLE evaluation_row`);
  }
}
