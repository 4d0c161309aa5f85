import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTable } from './audit-event.entity';
import { createIdempotencyKeyTable } from './idempotency-key.entity';
import { widenTextColumns } from './long-text';

export type MigrationClass = new () => MigrationInterface;

function migration(name: string, up: (q: QueryRunner) => Promise<void>, down: (q: QueryRunner) => Promise<void>): MigrationClass {
  return class implements MigrationInterface {
    name = name;
    up = up;
    down = down;
  };
}

/**
 * The migrations every subgraph's database takes alike, written once. Each
 * service still gets classes of its own, named `<Service><What><timestamp>`
 * exactly as its migrations table records them (TypeORM knows an applied
 * migration by that name), so a database migrated before finds nothing new.
 * `service` is the prefix its migrations have always had, such as "ActionPlans".
 */
export function sharedMigrations(service: string) {
  return {
    /** The append-only audit trail of this subgraph (the directory's holds the whole consortium's). */
    audit: migration(`${service}Audit1764000000400`, createAuditTable, (q) => q.dropTable('audit_events')),
    /** Room for 20,000 characters of any script in every text column on MySQL. */
    longText: migration(`${service}LongText1764000000500`, widenTextColumns, async () => {
      // Narrowing could cut stored text; nothing to undo safely.
    }),
    /** Idempotency keys of the mutations here that take one (a retried registration answers the first). */
    idempotencyKeys: migration(`${service}IdempotencyKeys1764000006000`, createIdempotencyKeyTable, (q) => q.dropTable('idempotency_keys')),
  };
}
