import type { Database } from '@scr/db';
import { OutboxEvent } from '@scr/db';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILING';

export interface DeliveryState {
  id: string;
  type: string;
  occurredAt: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

const STATUS_SQL: Record<DeliveryStatus, string> = {
  DELIVERED: 'e.delivered_at IS NOT NULL',
  FAILING: 'e.delivered_at IS NULL AND e.attempts > 0',
  PENDING: 'e.delivered_at IS NULL AND e.attempts = 0',
};

/** Delivery state of the events whose type starts with `prefix`, newest first. */
export async function deliveryStates(db: Database, prefix: string, status: DeliveryStatus | undefined, limit: number): Promise<DeliveryState[]> {
  const qb = db.manager.createQueryBuilder(OutboxEvent, 'e').where('e.type LIKE :prefix', { prefix: `${prefix}%` });
  if (status) qb.andWhere(STATUS_SQL[status]);
  const rows = await qb.orderBy('e.seq', 'DESC').take(limit).getMany();
  return rows.map((e) => ({
    id: e.id,
    type: e.type.slice(prefix.length),
    occurredAt: e.occurredAt.toISOString(),
    status: e.deliveredAt ? 'DELIVERED' : e.attempts > 0 ? 'FAILING' : 'PENDING',
    attempts: e.attempts,
    lastError: e.lastError,
    deliveredAt: e.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: e.deliveredAt ? null : e.nextAttemptAt.toISOString(),
  }));
}

/**
 * Makes an undelivered event due now; answers false when no such undelivered
 * event exists here. An event never tried yet whose time has not come
 * (scheduled with notBefore, e.g. review.published on its publication date)
 * keeps its schedule: a retry never sends it early.
 */
export async function retryNow(db: Database, prefix: string, id: string): Promise<boolean> {
  const now = new Date();
  // Through db.transaction: on SQLite a bare statement could land inside another request's open transaction.
  const { affected } = await db.transaction((manager) =>
    manager
      .createQueryBuilder()
      .update(OutboxEvent)
      .set({ nextAttemptAt: now })
      .where('id = :id AND delivered_at IS NULL AND type LIKE :prefix', { id, prefix: `${prefix}%` })
      .andWhere('(attempts > 0 OR next_attempt_at <= :now)', { now })
      .execute(),
  );
  return !!affected;
}
