import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTable } from '@scr/db';

/** The append-only audit trail of this subgraph (the directory's holds the whole consortium's). */
export class IncidentsAudit1764000000400 implements MigrationInterface {
  name = 'IncidentsAudit1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await createAuditTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_events');
  }
}
