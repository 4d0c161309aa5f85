import { In, type EntityManager } from 'typeorm';
import { OutboxEvent, type Database } from '@scr/db';

export interface ClaimOptions {
  batchSize: number;
  leaseMs: number;
  /** Only these event types; undefined means every type. */
  types?: readonly string[];
}

/**
 * Claims up to batchSize due events (undelivered, next_attempt_at <= now),
 * oldest seq first, and leases them: next_attempt_at moves to now + leaseMs
 * in the same short transaction. Until the lease runs out no other pass sees
 * them (another replica, or this one after a crash mid-delivery), yet a pass
 * that dies without recording an outcome costs only leaseMs before the
 * events are due again: at-least-once, never lost.
 *
 * MySQL: SELECT ... FOR UPDATE SKIP LOCKED, so concurrent replicas take
 * disjoint rows instead of waiting on each other; READ COMMITTED so the
 * locking read takes no gap locks that would stall services inserting new
 * events meanwhile. SQLite: the Database's transaction queue already
 * serialises every writer on its single connection.
 */
export async function claimBatch(db: Database, options: ClaimOptions, now: Date = new Date()): Promise<OutboxEvent[]> {
  if (options.types && options.types.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + options.leaseMs);

  const claim = async (manager: EntityManager): Promise<OutboxEvent[]> => {
    let query = manager
      .createQueryBuilder(OutboxEvent, 'e')
      .where('e.deliveredAt IS NULL')
      .andWhere('e.nextAttemptAt <= :now', { now })
      .orderBy('e.seq', 'ASC')
      .limit(options.batchSize);
    if (options.types) query = query.andWhere('e.type IN (:...types)', { types: [...options.types] });
    if (db.kind === 'mysql') query = query.setLock('pessimistic_write').setOnLocked('skip_locked');
    const rows = await query.getMany();
    if (rows.length > 0) {
      await manager.update(OutboxEvent, { seq: In(rows.map((row) => row.seq)) }, { nextAttemptAt: leaseUntil });
    }
    return rows;
  };

  return db.kind === 'mysql' ? db.dataSource.transaction('READ COMMITTED', claim) : db.transaction(claim);
}
