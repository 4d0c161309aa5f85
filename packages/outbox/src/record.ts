import { In, IsNull, type EntityManager } from 'typeorm';
import { OutboxEvent, type Database } from '@scr/db';

/**
 * Single-statement writes of a delivery's outcome. Both only touch a row that
 * is still undelivered: if our lease ran out and another pass delivered the
 * event meanwhile, its outcome stands.
 */

/** A pass's deliveries in one statement. */
export async function recordDeliveredMany(db: Database, seqs: number[], at: Date): Promise<void> {
  if (seqs.length === 0) return;
  await write(db, (manager) =>
    manager
      .createQueryBuilder()
      .update(OutboxEvent)
      .set({ deliveredAt: at })
      .where({ seq: In(seqs), deliveredAt: IsNull() })
      .execute(),
  );
}

/** Claimed events this pass did not try (held back behind a failure of their aggregate, or for the next pass): due at `at`, attempts unchanged. */
export async function reschedule(db: Database, seqs: number[], at: Date): Promise<void> {
  if (seqs.length === 0) return;
  await write(db, (manager) =>
    manager
      .createQueryBuilder()
      .update(OutboxEvent)
      .set({ nextAttemptAt: at })
      .where({ seq: In(seqs), deliveredAt: IsNull() })
      .execute(),
  );
}

export async function recordFailed(db: Database, seq: number, lastError: string, nextAttemptAt: Date): Promise<void> {
  await write(db, (manager) =>
    manager
      .createQueryBuilder()
      .update(OutboxEvent)
      // Incremented in SQL, so two passes racing after an expired lease both count.
      .set({ attempts: () => 'attempts + 1', lastError, nextAttemptAt })
      .where({ seq, deliveredAt: IsNull() })
      .execute(),
  );
}

/**
 * The receiver answers again: events of these types waiting on a failure's
 * backoff become due now, so they follow at once instead of over the next
 * minutes. Events never tried yet keep their schedule (a notBefore date is
 * never brought forward). Answers how many were brought forward.
 */
export async function bringForwardRetries(db: Database, types: readonly string[] | undefined, now: Date): Promise<number> {
  if (types && types.length === 0) return 0;
  const { affected } = await write(db, (manager) => {
    const query = manager
      .createQueryBuilder()
      .update(OutboxEvent)
      .set({ nextAttemptAt: now })
      .where('delivered_at IS NULL AND attempts > 0 AND next_attempt_at > :now', { now });
    if (types) query.andWhere('type IN (:...types)', { types: [...types] });
    return query.execute();
  });
  return affected ?? 0;
}

/**
 * On SQLite every statement goes through the Database's transaction queue:
 * better-sqlite3 has one connection, so a bare statement issued while a
 * service's transaction is open would run inside that transaction (and be
 * rolled back with it). On MySQL the pool gives each statement its own
 * autocommit connection.
 */
function write<T>(db: Database, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  return db.kind === 'sqlite' ? db.transaction(fn) : fn(db.manager);
}
