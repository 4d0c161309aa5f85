import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createOutboxTable } from '@scr/db';

export class ActionPlans1764000000300 implements MigrationInterface {
  name = 'ActionPlans1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'action_plans',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'id', type: 'varchar', length: '36', isUnique: true },
          { name: 'review_id', type: 'varchar', length: '36', isUnique: true },
          { name: 'board_code', type: 'varchar', length: '32' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await createOutboxTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('outbox_events');
    await q.dropTable('action_plans');
  }
}
