import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Table, type QueryRunner } from 'typeorm';

/**
 * An event written in the same transaction as the change it announces, so
 * a relay can deliver it at least once even if a service is down meanwhile.
 */
@Entity('outbox_events')
@Index('idx_outbox_pending', ['deliveredAt', 'nextAttemptAt'])
export class OutboxEvent {
  @PrimaryGeneratedColumn()
  seq: number;

  /** Stable event id: consumers use it to handle a redelivery only once. */
  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  type: string;

  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt: Date;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** Not before this instant: a failing event backs off without holding up newer ones. */
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;
}

export async function createOutboxTable(q: QueryRunner): Promise<void> {
  await q.createTable(
    new Table({
      name: 'outbox_events',
      columns: [
        { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'id', type: 'varchar', length: '36', isUnique: true },
        { name: 'type', type: 'varchar', length: '80' },
        { name: 'payload', type: 'text' },
        { name: 'occurred_at', type: 'datetime', precision: 3 },
        { name: 'delivered_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'attempts', type: 'integer', default: 0 },
        { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
        { name: 'next_attempt_at', type: 'datetime', precision: 3 },
      ],
      indices: [{ name: 'idx_outbox_pending', columnNames: ['delivered_at', 'next_attempt_at'] }],
    }),
  );
}

/**
 * A new event row; insert it with the same entity manager as the change it
 * announces. `notBefore` schedules it: no relay claims it earlier (a retry
 * only ever moves next_attempt_at later, and retryNow leaves a never-tried
 * event's schedule alone).
 */
export function newOutboxEvent(type: string, data: Record<string, unknown>, options: { notBefore?: Date } = {}): OutboxEvent {
  const now = new Date();
  return Object.assign(new OutboxEvent(), {
    id: randomUUID(),
    type,
    payload: JSON.stringify(data),
    occurredAt: now,
    nextAttemptAt: options.notBefore && options.notBefore.getTime() > now.getTime() ? options.notBefore : now,
    deliveredAt: null,
    attempts: 0,
    lastError: null,
  });
}
