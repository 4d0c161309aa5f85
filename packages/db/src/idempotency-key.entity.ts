import { Column, Entity, PrimaryColumn, Table, type EntityManager, type QueryRunner } from 'typeorm';
import { requestHash } from './request-hash';

/**
 * A mutation's idempotency key, as reportIncident's works: the key is scoped
 * (to what, the mutation says), stored in the transaction that creates the
 * record, with a digest of the rest of the input. The same key with the same
 * input answers the record it first created; with other input it is refused.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyRow {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  scope: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 200 })
  key: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'record_id', type: 'varchar', length: 36 })
  recordId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}

export type KeyedRequest = { scope: string; key: string; hash: string };

/** The key and digest of an input that carries `idempotencyKey` (the digest leaves the key out). */
export function keyedRequest<T extends { idempotencyKey?: string | null }>(scope: string, key: string, input: T): KeyedRequest {
  return { scope, key, hash: requestHash({ ...input, idempotencyKey: undefined }) };
}

/** The id of the record this key created, and whether it was created from the same input; undefined for a new key. */
export async function recordOfKey(manager: EntityManager, request: KeyedRequest): Promise<{ recordId: string; sameInput: boolean } | undefined> {
  const row = await manager.findOne(IdempotencyKeyRow, { where: { scope: request.scope, key: request.key } });
  return row ? { recordId: row.recordId, sameInput: row.requestHash === request.hash } : undefined;
}

/** Stores the key with the record it created; call in the same transaction. */
export async function storeKey(manager: EntityManager, request: KeyedRequest, recordId: string): Promise<void> {
  await manager.insert(IdempotencyKeyRow, { scope: request.scope, key: request.key, requestHash: request.hash, recordId, createdAt: new Date() });
}

export async function createIdempotencyKeyTable(q: QueryRunner): Promise<void> {
  await q.createTable(
    new Table({
      name: 'idempotency_keys',
      columns: [
        { name: 'scope', type: 'varchar', length: '200', isPrimary: true },
        { name: 'idempotency_key', type: 'varchar', length: '200', isPrimary: true },
        { name: 'request_hash', type: 'varchar', length: '64' },
        { name: 'record_id', type: 'varchar', length: '36' },
        { name: 'created_at', type: 'datetime', precision: 3 },
      ],
    }),
  );
}
