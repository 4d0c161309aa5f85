import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createOutboxTable } from '@scr/db';

export class Reviews1764000000200 implements MigrationInterface {
  name = 'Reviews1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reviewers',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'id', type: 'varchar', length: '36', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'qualifications', type: 'text' },
          { name: 'affiliated_agency_ids', type: 'text' },
          { name: 'affiliated_board_codes', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await createOutboxTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('outbox_events');
    await q.dropTable('reviewers');
  }
}
