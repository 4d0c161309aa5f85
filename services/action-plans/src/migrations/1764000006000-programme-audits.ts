import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnly, widenTextColumns } from '@scr/db';

/** Audits of a plan's programme of action (DOMAIN.md step 9), kept as a history. */
export class ActionPlansProgrammeAudits1764000006000 implements MigrationInterface {
  name = 'ActionPlansProgrammeAudits1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'programme_audits',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'plan_id', type: 'varchar', length: '36' },
          { name: 'audited_on', type: 'date' },
          { name: 'findings', type: 'text' },
          { name: 'recorded_by', type: 'varchar', length: '200' },
          { name: 'recorded_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'idx_programme_audits_plan', columnNames: ['plan_id', 'seq'] }],
        foreignKeys: [{ columnNames: ['plan_id'], referencedTableName: 'action_plans', referencedColumnNames: ['id'] }],
      }),
    );
    // Room for 20,000 characters of findings in any script on MySQL, as every other text column has.
    await widenTextColumns(q);
    await appendOnly(q, 'programme_audits');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('programme_audits');
  }
}
