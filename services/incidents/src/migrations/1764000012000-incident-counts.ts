import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { countsFromIncidentRowsSql } from '../stats/incident-counts';

/**
 * Pre-aggregated statistics (incident_counts), built from the incidents already
 * stored so an existing database answers exactly as before.
 *
 * No (board_code, seq) index for the board's incident list: measured on
 * MariaDB 10.11 with 1,000,000 incidents, a page after a cursor
 * (board_code = ? AND seq < ?) then used it as `ref` on board_code alone and
 * skipped every newer row of the board (1.1 s, 106,000 rows read), where the
 * primary key read backwards finds the page in 0.2 ms (about 250 rows).
 */
export class IncidentsCounts1764000012000 implements MigrationInterface {
  name = 'IncidentsCounts1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'incident_counts',
        columns: [
          { name: 'dimension', type: 'varchar', length: '24', isPrimary: true },
          { name: 'board_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'month', type: 'date', isPrimary: true },
          { name: 'stat_key', type: 'varchar', length: '40', isPrimary: true },
          { name: 'n', type: 'integer' },
        ],
      }),
    );
    for (const sql of countsFromIncidentRowsSql(q.connection.options.type === 'mysql' ? 'mysql' : 'sqlite')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('incident_counts');
  }
}
