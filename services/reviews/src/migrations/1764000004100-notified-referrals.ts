import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A referral later notified may need a second review (its own was already
 * decided): one review per incident and origin instead of one per incident,
 * and the incident facts this subgraph keeps from incident events.
 */
export class ReviewsNotifiedReferrals1764000004100 implements MigrationInterface {
  name = 'ReviewsNotifiedReferrals1764000004100';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'incident_facts',
        columns: [
          { name: 'incident_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'criterion', type: 'varchar', length: '40' },
          { name: 'abuse_or_neglect', type: 'varchar', length: '20' },
          { name: 'notified_on', type: 'date', isNullable: true },
          { name: 'notified_to_panel', type: 'boolean' },
          { name: 'incident_version', type: 'integer' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    // Reviews opened before this change cannot tell; both kinds were announced as notified.
    await q.addColumn('reviews', new TableColumn({ name: 'origin', type: 'varchar', length: '20', default: "'NOTIFICATION'" }));
    const table = (await q.getTable('reviews'))!;
    // SQLite keeps a column's UNIQUE as a table constraint; MySQL as a unique index on the column.
    const unique = table.uniques.find((u) => u.columnNames.length === 1 && u.columnNames[0] === 'incident_id');
    if (unique) {
      await q.dropUniqueConstraint(table, unique);
    } else {
      const incidentId = table.findColumnByName('incident_id')!;
      const relaxed = incidentId.clone();
      relaxed.isUnique = false;
      await q.changeColumn(table, incidentId, relaxed);
    }
    await q.createIndex('reviews', new TableIndex({ name: 'idx_reviews_incident_origin', columnNames: ['incident_id', 'origin'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('reviews', 'idx_reviews_incident_origin');
    await q.dropColumn('reviews', 'origin');
    await q.dropTable('incident_facts');
  }
}
