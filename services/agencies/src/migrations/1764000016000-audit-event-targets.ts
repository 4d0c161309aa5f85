import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTargetTable } from '@scr/db';

/** The trail searched by target id through an index (issue 16), filled from the ids the stored events already name. */
export class AgenciesAuditEventTargets1764000016000 implements MigrationInterface {
  name = 'AgenciesAuditEventTargets1764000016000';

  async up(q: QueryRunner): Promise<void> {
    await createAuditTargetTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_event_targets');
  }
}
