import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnly, createOutboxTable } from '@scr/db';

export class ActionPlans1764000000300 implements MigrationInterface {
  name = 'ActionPlans1764000000300';

  async up(q: QueryRunner): Promise<void> {
    const seq = { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    await q.createTable(
      new Table({
        name: 'action_plans',
        columns: [
          seq,
          { name: 'id', type: 'varchar', length: '36', isUnique: true },
          { name: 'review_id', type: 'varchar', length: '36', isUnique: true },
          { name: 'board_code', type: 'varchar', length: '32' },
          { name: 'created_by', type: 'varchar', length: '200' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'actions',
        columns: [
          seq,
          { name: 'id', type: 'varchar', length: '36', isUnique: true },
          { name: 'plan_id', type: 'varchar', length: '36' },
          { name: 'review_id', type: 'varchar', length: '36' },
          { name: 'board_code', type: 'varchar', length: '32' },
          { name: 'recommendation', type: 'text' },
          { name: 'description', type: 'text' },
          { name: 'owner_agency_id', type: 'varchar', length: '36' },
          { name: 'due_on', type: 'date' },
          { name: 'success_criteria', type: 'text' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'completed_on', type: 'date', isNullable: true },
          { name: 'impact_assessed_on', type: 'date', isNullable: true },
          { name: 'impact_rating', type: 'varchar', length: '20', isNullable: true },
          { name: 'impact_evidence', type: 'text', isNullable: true },
          { name: 'version', type: 'integer' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'idx_actions_plan', columnNames: ['plan_id'] },
          { name: 'idx_actions_board_due', columnNames: ['board_code', 'due_on'] },
          { name: 'idx_actions_owner', columnNames: ['owner_agency_id'] },
        ],
        foreignKeys: [{ columnNames: ['plan_id'], referencedTableName: 'action_plans', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'action_updates',
        columns: [
          seq,
          { name: 'action_id', type: 'varchar', length: '36' },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'by', type: 'varchar', length: '200' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'note', type: 'text' },
        ],
        indices: [{ name: 'idx_action_updates_action', columnNames: ['action_id', 'seq'] }],
        foreignKeys: [{ columnNames: ['action_id'], referencedTableName: 'actions', referencedColumnNames: ['id'] }],
      }),
    );
    await createOutboxTable(q);
    // Updates are a history: the database itself refuses to change or remove one.
    await appendOnly(q, 'action_updates');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['outbox_events', 'action_updates', 'actions', 'action_plans']) await q.dropTable(table);
  }
}
