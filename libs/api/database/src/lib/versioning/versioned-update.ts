import { ConflictException } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Optimistic locking that really locks: one conditional UPDATE
 * `... WHERE id = :id AND version = :version` that also bumps the version.
 * Zero rows affected means someone else won: 409 `staleVersion` with the
 * current version (TypeORM's save() does not guarantee this, see STACK.md).
 *
 * `scope` adds conditions (e.g. the team) so that a row outside the caller's
 * reach is never touched; `notFound` is thrown when the row does not exist
 * within that scope at all.
 */
export async function versionedUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  version: number,
  changes: Partial<T>,
  notFound: () => Error,
  scope: Record<string, unknown> = {},
): Promise<number> {
  const conditions = Object.keys(scope).map((key) => `${key} = :scope_${key}`);
  const params = Object.fromEntries(Object.entries(scope).map(([key, value]) => [`scope_${key}`, value]));
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where(['id = :id', 'version = :version', ...conditions].join(' AND '), { id, version, ...params })
    .returning(['version'])
    .execute();
  if (result.affected) return Number((result.raw as { version: number }[])[0]?.version ?? version + 1);
  const current = await manager
    .createQueryBuilder()
    .select('t.version', 'version')
    .from(target, 't')
    .where(['t.id = :id', ...Object.keys(scope).map((key) => `t.${key} = :scope_${key}`)].join(' AND '), { id, ...params })
    .getRawOne<{ version: number }>();
  if (!current) throw notFound();
  throw new ConflictException({
    code: 'staleVersion',
    message: 'Someone else changed this in the meantime.',
    currentVersion: Number(current.version),
  });
}
