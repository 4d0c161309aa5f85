import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createOutboxTable } from '@scr/db';

export class Incidents1764000000100 implements MigrationInterface {
  name = 'Incidents1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'incidents',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'id', type: 'varchar', length: '36', isUnique: true },
          { name: 'reference', type: 'varchar', length: '48', isUnique: true },
          { name: 'reference_year', type: 'integer' },
          { name: 'reference_number', type: 'integer' },
          { name: 'board_code', type: 'varchar', length: '32' },
          { name: 'criterion', type: 'varchar', length: '40' },
          { name: 'abuse_or_neglect', type: 'varchar', length: '20' },
          { name: 'suspected_suicide', type: 'boolean' },
          { name: 'notifiable', type: 'boolean' },
          { name: 'occurred_on', type: 'date' },
          { name: 'occurred_in_area', type: 'varchar', length: '200', isNullable: true },
          { name: 'aware_on', type: 'date' },
          { name: 'notification_due_on', type: 'date', isNullable: true },
          { name: 'notified_on', type: 'date', isNullable: true },
          { name: 'notification_recorded_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'summary', type: 'text', isNullable: true },
          { name: 'version', type: 'integer' },
          { name: 'created_by', type: 'varchar', length: '200' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'idx_incidents_board_year_number', columnNames: ['board_code', 'reference_year', 'reference_number'], isUnique: true },
          { name: 'idx_incidents_board_aware', columnNames: ['board_code', 'aware_on'] },
          { name: 'idx_incidents_recorded', columnNames: ['notification_recorded_at'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'incident_children',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'incident_id', type: 'varchar', length: '36' },
          { name: 'position', type: 'integer' },
          { name: 'pseudonym', type: 'varchar', length: '100' },
          { name: 'full_name', type: 'varchar', length: '300' },
          { name: 'date_of_birth', type: 'date', isNullable: true },
          { name: 'age_band', type: 'varchar', length: '20' },
          { name: 'age_band_derived', type: 'boolean' },
          { name: 'sex', type: 'varchar', length: '10' },
          { name: 'ethnicity', type: 'varchar', length: '40' },
          { name: 'disability', type: 'boolean', isNullable: true },
          { name: 'social_care_status', type: 'varchar', length: '40' },
        ],
        indices: [{ name: 'idx_incident_children_incident', columnNames: ['incident_id', 'position'] }],
        foreignKeys: [{ columnNames: ['incident_id'], referencedTableName: 'incidents', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'incident_abuse_types',
        columns: [
          { name: 'incident_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'abuse_type', type: 'varchar', length: '40', isPrimary: true },
          { name: 'position', type: 'integer' },
        ],
        foreignKeys: [{ columnNames: ['incident_id'], referencedTableName: 'incidents', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'incident_idempotency_keys',
        columns: [
          { name: 'board_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'idempotency_key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'incident_id', type: 'varchar', length: '36' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'incident_reference_counters',
        columns: [
          { name: 'board_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'last_number', type: 'integer' },
        ],
      }),
    );
    await createOutboxTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbox_events',
      'incident_reference_counters',
      'incident_idempotency_keys',
      'incident_abuse_types',
      'incident_children',
      'incidents',
    ]) {
      await q.dropTable(table);
    }
  }
}
