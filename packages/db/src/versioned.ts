import type { EntityManager, EntityTarget, FindOptionsWhere, QueryDeepPartialEntity } from 'typeorm';

/** A row under optimistic locking: every write bumps its version. */
export interface Versioned {
  id: string;
  version: number;
}

/**
 * The optimistic-lock write: the changes and the next version, applied only
 * while the row still holds the version that was read (and `also`, such as a
 * stage). The condition is part of the UPDATE, so of two writers holding the
 * same version exactly one wins. False for the loser, which answers in its
 * own words (CONFLICT, or another course).
 */
export async function updateVersioned<E extends Versioned>(
  manager: EntityManager,
  target: EntityTarget<E>,
  read: Versioned,
  changes: QueryDeepPartialEntity<E>,
  also: FindOptionsWhere<E> = {},
): Promise<boolean> {
  const where = { ...also, id: read.id, version: read.version } as FindOptionsWhere<E>;
  const { affected } = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: read.version + 1 } as QueryDeepPartialEntity<E>)
    .where(where)
    .execute();
  return !!affected;
}
