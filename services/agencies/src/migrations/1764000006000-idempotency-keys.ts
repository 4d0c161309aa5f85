import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyKeyTable } from '@scr/db';

/** Idempotency keys of the mutations here that take one (a retried registration answers the first). */
export class AgenciesIdempotencyKeys1764000006000 implements MigrationInterface {
  name = 'AgenciesIdempotencyKeys1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await createIdempotencyKeyTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('idempotency_keys');
  }
}
