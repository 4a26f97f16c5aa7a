import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A table's rows as one JSON value inside a larger statement: a scalar sub-select (`json_agg` of whole rows, `[]`
 * when there are none) that a read gathering many parts sends as one statement instead of one per part. `where` and
 * `orderBy` refer to the rows as `t`; `where` may refer to the outer statement (e.g. the client as `c`).
 */
export function jsonRowsSql<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, where: string, orderBy: string): string {
  const table = manager.connection.getMetadata(target).tableName;
  return `(SELECT coalesce(json_agg(t ORDER BY ${orderBy}), '[]'::json) FROM "${table}" t WHERE ${where})`;
}

/**
 * The rows of `jsonRowsSql` as entities, hydrated as TypeORM hydrates a SELECT's rows (each column's type and
 * transformer through the driver), so a part read this way answers exactly as the part's own query would.
 * Columns TypeORM does not select by default (`select: false`) stay unset here too.
 */
export function hydrateJsonRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, json: unknown): T[] {
  if (!Array.isArray(json)) throw new Error('hydrateJsonRows: expected a JSON array of rows');
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((column) => column.isSelect);
  return json.map((raw: Record<string, unknown>) => {
    const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of columns) column.setEntityValue(entity, driver.prepareHydratedValue(raw[column.databaseName] ?? null, column));
    return entity;
  });
}

/** One part of a read that gathers many parts in one statement: a scalar SQL expression and how to answer from its value. */
export interface StatementPart<T> {
  /** A scalar expression of the statement's parameters (usually a sub-select yielding JSON). */
  sql: string;
  read(value: unknown): T | Promise<T>;
}

type PartAnswers<P extends Record<string, StatementPart<unknown>>> = {
  [K in keyof P]: P[K] extends StatementPart<infer T> ? T : never;
};

/** Reads every part in one statement (one round trip) and answers each from its value. */
export async function readParts<P extends Record<string, StatementPart<unknown>>>(
  manager: EntityManager,
  parts: P,
  params: unknown[],
): Promise<PartAnswers<P>> {
  const keys = Object.keys(parts) as (keyof P & string)[];
  const sql = `SELECT ${keys.map((key, i) => `${parts[key].sql} AS p${i}`).join(',\n       ')}`;
  const [row] = (await manager.query(sql, params)) as Record<string, unknown>[];
  if (!row) throw new Error('readParts: the statement returned no row');
  const answers: Partial<PartAnswers<P>> = {};
  for (const [i, key] of keys.entries()) answers[key] = (await parts[key].read(row[`p${i}`])) as PartAnswers<P>[typeof key];
  return answers as PartAnswers<P>;
}
